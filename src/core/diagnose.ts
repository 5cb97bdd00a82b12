/**
 * Diagnosis (ARCHITECTURE.md §6): from scorecards to findings labelled Knowledge / Skill /
 * Activity (each measure's configured `diagnosis`), priced in units per month, with severity,
 * summary and evidence. One run's judgement in four moves:
 * 1. every rep × measure is a test: worse than the target (rules.ts) AND than the peers by the
 *    margin (peers.ts), the p-value the larger of the two, then again against the typical peers
 *    once the clearly worse are known (`typicalPeers`); every manager's team × measure is a test
 *    against the target (team-diagnosis.ts);
 * 2. false flags are controlled across all of them at once (false-discovery.ts), at the
 *    one-sided level of `coaching.confidence`;
 * 3. a rep's findings are reduced to root causes (root-causes.ts), their symptoms kept in the
 *    evidence;
 * 4. few flags, the ones that matter: at most `maxFlagsPerRep` root causes per rep, biggest
 *    leak first (ties in the config's measure order), and the biggest is the rep's focus.
 * Findings past the cap, and symptoms, are kept as `heldBack` so an already open flag for one of
 * them is still kept up to date rather than resolved while the weakness persists.
 */
import type { Conversions } from './conversion';
import { discoveryThreshold, SELECTION } from './false-discovery';
import { evidenceOf, type PeerComparison, summaryOf, symptomLine, testLine, type TextContext } from './finding-text';
import type { MeasureResult, Scorecard } from './measure-results';
import type { CoachModel, MeasureModel, Rep } from './model';
import {
  NO_PEERS,
  peerGroups,
  peerPValue,
  type PeerYardstick,
  peerYardstick,
  storeColleagues,
  typicalPeers,
} from './peers';
import type { StoreEffects } from './leak-store';
import { rootCauses, rootLeak } from './root-causes';
import { minSampleOf, oneSidedLevel, targetPValue } from './rules';
import { type TeamTest, teamTests } from './team-diagnosis';
import type { TeamFinding } from './team-finding';
import { teamFindingOf } from './team-finding-text';
import type { Period } from './window';
import { type PricingContext, severityOf, type Weakness, weaknessOf } from './weakness';

/** A rep's weakness. A root cause's `lostUnits` and `severity` include its symptoms'. */
export interface Finding extends Weakness {
  repId: string;
  teamValue: number | null;
  isFocus: boolean;
  /** Measures of the rep's other findings this one explains (root-causes.ts). */
  symptoms: string[];
  summary: string;
  evidence: string;
}

export interface RepDiagnosis {
  repId: string;
  /** Root causes to flag, biggest leak first; the first is the focus. */
  flagged: Finding[];
  /** Root causes beyond `maxFlagsPerRep`, and symptoms: not flagged anew. */
  heldBack: Finding[];
}

export interface Diagnosis {
  reps: RepDiagnosis[];
  teams: TeamFinding[];
}

export interface DiagnoseInput {
  model: CoachModel;
  reps: readonly Rep[];
  /** By rep index, as measured. */
  scorecards: readonly Scorecard[];
  team: Scorecard;
  conversions: Conversions;
  window: Period;
  /** Working days in this month ÷ working days in the window. */
  monthScale: number;
  /** Measures not judged this run: they read a step that matches nothing (silent-steps.ts). */
  unjudged?: ReadonlySet<string>;
  /** The store's own measured effects, to price salespeople's leaks by (leak-store.ts); none: the chain. */
  storeEffects?: StoreEffects;
}

interface RepTest {
  repIndex: number;
  order: number;
  result: MeasureResult;
  minSample: number;
  p: number;
  yardstick: PeerYardstick;
  group: readonly number[];
  /** The rep's own store's colleagues when `group` spans stores (peers.ts), and their yardstick. */
  colleagues: readonly number[];
  home: PeerYardstick | null;
}

export function diagnose(input: DiagnoseInput): Diagnosis {
  const { model, reps, scorecards } = input;
  const level = oneSidedLevel(model.coaching.confidence);
  const peers = peerGroups(reps);
  const colleagues = storeColleagues(reps, peers);
  const repTests: RepTest[] = [];
  let untested = 0;
  reps.forEach((rep, repIndex) => {
    const group = peers[repIndex] ?? [];
    model.measures.forEach((measure, order) => {
      const result = scorecards[repIndex]?.results[order];
      if (!result || input.unjudged?.has(measure.id) === true) return;
      const minSample = minSampleOf(measure, model, rep.role);
      // On the good side of the threshold even with no spread at all (the smallest p a spread
      // allows): such a test can be no discovery and takes no part in the control, so the peers'
      // yardstick, the costly part, is not worth building. Counted, all the same.
      const unspread = targetPValue(result, minSample);
      if (unspread === null) return;
      if (unspread > SELECTION) {
        untested++;
        return;
      }
      const home = colleagues[repIndex] ?? [];
      repTests.push(testAgainst({ repIndex, order, result, minSample, colleagues: home }, group, input));
    });
  });
  const outliers = new Set(repTests.filter((t) => t.p <= level).map((t) => `${t.repIndex}:${t.order}`));
  // Each rep is judged against their typical peers, without the colleagues just found clearly worse.
  const judged = repTests.map((test) => {
    const store = reps[test.repIndex]?.store;
    const oneStore = test.group.every((index) => reps[index]?.store === store);
    const isOutlier = (index: number): boolean => outliers.has(`${index}:${test.order}`);
    const typical = typicalPeers(test.result, test.group, isOutlier, oneStore);
    return typical === test.group ? test : testAgainst(test, typical, input);
  });
  const teams = teamTests({
    model,
    reps,
    scorecards,
    isOutlier: (rep, order) => outliers.has(`${rep}:${order}`),
    ...(input.unjudged === undefined ? {} : { unjudged: input.unjudged }),
  });
  // False discoveries kept to the one-sided level of the flags (5% at a confidence of 0.9); no
  // threshold is ever looser than a single test at that level, so the evidence's interval
  // always lies beyond the target.
  const pValues = [...judged.map((t) => t.p), ...teams.map((t) => t.p)];
  const run = {
    threshold: Math.min(level, discoveryThreshold(pValues, level)),
    tests: pValues.length + untested,
    level,
  };
  const text: TextContext = {
    steps: new Map(model.steps.map((step) => [step.id, step])),
    window: input.window,
    confidence: model.coaching.confidence,
    minSample: model.coaching.minSample,
  };

  const byRep = new Map<number, RepTest[]>();
  for (const test of judged)
    if (test.p <= run.threshold) byRep.set(test.repIndex, [...(byRep.get(test.repIndex) ?? []), test]);
  return {
    reps: reps.map((rep, repIndex) => repDiagnosis(rep, repIndex, byRep.get(repIndex) ?? [], input, text, run)),
    teams: teams.filter((t) => t.p <= run.threshold).map((t: TeamTest) => teamFindingOf(t, input, text, run)),
  };
}

/**
 * A rep's test against `group`: the largest p of worse than the target, than those peers by the
 * margin and, when they span stores, than the rep's own store's colleagues by the margin.
 */
function testAgainst(
  test: Pick<RepTest, 'repIndex' | 'order' | 'result' | 'minSample' | 'colleagues'>,
  group: readonly number[],
  input: DiagnoseInput,
): RepTest {
  const { repIndex, order, result, minSample, colleagues } = test;
  const margin = input.model.coaching.peerMargin;
  const resultsOf = (indices: readonly number[]): MeasureResult[] =>
    indices.flatMap((index) => input.scorecards[index]?.results[order] ?? []);
  const peerResults = resultsOf(group);
  const yardstick = peerResults.length > 0 ? peerYardstick(peerResults) : NO_PEERS;
  // Short of one's own expectation is judged on one's own noise (the day's); the peers' spread is the peer test's.
  const target = targetPValue(result, minSample, yardstick.daily) ?? 1;
  let p = Math.max(target, peerPValue(result, yardstick, margin));
  let home: PeerYardstick | null = null;
  const homeResults = resultsOf(colleagues);
  if (homeResults.length > 0) {
    // One or two colleagues tell too little about how much people differ: the whole group's spread.
    const own = peerYardstick(homeResults);
    home = { ...own, dispersion: Math.max(own.dispersion, yardstick.dispersion), daily: yardstick.daily };
    p = Math.max(p, peerPValue(result, home, margin));
  }
  return { repIndex, order, result, minSample, p, yardstick, group, colleagues, home };
}

function repDiagnosis(
  rep: Rep,
  repIndex: number,
  discoveries: readonly RepTest[],
  input: DiagnoseInput,
  text: TextContext,
  run: { threshold: number; tests: number; level: number },
): RepDiagnosis {
  const { model, reps } = input;
  const drafts = discoveries.map((test) => {
    const measure = model.measures[test.order] as MeasureModel;
    const result = input.scorecards[repIndex]?.results[test.order] as MeasureResult;
    const sameStore = test.group.length > 0 && test.group.every((index) => reps[index]?.store === rep.store);
    const comparison: PeerComparison = {
      value: test.yardstick.value,
      count: test.group.length,
      role: rep.role,
      store: sameStore ? rep.store : null,
      home: test.home === null ? null : { value: test.home.value, count: test.colleagues.length, store: rep.store },
    };
    const finding = findingOf(rep, repIndex, measure, result, input, text, comparison);
    return { finding, measure, result, step: finding.step, lostUnits: finding.lostUnits, order: test.order, p: test.p };
  });
  const roots = rootCauses(drafts).map(({ cause, symptoms }) => {
    const lostUnits = Math.round(rootLeak(cause, symptoms) * 100) / 100;
    const lines = [testLine(cause.p, run.threshold, run.tests, run.level)];
    if (symptoms.length > 0) lines.unshift(symptomLine(symptoms.map((s) => s.finding)));
    const finding: Finding = {
      ...cause.finding,
      lostUnits,
      severity: severityOf(lostUnits, model.coaching.severity),
      symptoms: symptoms.map((s) => s.measure.id),
      evidence: `${cause.finding.evidence}\n${lines.join('\n')}`,
    };
    return { finding, order: cause.order, symptoms: symptoms.map((s) => s.finding) };
  });
  roots.sort((a, b) => b.finding.lostUnits - a.finding.lostUnits || a.order - b.order);
  const flagged = roots.slice(0, model.coaching.maxFlagsPerRep).map((r) => r.finding);
  if (flagged[0]) flagged[0].isFocus = true;
  const heldBack = [...roots.slice(flagged.length).map((r) => r.finding), ...roots.flatMap((r) => r.symptoms)];
  return { repId: rep.id, flagged, heldBack };
}

function findingOf(
  rep: Rep,
  repIndex: number,
  measure: MeasureModel,
  result: MeasureResult,
  input: DiagnoseInput,
  text: TextContext,
  peers: PeerComparison,
): Finding {
  const teamResult = input.team.results[input.model.measures.indexOf(measure)] ?? result;
  const context: PricingContext = {
    conversions: input.conversions,
    monthScale: input.monthScale,
    rep: { rep, index: repIndex },
  };
  // The effects are measured on salespeople's own later sales: a setter's calls sell through
  // someone else, and a team's findings keep the chain (team-finding-text.ts).
  if (input.storeEffects && rep.role === 'salesperson') context.storeEffects = input.storeEffects;
  const { weakness, leak } = weaknessOf(result, measure, input.model, context);
  const { step, lostUnits } = weakness;
  return {
    ...weakness,
    repId: rep.id,
    teamValue: teamResult.value,
    isFocus: false,
    symptoms: [],
    summary: summaryOf(result, teamResult, measure, step, text),
    evidence: evidenceOf(
      result,
      teamResult,
      leak.formula,
      lostUnits,
      { ...text, minSample: minSampleOf(measure, input.model, rep.role) },
      peers,
    ),
  };
}
