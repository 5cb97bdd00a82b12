/**
 * Coaching effectiveness as the report shows it: for the store and each manager, the commitments made, how many
 * improved, did not, or wait for their check, and the median days improvement took; then the store's by diagnosis.
 */
import type { Effectiveness, EffectivenessCounts } from '../core';
import { pct, tableLines } from './wording';

const days = (value: number | null): string => (value === null ? '–' : `${Math.round(value)}`);

function row(name: string, c: EffectivenessCounts): string[] {
  return [
    name,
    String(c.committed),
    String(c.improved),
    String(c.notImproved),
    String(c.waiting),
    pct(c.improvedShare),
    days(c.medianDaysToImprove),
  ];
}

const managerName = (id: string | null, names: ReadonlyMap<string, string>): string =>
  id === null ? 'The store' : (names.get(id) ?? id);

export function effectivenessLines(all: readonly Effectiveness[], names: ReadonlyMap<string, string>): string[] {
  const store = all.find((e) => e.managerId === null);
  if (!store || store.total.committed === 0) return ['Coaching effectiveness: no commitment made yet.'];
  const header = ['', 'committed', 'improved', 'not improved', 'waiting', 'improved share', 'median days to improve'];
  return [
    'Coaching effectiveness (commitments on flags, by manager):',
    ...tableLines([
      header,
      ...all.filter((e) => e.managerId !== null).map((e) => row(managerName(e.managerId, names), e.total)),
      row(managerName(null, names), store.total),
    ]),
    `  By diagnosis: ${Object.entries(store.byDiagnosis)
      .map(([diagnosis, c]) => `${diagnosis} ${c.improved} of ${c.improved + c.notImproved} improved`)
      .join(', ')}.`,
  ];
}

/** The same for `--json`, each manager named. */
export function effectivenessJson(all: readonly Effectiveness[], names: ReadonlyMap<string, string>): unknown[] {
  return all.map((e) => ({ ...e, manager: e.managerId === null ? null : managerName(e.managerId, names) }));
}
