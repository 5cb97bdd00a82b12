/**
 * The coaching report as a manager reads it: first the gaps whole teams share (for their
 * managers), then per rep the funnel, each measure against their own role (salespeople against
 * the salespeople, setters against the setters) and the target, the flags (focus first, each
 * root cause with the symptoms it explains) and the goal plan; then the team and the
 * coaching effectiveness, for the store and per manager (render-effectiveness.ts).
 */
import {
  type CoachingResult,
  type CoachModel,
  type Effectiveness,
  type Finding,
  type GoalPlan,
  type MeasureResult,
  type OpenFlag,
  pooledResult,
  type Rep,
  type Scorecard,
  type TeamFinding,
} from '../core';
import { effectivenessJson, effectivenessLines } from './render-effectiveness';
import { pct, tableLines } from './wording';

export interface FlagTally {
  open: number;
  /** Open flags about a manager's whole team (Scope__c Team) rather than one rep; counted in `open`. */
  openOnTeams: number;
  committed: number;
  improved: number;
  notImproved: number;
  resolved: number;
}

export interface ReportInput {
  model: CoachModel;
  coaching: CoachingResult;
  reps: readonly Rep[];
  /** Names of every User by Id (managers are not among the reps). */
  names: ReadonlyMap<string, string>;
  flags: FlagTally;
  /** The store first, then each manager (coaching-effectiveness). */
  effectiveness: readonly Effectiveness[];
  /** The org's open flags as the last sync read them back: status, the manager's commitment and follow-up date. */
  openFlags: readonly OpenFlag[];
}

const num = (value: number | null, digits = 1): string => (value === null ? '–' : value.toFixed(digits));

/** A measure's value as a manager reads it. */
export function formatResult(result: MeasureResult): string {
  switch (result.kind) {
    case 'volume':
      return `${num(result.value)}/day`;
    case 'ratio':
      return `${pct(result.value)} of ${result.trials}`;
    case 'responseTime':
      return `${pct(result.value)} ≤ ${result.slaMinutes} min (median ${result.medianMinutes === null ? '–' : Math.round(result.medianMinutes)} min)`;
    case 'overdue':
    case 'staleLead':
      // A rep's value is their count; the team's is the count per salesperson.
      return result.value === null
        ? '–'
        : Number.isInteger(result.value)
          ? String(result.value)
          : result.value.toFixed(1);
    case 'sequence':
      return `${pct(result.value)} skipped of ${result.reached}`;
    case 'integrity':
      return `${pct(result.value)} suspicious of ${result.checked}`;
  }
}

/** What the measure expects, in the same words. */
export function formatTarget(result: MeasureResult): string {
  switch (result.kind) {
    case 'volume':
      return result.expectedPerDay === null ? '–' : `≥ ${num(result.expectedPerDay)}/day`;
    case 'ratio':
    case 'responseTime':
      return `≥ ${pct(result.target)}`;
    case 'overdue':
    case 'staleLead':
      return `≤ ${result.maxAllowed}`;
    case 'sequence':
      return `≤ ${pct(result.maxSkipShare)}`;
    case 'integrity':
      return `≤ ${pct(result.maxSuspiciousShare)}`;
  }
}

function funnelLine(plan: GoalPlan | undefined, model: CoachModel): string {
  if (!plan) return '';
  const label = (id: string): string => model.steps.find((s) => s.id === id)?.label ?? id;
  return plan.steps.map((s) => `${label(s.step)} ${s.sample}`).join(' → ');
}

function planLines(plan: GoalPlan, model: CoachModel): string[] {
  const label = (id: string): string => model.steps.find((s) => s.id === id)?.label ?? id;
  const daily = plan.steps
    .filter((s) => s.step !== model.goals.step && s.requiredPerWorkingDay !== null)
    .map((s) => `${num(s.requiredPerWorkingDay)} ${label(s.step).toLowerCase()}`)
    .join(', ');
  const last = plan.steps[plan.steps.length - 1];
  const pace =
    last && last.expectedByNow !== null
      ? `month to date ${last.monthToDate} against ${num(last.expectedByNow)} expected by now (${last.onTrack ? 'on track' : 'behind'})`
      : `month to date ${last?.monthToDate ?? 0}`;
  return [
    `  Goal ${plan.monthlyGoal} per month (${plan.goalSource}): per working day ${daily || 'no plan (a later step has no conversion yet)'}`,
    `  ${pace}; ${plan.workingDaysElapsed} of ${plan.workingDaysInMonth} working days gone`,
  ];
}

function flagLine(finding: Finding, model: CoachModel): string {
  const focus = finding.isFocus ? ', focus' : '';
  const label = (id: string): string => model.measures.find((m) => m.id === id)?.label.toLowerCase() ?? id;
  const explains =
    finding.symptoms.length > 0 ? ` (root cause of the low ${finding.symptoms.map(label).join(' and ')})` : '';
  return `    [${finding.diagnosis}, ${finding.severity}${focus}] ${finding.summary}${explains} — about ${finding.lostUnits.toFixed(1)} units/month`;
}

function teamLines(input: ReportInput): string[] {
  const findings = input.coaching.teamFindings;
  if (findings.length === 0) return [];
  const lines = ["Whole teams (for the manager, not one rep's flag):"];
  for (const finding of findings) lines.push(teamLine(finding, input));
  return [...lines, ''];
}

function teamLine(finding: TeamFinding, input: ReportInput): string {
  const manager = input.names.get(finding.managerId) ?? finding.managerId;
  return `    [${finding.diagnosis}, ${finding.severity}] ${manager}: ${finding.summary} — about ${finding.lostUnits.toFixed(1)} units/month`;
}

/** The results a rep is shown against: their role's, pooled (the team scorecard pools salespeople). */
export function roleScorecard(role: Rep['role'] | 'team', input: ReportInput): Scorecard {
  const { coaching, model } = input;
  if (role !== 'setter') return coaching.team;
  const setters = coaching.scorecards.filter((card) => card.role === 'setter');
  return {
    repId: null,
    name: 'Setters',
    role: 'team',
    members: setters.length,
    results: model.measures.map(
      (_m, i) =>
        pooledResult(
          setters.flatMap((card) => card.results[i] ?? []),
          model.coaching.confidence,
        ) ?? (coaching.team.results[i] as MeasureResult),
    ),
  };
}

function repSection(card: Scorecard, input: ReportInput): string[] {
  const team = roleScorecard(card.role, input);
  const { model, coaching } = input;
  const rep = input.reps.find((r) => r.id === card.repId);
  const plan = coaching.plans.find((p) => p.repId === card.repId);
  const diagnosis = coaching.diagnoses.find((d) => d.repId === card.repId);
  const manager = rep?.managerId ? (input.names.get(rep.managerId) ?? rep.managerId) : null;
  const lines = [
    `${card.name} (${card.role}${rep?.store ? `, ${rep.store}` : ''}${manager ? `, manager ${manager}` : ''})`,
  ];
  const funnel = funnelLine(plan, model);
  if (funnel) lines.push(`  Funnel: ${funnel}`);
  if (plan) lines.push(...planLines(plan, model));
  const peers = card.role === 'setter' ? 'setters' : 'team';
  const rows = card.results.map((result, index) => {
    const teamResult = team.results[index];
    return [result.measure, formatResult(result), teamResult ? formatResult(teamResult) : '–', formatTarget(result)];
  });
  lines.push(...tableLines([['measure', 'rep', peers, 'target'], ...rows]));
  const flagged = diagnosis?.flagged ?? [];
  lines.push(flagged.length === 0 ? '  Flags: none' : '  Flags:');
  for (const finding of flagged) lines.push(flagLine(finding, model));
  return lines;
}

export function renderReport(input: ReportInput): string {
  const { coaching, flags } = input;
  const out: string[] = [
    `${input.model.dealership.name}: coaching report for ${coaching.window.startDate} – ${coaching.window.endDate} (${coaching.window.workingDays} working days)`,
    '',
    ...teamLines(input),
  ];
  for (const card of coaching.scorecards) out.push(...repSection(card, input), '');
  out.push(
    `Team: ${coaching.findings.length} weaknesses flagged across ${coaching.diagnoses.filter((d) => d.flagged.length > 0).length} people${coaching.teamFindings.length > 0 ? `, and ${coaching.teamFindings.length} shared by a whole team` : ''}.`,
    `Coaching flags in the org: ${flags.open} open (${flags.openOnTeams > 0 ? `${flags.openOnTeams} on whole teams, ` : ''}${flags.committed} with a commitment), ${flags.improved} improved, ${flags.notImproved} not improved, ${flags.resolved} resolved.`,
    ...effectivenessLines(input.effectiveness, input.names),
  );
  return `${out.join('\n')}\n`;
}

/** The report as data for `--json`. */
export function reportJson(input: ReportInput): unknown {
  const { coaching } = input;
  return {
    dealership: input.model.dealership.name,
    window: coaching.window,
    monthToDate: coaching.monthToDate,
    reps: coaching.scorecards.map((card) => ({
      ...card,
      plan: coaching.plans.find((p) => p.repId === card.repId) ?? null,
      flags: coaching.diagnoses.find((d) => d.repId === card.repId)?.flagged ?? [],
    })),
    team: coaching.team,
    teamFindings: coaching.teamFindings,
    flags: input.flags,
    // The org's open flags as read back: what the manager committed to and by when (the scorecard page shows them).
    openFlags: input.openFlags,
    effectiveness: effectivenessJson(input.effectiveness, input.names),
    // What the Coaching_Effectiveness__c records hold: the same counts per month the commitments were made in.
    effectivenessByMonth: coaching.effectivenessByMonth.map(({ month, effectiveness }) => ({
      month,
      effectiveness: effectivenessJson(effectiveness, input.names),
    })),
  };
}
