/**
 * `analyzeStore`'s candidates from the config: ratio and integrity measures and the activity no
 * step maps, beside volumes, responses and steps. One store is planted so that the share of a
 * week's contacts that were set an appointment, not how many contacts there were, drives the next
 * weeks' sales; another so that the e-mails and texts no step maps do.
 */
import { dayFromDate } from '../../src/core/civil-date';
import { eventColumnsOf } from '../../src/core/event-columns';
import type { StepEvent } from '../../src/core/model';
import { analyzeStore, type StoreAnalysis } from '../../src/core/predictive-store';
import { seededRandom } from '../../src/core/seeded-random';
import { integrity, local, modelBuilder, ratio, rep, staleLead } from '../core/builders';
import { studentTQuantile } from '../../src/lib/student-t';

const HOUR = 3_600_000;
const FIRST_MONDAY = dayFromDate('2026-03-02') as number;
const WEEKS = 18;
const PEOPLE = 8;
const dateOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** `count` sales credited to `user` on the Wednesday of week `w`, an hour apart. */
function salesOf(user: string, w: number, count: number): StepEvent[] {
  return Array.from({ length: count }, (_, k) => ({
    step: 'sold',
    user,
    subject: `${user}-${w}-sale-${k}`,
    at: local(dateOf(FIRST_MONDAY + w * 7 + 2), '15:00') + k * HOUR,
    recordId: `${user}-${w}-sale-${k}`,
  }));
}

/** The store's analysis with one staleLead measure (the builders' default), as `analyze` runs it. */
function analysedWithStaleLead(events: StepEvent[]): StoreAnalysis {
  return analyzeStore({
    model: modelBuilder().measures(staleLead()).build(),
    reps: Array.from({ length: PEOPLE }, (_, p) => rep(`rep-${p}`)),
    events: eventColumnsOf(events),
    now: local(dateOf(FIRST_MONDAY + WEEKS * 7), '09:00'),
    tQuantile: studentTQuantile,
  });
}

/** Per rep and week: 6–12 contacts a working day, 10–90% of them set; sales next week ≈ 4 × last week's share. */
function plantedStore(): StepEvent[] {
  const random = seededRandom(21);
  const events: StepEvent[] = [];
  for (let p = 0; p < PEOPLE; p++) {
    const user = `rep-${p}`;
    let shareLastWeek = 0.5;
    for (let w = 0; w < WEEKS; w++) {
      const share = 0.1 + 0.8 * random();
      for (let d = 0; d < 6; d++) {
        const morning = local(dateOf(FIRST_MONDAY + w * 7 + d), '09:00');
        const contacts = 6 + Math.floor(random() * 7);
        for (let k = 0; k < contacts; k++) {
          const subject = `${user}-${w}-${d}-${k}`;
          // Twenty minutes apart: no burst for the integrity measure to set aside.
          const at = morning + (k * HOUR) / 3;
          events.push({ step: 'contact', user, subject, at, recordId: `${subject}-c`, durationSec: 300 });
          if (random() < share)
            events.push({ step: 'appointment_set', user, subject, at: at + HOUR / 6, recordId: `${subject}-a` });
        }
      }
      events.push(...salesOf(user, w, Math.floor(4 * shareLastWeek + random())));
      shareLastWeek = share;
    }
  }
  return events;
}

describe('the store analysis with ratio and integrity measures', () => {
  const model = modelBuilder()
    .measures(
      ratio({ id: 'set_rate', label: 'Appointment set rate', from: 'contact', to: 'appointment_set' }),
      ratio({ id: 'close_rate', label: 'Close rate', from: 'write_up', to: 'sold' }),
      integrity({ id: 'real_calls', label: 'Real calls' }),
    )
    .build();
  const analysis = analyzeStore({
    model,
    reps: Array.from({ length: PEOPLE }, (_, p) => rep(`rep-${p}`)),
    events: eventColumnsOf(plantedStore()),
    now: local(dateOf(FIRST_MONDAY + WEEKS * 7), '09:00'),
    tQuantile: studentTQuantile,
  });
  const byId = new Map(analysis.measures.map((m) => [m.id, m]));

  it('given sales that follow the share of contacts set, when analysed, then the ratio measure is a share candidate and predictive here', () => {
    expect(byId.get('set_rate')).toMatchObject({
      label: 'Appointment set rate',
      source: 'ratio measure',
      kind: 'share',
      verdict: 'predictive here',
    });
    expect(byId.get('contact')?.verdict).toBe('not predictive here');
  });

  it('given a ratio into the outcome step, when analysed, then it is no candidate (its numerator is the outcome itself)', () => {
    expect(byId.has('close_rate')).toBe(false);
  });

  it('given an integrity measure, when analysed, then its suspicious share is a candidate of its own', () => {
    expect(byId.get('real_calls')).toMatchObject({ source: 'integrity measure', kind: 'share' });
  });

  it('given no staleLead measure, when analysed, then there is no activity-no-step-measures candidate (nothing keeps it)', () => {
    expect(byId.has('unmeasured_activity')).toBe(false);
  });
});

/** Per rep and week: 1–8 e-mails and texts a working day no step maps; sales next week ≈ half last week's a day. */
function touchedStore(): StepEvent[] {
  const random = seededRandom(5);
  const events: StepEvent[] = [];
  for (let p = 0; p < PEOPLE; p++) {
    const user = `rep-${p}`;
    let touchesLastWeek = 4;
    for (let w = 0; w < WEEKS; w++) {
      const touches = 1 + Math.floor(random() * 8);
      for (let d = 0; d < 6; d++) {
        const morning = local(dateOf(FIRST_MONDAY + w * 7 + d), '09:00');
        const subject = `${user}-${w}-${d}`;
        events.push({ step: 'contact', user, subject, at: morning, recordId: `${subject}-call`, durationSec: 300 });
        for (let k = 0; k < touches; k++) {
          const at = morning + (k + 1) * HOUR;
          events.push({ step: 'touch:stale_leads', user, subject, at, recordId: `${subject}-${k}` });
        }
      }
      events.push(...salesOf(user, w, Math.floor(0.5 * touchesLastWeek + random())));
      touchesLastWeek = touches;
    }
  }
  return events;
}

describe('the store analysis with activity no step measures', () => {
  it('given sales that follow the e-mails and texts no step maps, when analysed with a staleLead measure, then they are one candidate and predictive here', () => {
    const analysis = analysedWithStaleLead(touchedStore());

    expect(analysis.measures.find((m) => m.id === 'unmeasured_activity')).toMatchObject({
      label: 'Other activity on leads',
      source: 'unmeasured activity',
      kind: 'per working day',
      verdict: 'predictive here',
    });
  });
});

/**
 * Per rep and week: 4 new leads a working day, 10–90% of them called the next day, the rest five
 * days later; sales next week ≈ 4 × last week's share.
 */
function followedUpStore(): StepEvent[] {
  const random = seededRandom(8);
  const events: StepEvent[] = [];
  for (let p = 0; p < PEOPLE; p++) {
    const user = `rep-${p}`;
    let shareLastWeek = 0.5;
    for (let w = 0; w < WEEKS; w++) {
      const share = 0.1 + 0.8 * random();
      for (let d = 0; d < 6; d++) {
        const morning = local(dateOf(FIRST_MONDAY + w * 7 + d), '09:00');
        for (let k = 0; k < 4; k++) {
          const subject = `${user}-${w}-${d}-${k}`;
          const at = morning + k * HOUR;
          events.push({ step: 'lead', user, subject, at, recordId: `${subject}-l` });
          const after = random() < share ? 1 : 5;
          const call = at + after * 24 * HOUR;
          events.push({ step: 'attempt', user, subject, at: call, recordId: `${subject}-a`, durationSec: 60 });
        }
      }
      events.push(...salesOf(user, w, Math.floor(4 * shareLastWeek + random())));
      shareLastWeek = share;
    }
  }
  return events;
}

describe('the store analysis with a staleLead measure', () => {
  it('given sales that follow the share of new leads called within three days, when analysed, then that share is the stale-lead measure’s candidate and predictive here', () => {
    const analysis = analysedWithStaleLead(followedUpStore());

    expect(analysis.measures.find((m) => m.id === 'stale_leads:touched')).toMatchObject({
      label: 'New leads touched within 3 days',
      source: 'stale-lead measure',
      kind: 'share',
      verdict: 'predictive here',
    });
    expect(analysis.measures.some((m) => m.id === 'stale_leads')).toBe(false);
  });
});
