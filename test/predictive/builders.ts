/** Builders for the predictive analysis's tests: step events week by week, and panels by formula. */
import { DealershipCalendar } from '../../src/core/calendar';
import { dayFromDate, type DayNumber } from '../../src/core/civil-date';
import { eventColumnsOf } from '../../src/core/event-columns';
import { EventTable } from '../../src/core/event-table';
import type { IntegrityMeasure, Rep, StepEvent, Weekday } from '../../src/core/model';
import type { Panel } from '../../src/core/predictive-panel';
import { seededRandom } from '../../src/core/seeded-random';

export const STEPS = ['lead', 'attempt', 'email', 'sold'];

/** An integrity measure that sets aside five or more calls logged within five minutes. */
export const REAL_CALLS: IntegrityMeasure = {
  id: 'real_calls',
  label: 'Real calls',
  diagnosis: 'Activity',
  kind: 'integrity',
  steps: ['attempt'],
  burst: { count: 5, withinMinutes: 5 },
  maxSuspiciousShare: 0.05,
};
/** A Monday: week 0 of the builders' stores. */
export const FIRST_MONDAY = dayFromDate('2026-03-02') as DayNumber;
const MON_TO_SAT: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function calendar(holidays: string[] = []): DealershipCalendar {
  return new DealershipCalendar({ timeZone: 'UTC', workingDays: MON_TO_SAT, holidays });
}

export function rep(id: string): Rep {
  return { id, name: id, role: 'salesperson', managerId: null, store: null, monthlyGoal: null };
}

/** Collects events: `on(rep, week, weekday 0–6, step, count)` at 10:00 UTC of that day. */
export class StoreBuilder {
  private readonly events: StepEvent[] = [];
  private readonly reps = new Map<string, Rep>();

  on(repId: string, week: number, weekday: number, step: string, count = 1, at = 10 * 60): this {
    this.reps.set(repId, rep(repId));
    const instant = (FIRST_MONDAY + week * 7 + weekday) * 86_400_000 + at * 60_000;
    for (let i = 0; i < count; i++)
      this.events.push({ step, user: repId, subject: null, at: instant, recordId: `r${this.events.length}` });
    return this;
  }

  /** One event of `step` about `subject`, `minutes` after midnight UTC of that day (it may run past the day). */
  about(
    repId: string,
    week: number,
    weekday: number,
    step: string,
    subject: string,
    minutes = 10 * 60,
    recordId = `r${this.events.length}`,
  ): this {
    this.reps.set(repId, rep(repId));
    const at = (FIRST_MONDAY + week * 7 + weekday) * 86_400_000 + minutes * 60_000;
    this.events.push({ step, user: repId, subject, at, recordId });
    return this;
  }

  /** A lead at 10:00 on that day, answered by an attempt `afterMinutes` later (never when null). */
  lead(repId: string, week: number, weekday: number, afterMinutes: number | null): this {
    this.reps.set(repId, rep(repId));
    const at = (FIRST_MONDAY + week * 7 + weekday) * 86_400_000 + 600 * 60_000;
    const subject = `lead-${this.events.length}`;
    this.events.push({ step: 'lead', user: repId, subject, at, recordId: `r${this.events.length}` });
    if (afterMinutes !== null)
      this.events.push({
        step: 'attempt',
        user: repId,
        subject,
        at: at + afterMinutes * 60_000,
        recordId: `r${this.events.length}`,
      });
    return this;
  }

  table(steps: readonly string[] = STEPS): EventTable {
    return new EventTable(steps, [...this.reps.values()], eventColumnsOf(this.events));
  }
}

/** The last day (Sunday) of week `week` of the builders' stores. */
export function endOfWeek(week: number): DayNumber {
  return FIRST_MONDAY + week * 7 + 6;
}

/**
 * A panel of `people` × `weeks` rows whose measure `x` and outcome come from formulas of the
 * person, the week and a seeded noise draw.
 */
export function panelOf(
  people: number,
  weeks: number,
  x: (person: number, week: number, noise: () => number) => number,
  outcome: (person: number, week: number, x: number, noise: () => number) => number,
): Panel {
  const draw = seededRandom(12345);
  const noise = (): number => draw() - 0.5;
  const person: number[] = [];
  const week: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let p = 0; p < people; p++)
    for (let w = 0; w < weeks; w++) {
      const value = x(p, w, noise);
      person.push(p);
      week.push(w);
      xs.push(value);
      ys.push(outcome(p, w, value, noise));
    }
  return {
    person: Int32Array.from(person),
    week: Int32Array.from(week),
    outcome: Float64Array.from(ys),
    measures: [{ id: 'x', kind: 'per working day', values: Float64Array.from(xs) }],
    lag: { from: 1, to: 4 },
  };
}
