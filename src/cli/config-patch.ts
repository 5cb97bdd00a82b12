/**
 * `analyze --suggest-config`: the calibrated targets (predictive-targets.ts) as a YAML patch an
 * admin reviews and copies by hand (README "execution-coach analyze"). It is printed, never
 * applied: the config is the admin's, and a history's association is a reason to look, not to
 * change thresholds behind their back.
 *
 * The format: a `measures:` list whose entries name a measure by `id` and hold only the keys to
 * change (a `byRole.salesperson` target nested as in the config); a comment above each says why,
 * with the figures. Drops and additions are comments only: "consider dropping" is advice a copy
 * should not act on by accident, and an added measure's id is the admin's to choose (it appears
 * in flag keys). Whatever is printed parses as YAML.
 */
import {
  type AddedMeasure,
  KEEP_WITHIN,
  NEGLIGIBLE_WORTH,
  roundForConfig,
  SHRINK_PEOPLE,
  type StoreAnalysis,
  type StoreTargets,
  type TargetRow,
} from '../core';
import { figure, signed, targetName } from './render-targets';
import { counted } from './wording';

const WIDTH = 110;

export interface PatchContext {
  readonly configPath: string;
  readonly analysis: StoreAnalysis;
  readonly stepLabel: (id: string) => string;
}

export function configPatch(targets: StoreTargets, context: PatchContext): string {
  const { analysis, configPath } = context;
  const history =
    analysis.history.from === null
      ? 'no history'
      : `${counted(analysis.history.weeks, 'week', 'weeks')} (${analysis.history.from} … ${analysis.history.to}) of ` +
        counted(analysis.history.people, 'salesperson', 'salespeople');
  const changed = targets.rows.filter((row) => row.suggested !== null);
  const dropped = targets.rows.filter((row) => row.suggestion === 'consider dropping');
  const header = `Suggested changes to ${configPath} from \`execution-coach analyze\` on ${history}.`;
  if (changed.length + dropped.length + targets.additions.length === 0)
    return `${comment(`${header} Nothing to suggest: ${nothingBecause(targets)}`, '').join('\n')}\n`;

  const lines = [
    ...comment(
      `${header} Nothing was written: review each change and copy what you accept into the file. Each entry names a ` +
        'measure by its id and holds only the keys to change; levels are the 75th percentile of the salespeople, ' +
        'shrunk toward the configured target while they are few (analyze prints the table).',
      '',
    ),
    'measures:',
  ];
  for (const row of changed) lines.push(...changeEntry(row));
  for (const row of dropped) lines.push(...dropEntry(row, analysis, context.stepLabel, targets.outcomePerMonth));
  for (const added of targets.additions) lines.push(...addEntry(added, analysis.outcomeStep, context.stepLabel));
  return `${lines.join('\n')}\n`;
}

function changeEntry(row: TargetRow): string[] {
  const shrink =
    row.weight === null
      ? ''
      : `, ${figure(row.level as number)} once shrunk toward the configured ${row.configured} (weight ${row.people}/${row.people + SHRINK_PEOPLE})`;
  const why =
    `${targetName(row)}: ${row.suggestion} ${row.key} ${row.configured} → ${row.suggested}. The store's strong ` +
    `performers reach ${figure(row.p75 as number)} (75th percentile of ${row.people} salespeople)${shrink}.` +
    (row.holdsSetters
      ? ` Setters are held to ${row.key} too: to keep theirs, add byRole: {setter: {${row.key}: ${row.configured}}}.`
      : '');
  const [first, ...rest] = row.key.split('.').reverse();
  // byRole.salesperson.target nests as in the config: the innermost key first, wrapped outward.
  let body = [`${first}: ${row.suggested}`];
  for (const parent of rest) body = [`${parent}:`, ...body.map((line) => `  ${line}`)];
  return [...comment(why, '  '), `  - id: ${row.id}`, ...body.map((line) => `    ${line}`)];
}

function dropEntry(
  row: TargetRow,
  analysis: StoreAnalysis,
  stepLabel: (id: string) => string,
  outcomePerMonth: number,
): string[] {
  const worth = row.analyzed?.worthInterval;
  const outcome = stepLabel(analysis.outcomeStep);
  const why =
    `${row.label} (${row.id}): consider dropping. Weeks in which a salesperson did more of it were not followed ` +
    `by more "${outcome}" ${analysis.lag.from}–${analysis.lag.to} weeks later: not predictive here, and moving a ` +
    `salesperson from the median to the 75th percentile was worth ${signed(worth?.low ?? 0)} … ${signed(worth?.high ?? 0)} ` +
    `"${outcome}" a month, under 1/${Math.round(1 / NEGLIGIBLE_WORTH)} of their ${figure(outcomePerMonth)} a month. Not predictive here is not ` +
    'proof of no effect (differences between people are set aside on purpose): keep it if it matters for reasons ' +
    `this history cannot show. To drop it, delete the entry with id: ${row.id}.`;
  return comment(why, '  ');
}

function addEntry(added: AddedMeasure, outcome: string, stepLabel: (id: string) => string): string[] {
  const { worth, worthInterval } = added.analyzed;
  const why =
    `${stepLabel(added.step)} / working day is predictive here and no measure counts it: strong performers make ` +
    `${figure(added.perDay)} a working day (75th percentile of ${added.people} salespeople), and a median → 75th ` +
    `percentile move was worth ${signed(worth ?? 0)} (${signed(worthInterval?.low ?? 0)} … ${signed(worthInterval?.high ?? 0)}) ` +
    `"${stepLabel(outcome)}" a month. To add it, uncomment the entry; the id is yours to choose (it appears in flag keys).`;
  return [
    ...comment(why, '  '),
    `  # - id: ${added.step}_volume`,
    '  #   kind: volume',
    `  #   step: ${added.step}`,
    `  #   perDay: ${roundForConfig(added.perDay, 'per working day')}`,
  ];
}

function nothingBecause(targets: StoreTargets): string {
  const count = (s: TargetRow['suggestion'], goal: boolean) =>
    targets.rows.filter((row) => row.suggestion === s && (row.configured === 'goal') === goal).length;
  const parts = [
    [
      count('keep', false),
      `${counted(count('keep', false), 'target is', 'targets are')} within ${KEEP_WITHIN * 100}% of the strong performers' level`,
    ],
    [count('keep', true), `${count('keep', true)} set by the goal plan`],
    [
      count('not enough data', false) + count('not enough data', true),
      `${counted(count('not enough data', false) + count('not enough data', true), 'measure has', 'measures have')} not enough data`,
    ],
  ] as const;
  return [
    ...parts.filter(([n]) => n > 0).map(([, text]) => text),
    'no configured measure is shown to be worth next to nothing',
    'and no step predictive here is left unmeasured.',
  ].join('; ');
}

/** Text as `# ` lines of at most WIDTH characters, one line per paragraph's worth of words; newlines flattened. */
function comment(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && indent.length + 2 + line.length + 1 + word.length > WIDTH) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(`${indent}# ${line}`);
  return lines;
}
