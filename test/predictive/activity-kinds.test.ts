/**
 * The store analysis with the activity no step measures told apart by kind: each Task or Event
 * type the store holds as `activity:` events (lead-touches.ts) is a candidate of its own, so the
 * e-mails that drive sales are found apart from the texts that do not.
 */
import { dayFromDate } from '../../src/core/civil-date';
import { eventColumnsOf } from '../../src/core/event-columns';
import type { StepEvent } from '../../src/core/model';
import { analyzeStore, type StoreAnalysisInput } from '../../src/core/predictive-store';
import { MAX_ACTIVITY_KINDS } from '../../src/core/predictive-unmeasured';
import { seededRandom } from '../../src/core/seeded-random';
import { local, modelBuilder, rep, staleLead } from '../core/builders';
import { studentTQuantile } from '../../src/lib/student-t';

const HOUR = 3_600_000;
const FIRST_MONDAY = dayFromDate('2026-03-02') as number;
const WEEKS = 18;
const PEOPLE = 8;
const dateOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** One record no step maps, as the mapper stores it: its touch and its activity of `kind`. */
function touched(kind: string, user: string, subject: string, at: number, recordId: string): StepEvent[] {
  return [
    { step: 'touch:stale_leads', user, subject, at, recordId },
    { step: `activity:Task:${kind}`, user, subject, at, recordId },
  ];
}

/**
 * Per rep and week: 1–8 e-mails and 1–8 texts a working day, drawn apart; sales next week ≈ half
 * last week's e-mails a day. `extraKinds` more task types, one record each.
 */
function typedStore(extraKinds = 0): StepEvent[] {
  const random = seededRandom(7);
  const events: StepEvent[] = [];
  for (let p = 0; p < PEOPLE; p++) {
    const user = `rep-${p}`;
    let emailsLastWeek = 4;
    for (let w = 0; w < WEEKS; w++) {
      const emails = 1 + Math.floor(random() * 8);
      const texts = 1 + Math.floor(random() * 8);
      for (let d = 0; d < 6; d++) {
        const morning = local(dateOf(FIRST_MONDAY + w * 7 + d), '08:00');
        const subject = `${user}-${w}-${d}`;
        events.push({ step: 'contact', user, subject, at: morning, recordId: `${subject}-call`, durationSec: 300 });
        for (let k = 0; k < emails; k++)
          events.push(...touched('Email', user, subject, morning + (k + 1) * HOUR, `${subject}-e${k}`));
        for (let k = 0; k < texts; k++)
          events.push(...touched('Text', user, subject, morning + (k + 1) * HOUR + HOUR / 2, `${subject}-t${k}`));
      }
      const sold = Math.floor(0.5 * emailsLastWeek + random());
      for (let k = 0; k < sold; k++) {
        const at = local(dateOf(FIRST_MONDAY + w * 7 + 2), '15:00') + k * HOUR;
        events.push({ step: 'sold', user, subject: `${user}-${w}-sale-${k}`, at, recordId: `${user}-${w}-sale-${k}` });
      }
      emailsLastWeek = emails;
    }
  }
  const first = local(dateOf(FIRST_MONDAY), '18:00');
  for (let k = 0; k < extraKinds; k++) events.push(...touched(`Kind ${k}`, 'rep-0', 'rare', first, `rare-${k}`));
  return events;
}

function analysed(over: Partial<StoreAnalysisInput> = {}): ReturnType<typeof analyzeStore> {
  return analyzeStore({
    model: modelBuilder().measures(staleLead()).build(),
    reps: Array.from({ length: PEOPLE }, (_, p) => rep(`rep-${p}`)),
    events: eventColumnsOf(typedStore()),
    now: local(dateOf(FIRST_MONDAY + WEEKS * 7), '09:00'),
    tQuantile: studentTQuantile,
    ...over,
  });
}

describe('the store analysis with activity no step measures, by kind', () => {
  it('given sales that follow the e-mails and not the texts, when analysed with a staleLead measure, then each is a candidate and only the e-mails are predictive here', () => {
    const byId = new Map(analysed().measures.map((m) => [m.id, m]));
    expect(byId.get('activity:Task:Email')).toMatchObject({
      label: 'Email (Task), not measured',
      source: 'unmeasured activity',
      kind: 'per working day',
      verdict: 'predictive here',
    });
    expect(byId.get('activity:Task:Text')).toMatchObject({
      label: 'Text (Task), not measured',
      verdict: 'not predictive here',
    });
    // All kinds together stay a candidate: a state synced before the kinds were stored has only that.
    expect(byId.has('unmeasured_activity')).toBe(true);
  });

  it('given more kinds than the panel tries, when analysed, then the most frequent are candidates and the rest are not', () => {
    const { measures } = analysed({ events: eventColumnsOf(typedStore(MAX_ACTIVITY_KINDS)) });
    const kinds = measures.map((m) => m.id).filter((id) => id.startsWith('activity:'));
    expect(kinds).toHaveLength(MAX_ACTIVITY_KINDS);
    expect(kinds).toEqual(expect.arrayContaining(['activity:Task:Email', 'activity:Task:Text']));
  });

  it('given no staleLead measure, when analysed, then the stored kinds are no candidates (nothing keeps them current)', () => {
    const { measures } = analysed({ model: modelBuilder().build() });
    expect(measures.some((m) => m.id.startsWith('activity:'))).toBe(false);
  });
});
