/**
 * The "Targets" section of `analyze` (README "execution-coach analyze"): per calibrated measure,
 * the configured target beside what the store's strong performers reach, the gap and the
 * suggestion, in the config's own units; and the same as JSON under `targets`.
 */
import { KEEP_WITHIN, NEGLIGIBLE_WORTH, SHRINK_PEOPLE, type StoreTargets, type TargetRow } from '../core';
import { tableLines } from './wording';

/** Two decimals: the config writes shares as 0.63 and counts a day to a tenth or a hundredth. */
export const figure = (value: number): string => value.toFixed(2);

export const signed = (value: number): string => {
  const text = Math.abs(value).toFixed(2);
  return text === '0.00' ? text : `${value > 0 ? '+' : '−'}${text}`;
};

export function targetName(row: Pick<TargetRow, 'label' | 'unit'>): string {
  return row.unit === 'share' ? `${row.label} (share)` : `${row.label} / working day`;
}

function suggestionCell(row: TargetRow): string {
  if (row.suggested !== null) return `${row.suggestion} to ${row.suggested}`;
  return row.configured === 'goal' && row.suggestion === 'keep' ? 'keep (the goal plan sets it)' : row.suggestion;
}

export function renderTargets(targets: StoreTargets, outcome: string, stepLabel: (id: string) => string): string[] {
  const lines = [
    "Targets: what the store's strong performers reach, the 75th percentile of the salespeople's own levels over the",
    `history (each rate shrunk toward the team's), shrunk toward the configured target by n/(n+${SHRINK_PEOPLE}) for n people.`,
    '',
  ];
  if (targets.rows.length === 0) lines.push('  No volume, ratio or response-time measure in the config.');
  else
    lines.push(
      ...tableLines([
        ['measure', 'configured', 'strong performers (p75)', 'gap', 'people', 'suggestion'],
        ...targets.rows.map((row) => [
          targetName(row),
          row.configured === 'goal' ? 'goal' : figure(row.configured),
          row.level === null || row.p75 === null ? '–' : `${figure(row.level)} (${figure(row.p75)})`,
          row.gap === null ? '–' : signed(row.gap),
          String(row.people),
          suggestionCell(row),
        ]),
      ]),
    );
  for (const added of targets.additions)
    lines.push(
      `  Not measured, predictive here: ${stepLabel(added.step)} / working day; strong performers make ${figure(added.perDay)} (p75 of ${added.people} people).`,
    );
  lines.push(
    '',
    `A level within ${KEEP_WITHIN * 100}% of the target is "keep"; "consider dropping": not predictive here, and the top of its`,
    `worth's interval is under 1/${Math.round(1 / NEGLIGIBLE_WORTH)} of a salesperson's "${outcome}" a month (${figure(targets.outcomePerMonth)} here).`,
    '`analyze --suggest-config` prints these as a YAML patch to review; nothing is written.',
    '',
  );
  return lines;
}

/** `targets` in `analyze --json`: the rows and additions as computed, and the rules they were judged by. */
export function targetsJson(targets: StoreTargets): unknown {
  return {
    shrinkPeople: SHRINK_PEOPLE,
    keepWithin: KEEP_WITHIN,
    negligibleWorth: NEGLIGIBLE_WORTH,
    outcomePerMonth: targets.outcomePerMonth,
    measures: targets.rows.map((row) => ({
      id: row.id,
      label: row.label,
      kind: row.kind,
      unit: row.unit,
      key: row.key,
      configured: row.configured,
      people: row.people,
      median: row.median,
      p75: row.p75,
      weight: row.weight,
      level: row.level,
      gap: row.gap,
      suggestion: row.suggestion,
      suggested: row.suggested,
      verdict: row.analyzed?.verdict ?? null,
    })),
    additions: targets.additions.map((added) => ({
      step: added.step,
      people: added.people,
      perDay: added.perDay,
      worthPerMonth: added.analyzed.worth,
      worthPerMonthInterval: added.analyzed.worthInterval,
    })),
  };
}
