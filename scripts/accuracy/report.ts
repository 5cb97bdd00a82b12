/** The benchmark's printout: the accuracy table, the hard negatives, the noise, end to end, the bars. */
import { type Bar, headline } from './bars';
import { type EndToEnd, sameFlags, type StoreCheck } from './end-to-end';
import type { OrderCheck } from './order';
import type { Score } from './score';
import type { Simulation } from './simulate';
import { WEAKNESS_KINDS, WEAKNESSES } from './weaknesses';

const pct = (n: number, d: number): string => (d > 0 ? `${((n / d) * 100).toFixed(1)}%` : '–');
const row = (label: string, width: number, cells: ReadonlyArray<string | number>): string =>
  `  ${label.padEnd(width)}${cells.map((c) => String(c).padStart(9)).join('')}`;
const byCount = (map: ReadonlyMap<string, number>): string =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, n]) => `${key} ${n}`)
    .join(', ') || 'none';

export function scoreReport(score: Score, minSample: number): string[] {
  const lines: string[] = [];
  const reps = score.reps.salesperson + score.reps.setter;
  lines.push(
    `${score.stores} stores in ${score.dealerships} dealerships · ${reps} reps (${score.reps.salesperson} salespeople, ` +
      `${score.reps.setter} setters) · ${score.flags} flags written`,
    '',
    row('Planted weakness', 34, ['planted', 'right', 'wrong dx', 'missed', 'recall']),
  );
  const total = { planted: 0, right: 0, wrongDiagnosis: 0, missed: 0 };
  for (const kind of WEAKNESS_KINDS) {
    const k = score.kinds.get(kind);
    if (!k) continue;
    lines.push(
      row(WEAKNESSES[kind].label, 34, [k.planted, k.right, k.wrongDiagnosis, k.missed, pct(k.right, k.planted)]),
    );
    total.planted += k.planted;
    total.right += k.right;
    total.wrongDiagnosis += k.wrongDiagnosis;
    total.missed += k.missed;
  }
  lines.push(
    row('all', 34, [total.planted, total.right, total.wrongDiagnosis, total.missed, pct(total.right, total.planted)]),
    '',
    row('Reps (role, profile)', 34, ['reps', 'flagged', 'flags']),
  );
  for (const [group, g] of [...score.groups.entries()].sort()) lines.push(row(group, 34, [g.reps, g.flagged, g.flags]));
  const per50 = score.cleanReps > 0 ? ((score.cleanFalseFlags / score.cleanReps) * 50).toFixed(1) : '–';
  const below = [...score.belowMinSample.values()].reduce((s, n) => s + n, 0);
  const t = score.staleTasks;
  const busy = score.groups.get('salesperson busy low conversion');
  lines.push(
    '',
    `False flags on clean reps: ${score.cleanFalseFlags} on ${score.cleanReps} reps (${per50} per 50 clean)`,
    `  by measure: ${byCount(score.falseFlagsByMeasure)}`,
    `Individual flags at the peers' level (the team is planted below the threshold there): ${score.peerLevelFlags}` +
      ` (${score.teamGaps} team-wide gaps planted)`,
    `  by measure: ${byCount(score.peerLevelByMeasure)}`,
    `Team findings for the manager: ${score.teamGapsFound} of the ${score.teamGaps} team-wide gaps planted ` +
      `(${pct(score.teamGapsFound, score.teamGaps)}); ${score.teamFalseFindings} where the team was planted at or above the threshold` +
      (score.teamFalseFindings > 0 ? ` (${byCount(score.teamFalseByMeasure)})` : ''),
    `Symptom flags (a planted weakness's downstream measures): ${score.symptomFlags}`,
    `Other false flags on reps with a planted weakness: ${score.otherFalseFlags}`,
    `Busy reps with low conversion given an Activity flag: ${score.busyActivityFlags} flags on ${busy?.reps ?? 0} reps`,
    `Flags on a sample below the measure's minSample (coaching's ${minSample} unless the measure sets one): ${below}` +
      (below > 0 ? ` (${byCount(score.belowMinSample)})` : ''),
    `Stale-lead tasks: ${t.total}; truly idle ${t.idle}; noise (appointment or call-back ahead) ${t.busy} ` +
      `(${pct(t.busy, t.total)}); e-mailed or texted lately ${t.messaged} (${pct(t.messaged, t.total)}); unexplained ${t.other}`,
  );
  return lines;
}

export function orderReport(order: OrderCheck): string {
  return order.identical
    ? 'Order independence (first dealership, records shuffled): identical findings and desired records'
    : `Order independence (first dealership, records shuffled): DIFFERS (${order.repsDiffering} reps' findings` +
        `${order.desiredDiffering ? ', desired records' : ''})`;
}

export function simulationReport(sim: Simulation, team: number): string[] {
  const perRun = (n: number): string => (sim.runs > 0 ? (n / sim.runs).toFixed(2) : '–');
  const byMeasure = new Map([...sim.foundByMeasure.entries()].map(([m, n]) => [m, Number((n / sim.runs).toFixed(3))]));
  return [
    `Simulation: ${team} salespeople exactly at target on every measure, ${sim.runs} runs`,
    `  mean flags written per run ${perRun(sim.flags)}; runs with at least one flag ${pct(sim.runsWithFlags, sim.runs)}`,
    `  mean weaknesses found per run before the cap (flagged and held back) ${perRun(sim.found)}`,
    `  by measure: ${byCount(byMeasure)}`,
  ];
}

/** Differences listed one a line, at most this many (the count says how many more). */
const MAX_DIFFERENCES_LISTED = 20;

export function endToEndReport(e2e: EndToEnd): string[] {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    `End to end: ${plural(e2e.stores.length, 'store')} of ${plural(e2e.runs.length, 'dealership')} through ` +
      '`sync --live` against the sandbox org (jsforce over HTTP), compared with the core pass on the same stores',
  ];
  for (const run of e2e.runs) {
    const errors = run.errors.length > 0 ? `; ${run.errors.join(' | ')}` : '';
    lines.push(
      `  ${run.dealership}: ${run.loaded.toLocaleString('en-US')} rows loaded; sync ${run.runResult} (exit ${run.exitCode}) ` +
        `in ${run.syncSeconds.toFixed(1)} s; ${run.seconds.toFixed(1)} s in all, ` +
        `${(run.seconds / run.stores).toFixed(1)} s a store${errors}`,
    );
    for (const check of e2e.stores.filter((c) => c.dealership === run.dealership))
      lines.push(`    ${storeLine(check)}`);
  }
  const core = headline(e2e.core);
  const org = headline(e2e.org);
  const figure = (label: string, a: string | number, b: string | number): string => row(`  ${label}`, 34, [a, b]);
  lines.push(
    row('Scored by the same scorer', 34, ['core', 'org']),
    figure('recall', pct(core.recall, 1), pct(org.recall, 1)),
    figure('false flags per 50 clean reps', core.falseFlagsPer50Clean.toFixed(2), org.falseFlagsPer50Clean.toFixed(2)),
    figure("flags at the peers' level", e2e.core.peerLevelFlags, e2e.org.peerLevelFlags),
    figure('flags below minSample', core.belowMinSample, org.belowMinSample),
    figure('stale-lead tasks', e2e.core.staleTasks.total, e2e.org.staleTasks.total),
    figure('noise stale-lead tasks', pct(core.noiseShare, 1), pct(org.noiseShare, 1)),
  );
  const differences = e2e.stores.flatMap((c) =>
    [...c.flagDifferences, ...c.otherDifferences].map((d) => ({ check: c, d })),
  );
  lines.push(`  Differences between the core pass and the org: ${differences.length}`);
  for (const { check, d } of differences.slice(0, MAX_DIFFERENCES_LISTED)) {
    const fields = d.fields.length > 0 ? ` (${d.fields.join(', ')})` : '';
    lines.push(`    ${check.dealership} ${check.store}: ${d.object} ${d.key}: ${d.kind}${fields}`);
  }
  if (differences.length > MAX_DIFFERENCES_LISTED)
    lines.push(`    … and ${differences.length - MAX_DIFFERENCES_LISTED} more`);
  return lines;
}

function storeLine(check: StoreCheck): string {
  const flags = `flags: core ${check.coreFlags}, org ${check.orgFlags}`;
  const verdict = !check.syncOk
    ? 'the sync did not end ok'
    : sameFlags(check)
      ? 'same flags'
      : `DIFFERENT FLAGS (${check.flagDifferences.length})`;
  const rest =
    check.otherDifferences.length === 0
      ? 'every other field and task the same'
      : `${check.otherDifferences.length} other differences`;
  return `${check.store.padEnd(8)}${String(check.reps).padStart(3)} reps   ${flags.padEnd(24)} ${verdict}; ${rest}`;
}

export function barsReport(list: readonly Bar[]): string[] {
  return ['Bars', ...list.map((bar) => `  ${bar.pass ? 'pass' : 'FAIL'}  ${bar.label.padEnd(52)} ${bar.value}`)];
}
