/**
 * Coaching effectiveness: of the flags a manager's reps committed on, how many improved, how many did not, how many
 * wait for their check, and how long improvement took; per manager and for the store, by diagnosis and by measure.
 * Counted from the flags' current status as last read: a flag re-committed after Not Improved counts as waiting.
 */
import { dayFromDate } from './civil-date';
import type { FlagStatus } from './flags';
import { median } from './stats';

/** A rep flag as effectiveness needs it. */
export interface CoachedFlag {
  managerId: string | null;
  measure: string;
  diagnosis: string | null;
  status: FlagStatus;
  /** Local date of the commitment when known, else of the flag's opening. */
  committedOn: string;
  /** Local date of the check (Improved, Not Improved); null before it. */
  decidedOn: string | null;
}

export interface EffectivenessCounts {
  /** Flags with a commitment: waiting, improved or not improved. */
  committed: number;
  improved: number;
  notImproved: number;
  /** Committed and not checked yet. */
  waiting: number;
  /** Improved over checked; null before any check. */
  improvedShare: number | null;
  /** Median whole days from the commitment to the check that found it improved; null with no improvement. */
  medianDaysToImprove: number | null;
}

export interface Effectiveness {
  /** The manager's User Id; null for the whole store. */
  managerId: string | null;
  total: EffectivenessCounts;
  byDiagnosis: Record<string, EffectivenessCounts>;
  byMeasure: Record<string, EffectivenessCounts>;
}

const COMMITTED: ReadonlySet<FlagStatus> = new Set<FlagStatus>(['Committed', 'Improved', 'Not Improved']);

function counts(flags: readonly CoachedFlag[]): EffectivenessCounts {
  const improved = flags.filter((f) => f.status === 'Improved');
  const notImproved = flags.filter((f) => f.status === 'Not Improved').length;
  const days = improved.flatMap((f) => {
    const from = dayFromDate(f.committedOn);
    const to = f.decidedOn === null ? null : dayFromDate(f.decidedOn);
    return from === null || to === null || to < from ? [] : [to - from];
  });
  const checked = improved.length + notImproved;
  return {
    committed: flags.length,
    improved: improved.length,
    notImproved,
    waiting: flags.filter((f) => f.status === 'Committed').length,
    improvedShare: checked === 0 ? null : improved.length / checked,
    medianDaysToImprove: median(days),
  };
}

function grouped(
  flags: readonly CoachedFlag[],
  by: (flag: CoachedFlag) => string,
): Record<string, EffectivenessCounts> {
  const groups = new Map<string, CoachedFlag[]>();
  for (const flag of flags) {
    const key = by(flag);
    const group = groups.get(key);
    if (group) group.push(flag);
    else groups.set(key, [flag]);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, list]) => [key, counts(list)]));
}

function effectivenessOf(managerId: string | null, flags: readonly CoachedFlag[]): Effectiveness {
  return {
    managerId,
    total: counts(flags),
    byDiagnosis: grouped(flags, (f) => f.diagnosis ?? 'unknown'),
    byMeasure: grouped(flags, (f) => f.measure),
  };
}

/** The store first, then each manager with at least one committed flag, by Id. */
export function coachingEffectiveness(flags: readonly CoachedFlag[]): Effectiveness[] {
  const committed = flags.filter((f) => COMMITTED.has(f.status));
  const managers = [...new Set(committed.map((f) => f.managerId).filter((id): id is string => id !== null))].sort();
  return [
    effectivenessOf(null, committed),
    ...managers.map((id) =>
      effectivenessOf(
        id,
        committed.filter((f) => f.managerId === id),
      ),
    ),
  ];
}
