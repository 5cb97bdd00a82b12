/**
 * Coaching effectiveness in the org (ARCHITECTURE.md §5.2): per month in which commitments were made, one record for
 * the store and one per manager, counting what became of those commitments (effectiveness.ts). A month's record is
 * kept up to date as its commitments are checked, so "November" says how November's coaching worked out.
 */
import type { DesiredRecord, SfValue } from './desired';
import { type CoachedFlag, coachingEffectiveness, type Effectiveness, type EffectivenessCounts } from './effectiveness';
import type { CoachModel } from './model';

export interface MonthEffectiveness {
  /** `YYYY-MM` of the commitments. */
  month: string;
  /** The store first, then each manager (coachingEffectiveness). */
  effectiveness: Effectiveness[];
}

const COMMITTED = new Set(['Committed', 'Improved', 'Not Improved']);

/** The values of `writeBack.effectiveness.fields.scope`: the org must have them. */
export const EFFECTIVENESS_SCOPES = ['Manager', 'Store'] as const;

/** Commitments grouped by the month they were made in, oldest month first. */
export function effectivenessByMonth(flags: readonly CoachedFlag[]): MonthEffectiveness[] {
  const byMonth = new Map<string, CoachedFlag[]>();
  for (const flag of flags) {
    if (!COMMITTED.has(flag.status)) continue;
    const month = flag.committedOn.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), flag]);
  }
  return [...byMonth]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, list]) => ({ month, effectiveness: coachingEffectiveness(list) }));
}

export function effectivenessKey(managerId: string | null, month: string): string {
  return `v1:effectiveness:${managerId ?? 'store'}:${month}`;
}

export function effectivenessRecords(months: readonly MonthEffectiveness[], model: CoachModel): DesiredRecord[] {
  const config = model.writeBack.effectiveness;
  if (!config.enabled) return [];
  const f = config.fields;
  const label = (measure: string): string => model.measures.find((m) => m.id === measure)?.label ?? measure;
  return months.flatMap(({ month, effectiveness }) =>
    effectiveness.map((entry): DesiredRecord => {
      const { total } = entry;
      const fields: Record<string, SfValue> = {
        [f.scope]: entry.managerId === null ? EFFECTIVENESS_SCOPES[1] : EFFECTIVENESS_SCOPES[0],
        [f.manager]: entry.managerId,
        [f.month]: `${month}-01`,
        [f.committed]: total.committed,
        [f.improved]: total.improved,
        [f.notImproved]: total.notImproved,
        [f.waiting]: total.waiting,
        // A Percent field takes 0–100.
        [f.improvedShare]: total.improvedShare === null ? null : Math.round(total.improvedShare * 10_000) / 100,
        [f.medianDaysToImprove]: total.medianDaysToImprove,
        [f.byDiagnosis]: breakdown(entry.byDiagnosis, (kind) => kind),
        [f.byMeasure]: breakdown(entry.byMeasure, label),
      };
      return {
        kind: 'effectiveness',
        object: config.object,
        keyField: f.key,
        key: effectivenessKey(entry.managerId, month),
        createOnly: {},
        fields,
      };
    }),
  );
}

/** One line per group: "Skill: 3 committed, 2 improved, 1 not improved, 0 waiting; 67% improved in a median 9 days". */
function breakdown(groups: Record<string, EffectivenessCounts>, label: (key: string) => string): string {
  return Object.entries(groups)
    .map(([key, counts]) => {
      const share = counts.improvedShare === null ? '' : `; ${Math.round(counts.improvedShare * 100)}% improved`;
      const days = counts.medianDaysToImprove === null ? '' : ` in a median ${counts.medianDaysToImprove} days`;
      return `${label(key)}: ${counts.committed} committed, ${counts.improved} improved, ${counts.notImproved} not improved, ${counts.waiting} waiting${share}${days}`;
    })
    .join('\n');
}
