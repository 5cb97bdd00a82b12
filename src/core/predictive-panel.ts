/**
 * The person × week panel behind "which activities predict sales here" (ARCHITECTURE.md §4,
 * issue 12): per rep and working week, each candidate activity's value that week and, as the
 * outcome, the rep's average weekly units of the outcome step in the weeks that follow (the lag
 * window). Weeks run Monday to Sunday in the store's time zone; a value per working day keeps a
 * week with a holiday comparable with a full one.
 *
 * A row exists only for a week the rep was at work: from their first event to their last, with
 * at least one event of any step that week (a week of silence is a holiday or a sick week, not a
 * week of zero activity), and only when the whole lag window lies within their working span and
 * the data (a rep who left would otherwise look as if they had sold nothing).
 */
import type { DealershipCalendar } from './calendar';
import type { DayNumber } from './civil-date';
import { CoreError } from './core-error';
import type { EventTable } from './event-table';

/** Share of leads whose first `to` event (by anyone) came within `withinMinutes` of the lead. */
export interface ResponseCandidate {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly withinMinutes: number;
}

export interface PanelOptions {
  /** The step whose units are the result, e.g. `sold`. */
  readonly outcomeStep: string;
  /** Steps whose count per working day is a candidate measure. */
  readonly countSteps: readonly string[];
  readonly responses?: readonly ResponseCandidate[];
  /** Weeks after the activity week whose sales are the outcome, both included (e.g. 1 and 4). */
  readonly lag: { readonly from: number; readonly to: number };
  /** The last day of data (the store's today): weeks not over by then are not counted. */
  readonly lastDay: DayNumber;
}

export type MeasureKind = 'per working day' | 'share';

export interface PanelMeasure {
  readonly id: string;
  readonly kind: MeasureKind;
  /** One value per row; NaN where the measure is undefined that week (a share of no leads). */
  readonly values: Float64Array;
}

export interface Panel {
  /** Rep index (EventTable order) of each row. */
  readonly person: Int32Array;
  /** Week number of each row (see weekOfDay). */
  readonly week: Int32Array;
  /** Average weekly units of the outcome step over the lag window after the row's week. */
  readonly outcome: Float64Array;
  readonly measures: readonly PanelMeasure[];
  readonly lag: { readonly from: number; readonly to: number };
}

/** Monday-based week number of a day: 1970-01-01 was a Thursday, so day 4 starts week 1. */
export function weekOfDay(day: DayNumber): number {
  return Math.floor((day + 3) / 7);
}

export function firstDayOfWeek(week: number): DayNumber {
  return week * 7 - 3;
}

export function buildPanel(table: EventTable, calendar: DealershipCalendar, options: PanelOptions): Panel {
  const { lag } = options;
  if (!(Number.isInteger(lag.from) && Number.isInteger(lag.to) && lag.from >= 1 && lag.to >= lag.from))
    throw new CoreError('INVALID_LAG', `A lag window must be whole weeks 1 ≤ from ≤ to (got ${lag.from}…${lag.to}).`);
  const outcomeStep = stepOrThrow(table, options.outcomeStep);
  const countSteps = options.countSteps.map((id) => stepOrThrow(table, id));
  const responses = (options.responses ?? []).map((r) => ({
    ...r,
    fromStep: stepOrThrow(table, r.from),
    firstTo: table.firstAt(stepOrThrow(table, r.to)),
  }));
  const lastWeek = weekOfDay(options.lastDay + 1) - 1;
  const workingDays = new Map<number, number>();
  const workingDaysOf = (week: number): number => {
    let days = workingDays.get(week);
    if (days === undefined) {
      days = calendar.workingDaysBetween(firstDayOfWeek(week), firstDayOfWeek(week) + 6);
      workingDays.set(week, days);
    }
    return days;
  };

  const rows: { person: number; week: number; outcome: number; values: number[] }[] = [];
  const width = countSteps.length + 2 * responses.length;
  for (let rep = 0; rep < table.repCount; rep++) {
    // Per week: counts of each candidate step, responses (met, asked) pairs, outcome units, any event.
    const weeks = new Map<number, { cells: Float64Array; sold: number }>();
    for (let row = table.userStart[rep] as number; row < (table.userStart[rep + 1] as number); row++) {
      if (table.suspicious[row] !== 0) continue;
      const at = table.at[row] as number;
      const day = calendar.dayOf(at);
      if (day > options.lastDay) continue;
      const week = weekOfDay(day);
      let cell = weeks.get(week);
      if (!cell) {
        cell = { cells: new Float64Array(width), sold: 0 };
        weeks.set(week, cell);
      }
      const step = table.step[row] as number;
      if (step === outcomeStep) cell.sold++;
      countSteps.forEach((s, i) => {
        if (s === step) cell.cells[i] = (cell.cells[i] as number) + 1;
      });
      responses.forEach((r, i) => {
        const subject = table.subject[row] as number;
        if (r.fromStep !== step || subject < 0) return;
        const base = countSteps.length + 2 * i;
        const answered = r.firstTo[subject] as number;
        // A lead never answered has its first answer at +Infinity, which no calendar can count minutes to.
        const met =
          Number.isFinite(answered) &&
          answered >= at &&
          calendar.businessMinutesBetween(at, answered, r.withinMinutes + 1) <= r.withinMinutes;
        cell.cells[base] = (cell.cells[base] as number) + (met ? 1 : 0);
        cell.cells[base + 1] = (cell.cells[base + 1] as number) + 1;
      });
    }
    if (weeks.size === 0) continue;
    const active = [...weeks.keys()];
    const lastActive = Math.min(lastWeek, Math.max(...active));
    for (const week of active.sort((a, b) => a - b)) {
      const days = workingDaysOf(week);
      if (week + lag.to > lastActive || days === 0) continue;
      let sold = 0;
      for (let k = lag.from; k <= lag.to; k++) sold += weeks.get(week + k)?.sold ?? 0;
      const cells = (weeks.get(week) as { cells: Float64Array }).cells;
      const values = countSteps.map((_, i) => (cells[i] as number) / days);
      responses.forEach((_, i) => {
        const base = countSteps.length + 2 * i;
        const asked = cells[base + 1] as number;
        values.push(asked > 0 ? (cells[base] as number) / asked : Number.NaN);
      });
      rows.push({ person: rep, week, outcome: sold / (lag.to - lag.from + 1), values });
    }
  }

  const ids: { id: string; kind: MeasureKind }[] = [
    ...options.countSteps.map((id) => ({ id, kind: 'per working day' as const })),
    ...responses.map((r) => ({ id: r.id, kind: 'share' as const })),
  ];
  return {
    person: Int32Array.from(rows, (r) => r.person),
    week: Int32Array.from(rows, (r) => r.week),
    outcome: Float64Array.from(rows, (r) => r.outcome),
    measures: ids.map((m, i) => ({ ...m, values: Float64Array.from(rows, (r) => r.values[i] as number) })),
    lag,
  };
}

function stepOrThrow(table: EventTable, id: string): number {
  const index = table.stepIndexOf(id);
  if (index < 0) throw new CoreError('UNKNOWN_STEP', `The step "${id}" is not in the model.`);
  return index;
}
