/**
 * Diagnosis: from scorecards to findings labelled Knowledge / Skill / Activity (each measure's
 * configured `diagnosis`), priced in units per month, with severity, summary and evidence.
 * Few flags, the ones that matter: at most `maxFlagsPerRep` per rep, biggest leak first (ties
 * in the config's measure order), and the biggest is the rep's coaching focus. Findings past
 * the cap are kept as `heldBack` so an already open flag for one of them is still kept up to
 * date rather than resolved while the weakness persists.
 */
import type { Conversions } from './conversion';
import { evidenceOf, type PeerComparison, summaryOf, type TextContext } from './finding-text';
import { leakOf, weakStep } from './leak';
import type { CoachModel, DiagnosisKind, MeasureKind, MeasureModel, Rep, Severity } from './model';
import type { MeasureResult, Scorecard } from './measure-results';
import { peerGroups, peerYardstick, worseThanPeers } from './peers';
import { isWeak } from './rules';
import type { Period } from './window';

export interface Finding {
  repId: string;
  measure: string;
  kind: MeasureKind;
  diagnosis: DiagnosisKind;
  /** Step the weakness is about. */
  step: string;
  actual: number | null;
  target: number | null;
  teamValue: number | null;
  /** The denominator the value rests on. */
  sampleSize: number;
  /** Estimated units lost per month, rounded to cents of a unit. */
  lostUnits: number;
  severity: Severity;
  isFocus: boolean;
  summary: string;
  evidence: string;
}

export interface RepDiagnosis {
  repId: string;
  /** Findings to flag, biggest leak first; the first is the focus. */
  flagged: Finding[];
  /** Weaknesses beyond `maxFlagsPerRep`, not flagged anew. */
  heldBack: Finding[];
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
}

export function diagnose(input: DiagnoseInput): RepDiagnosis[] {
  const { model, reps, scorecards, team } = input;
  const text: TextContext = {
    steps: new Map(model.steps.map((step) => [step.id, step])),
    window: input.window,
    confidence: model.coaching.confidence,
    minSample: model.coaching.minSample,
  };
  const peers = peerGroups(reps);
  return reps.map((rep, repIndex) => {
    const card = scorecards[repIndex];
    const findings: Array<Finding & { order: number }> = [];
    model.measures.forEach((measure, order) => {
      const result = card?.results[order];
      const teamResult = team.results[order];
      if (!result || !teamResult || !isWeak(result, model.coaching)) return;
      const group = peers[repIndex] ?? [];
      const peerResults = group.flatMap((index) => scorecards[index]?.results[order] ?? []);
      const yardstick = peerYardstick(peerResults);
      if (!worseThanPeers(result, yardstick, model.coaching)) return;
      const sameStore = group.length > 0 && group.every((index) => reps[index]?.store === rep.store);
      const comparison: PeerComparison = {
        value: yardstick.value,
        count: group.length,
        role: rep.role,
        store: sameStore ? rep.store : null,
      };
      findings.push({ ...findingOf(rep, repIndex, measure, result, teamResult, input, text, comparison), order });
    });
    findings.sort((a, b) => b.lostUnits - a.lostUnits || a.order - b.order);
    const plain = findings.map(({ order: _order, ...finding }) => finding);
    const flagged = plain.slice(0, model.coaching.maxFlagsPerRep);
    if (flagged[0]) flagged[0].isFocus = true;
    return { repId: rep.id, flagged, heldBack: plain.slice(flagged.length) };
  });
}

function findingOf(
  rep: Rep,
  repIndex: number,
  measure: MeasureModel,
  result: MeasureResult,
  team: MeasureResult,
  input: DiagnoseInput,
  text: TextContext,
  peers: PeerComparison,
): Finding {
  const leak = leakOf(result, measure, rep, repIndex, { conversions: input.conversions, monthScale: input.monthScale });
  const lostUnits = Math.round(leak.units * 100) / 100;
  const step = weakStep(result, measure);
  return {
    repId: rep.id,
    measure: measure.id,
    kind: result.kind,
    diagnosis: measure.diagnosis,
    step,
    actual: result.value,
    target: targetOf(result),
    teamValue: team.value,
    sampleSize: sampleOf(result),
    lostUnits,
    severity: severityOf(lostUnits, input.model.coaching.severity),
    isFocus: false,
    summary: summaryOf(result, team, measure, step, text),
    evidence: evidenceOf(result, team, leak.formula, lostUnits, text, peers),
  };
}

export function severityOf(lostUnits: number, thresholds: { medium: number; high: number }): Severity {
  return lostUnits >= thresholds.high ? 'High' : lostUnits >= thresholds.medium ? 'Medium' : 'Low';
}

export function targetOf(result: MeasureResult): number | null {
  switch (result.kind) {
    case 'volume':
      return result.expectedPerDay;
    case 'ratio':
    case 'responseTime':
      return result.target;
    case 'overdue':
    case 'staleLead':
      return result.maxAllowed;
    case 'sequence':
      return result.maxSkipShare;
    case 'integrity':
      return result.maxSuspiciousShare;
  }
}

export function sampleOf(result: MeasureResult): number {
  switch (result.kind) {
    case 'volume':
      return result.workingDays;
    case 'ratio':
      return result.trials;
    case 'responseTime':
      return result.decided;
    case 'overdue':
    case 'staleLead':
      return result.count;
    case 'sequence':
      return result.reached;
    case 'integrity':
      return result.checked;
  }
}
