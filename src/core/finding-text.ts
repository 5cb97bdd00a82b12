/**
 * The words a manager reads: a one-line summary (what, against team and target, and what to
 * coach) and the evidence (the numbers and the rule behind the finding). Step and measure
 * labels come from the config, so the text speaks the store's own language.
 */
import { MATURE_SHARE } from './measure-ratio';
import type { MeasureModel, StepModel } from './model';
import { plainLine } from './plain-text';
import type { MeasureResult } from './measure-results';
import type { Interval } from './stats';
import type { Period } from './window';

/** Salesforce's limit for the flag's Summary__c (Text(255)). */
export const SUMMARY_MAX = 255;
/**
 * The longest lead name the evidence repeats: Salesforce composes a Lead's Name from First (40) and Last Name (80),
 * so a longer one came from an import, and repeated five times it could outgrow the long-text field it is written to.
 */
export const NAME_MAX = 121;

export interface TextContext {
  steps: ReadonlyMap<string, StepModel>;
  window: Period;
  confidence: number;
  minSample: number;
}

/** A step's label from the config, sanitised for one line of text; the Id when the step is unknown. */
export function stepLabel(context: Pick<TextContext, 'steps'>, id: string): string {
  return inline(context.steps.get(id)?.label ?? id);
}

export function summaryOf(
  result: MeasureResult,
  team: MeasureResult,
  measure: MeasureModel,
  weakStep: string,
  context: TextContext,
): string {
  const label = measure.label;
  const step = (id: string): string => stepLabel(context, id);
  const teamValue = team.value;
  let text: string;
  switch (result.kind) {
    case 'volume':
      text = `${label} ${num(result.value)} a day, expected ${num(result.expectedPerDay)} (team ${num(teamValue)}): block daily time for ${step(result.step)}`;
      break;
    case 'ratio':
      text = `${label} ${pct(result.value)} (team ${pct(teamValue)}, target ${pct(result.target)}): coach turning ${step(result.from)} into ${step(result.to)}`;
      break;
    case 'responseTime':
      text = `${label} ${pct(result.value)} within ${result.slaMinutes} min (team ${pct(teamValue)}, target ${pct(result.target)}; median ${num(result.medianMinutes)} min): make the first ${step(result.to)} on each ${step(result.from)} sooner`;
      break;
    case 'overdue':
      text = `${label}: ${result.count} overdue (allowed ${result.maxAllowed}, team ${num(teamValue)}): clear overdue follow-ups first each day`;
      break;
    case 'staleLead':
      text = `${label}: ${result.count} open leads idle ${result.days}+ days (allowed ${result.maxAllowed}, team ${num(teamValue)}): work the idle leads first`;
      break;
    case 'sequence':
      text = `${label}: ${step(weakStep)} skipped in ${pct(result.value)} of the cases reaching ${step(result.step)} (team ${pct(teamValue)}, allowed ${pct(result.maxSkipShare)}): walk through the store's process`;
      break;
    case 'integrity':
      text = `${label}: ${pct(result.value)} of logged activity looks unreal (team ${pct(teamValue)}, allowed ${pct(result.maxSuspiciousShare)}): review how ${step(weakStep)} is logged`;
      break;
  }
  return truncate(text, SUMMARY_MAX);
}

export function evidenceOf(
  result: MeasureResult,
  team: MeasureResult,
  leakFormula: string,
  leakUnits: number,
  context: TextContext,
  peers?: PeerComparison,
): string {
  const { window, confidence, minSample } = context;
  const level = pct(confidence);
  const lines = [`Window ${window.startDate} to ${window.endDate} (${window.workingDays} working days).`];
  switch (result.kind) {
    case 'volume':
      lines.push(
        `${result.observed} credited in the window (suspicious activity excluded); expected ${num(result.expected)} (${num(result.expectedPerDay)} per working day).`,
        `Chance of so few at the expected rate (Poisson): ${pctFine(result.lowerTail)}.`,
        `Team: ${num(team.value)} per salesperson per working day.`,
      );
      if (result.expectedAtOwnPerDay !== null)
        lines.push(
          `The expectation is what the goal needs at the team's conversion; at this rep's own conversion it would need ${num(result.expectedAtOwnPerDay)} a day.`,
        );
      break;
    case 'ratio':
      lines.push(
        `${result.successes} of ${result.trials} (${result.basis === 'subject' ? 'customers' : 'events'}) = ${pct(result.value)}; ${level} interval ${range(result.interval)}; target ${pct(result.target)}.`,
        `Flagged because the whole interval is below the target and the sample reaches ${minSample}.`,
        `Team: ${teamRatio(team)}.`,
      );
      if (result.matureDays > 0)
        lines.push(
          `Customers of the window's last ${result.matureDays} ${result.matureDays === 1 ? 'day' : 'days'} are not counted yet: ${Math.round(MATURE_SHARE * 10)} in 10 of those who reach ${stepLabel(context, result.to)} do so within that time.`,
        );
      break;
    case 'responseTime':
      lines.push(
        `${result.within} of ${result.decided} answered within ${result.slaMinutes} min = ${pct(result.value)}; ${level} interval ${range(result.interval)}; ${result.pending} still inside the SLA; median ${num(result.medianMinutes)} min.`,
        `Team: ${pct(team.value)}.`,
      );
      break;
    case 'overdue':
      lines.push(
        `${result.count} open follow-ups past due: ${result.items
          .slice(0, 5)
          .map((i) => `${i.recordId} (due ${i.due})`)
          .join(', ')}${result.count > 5 ? ', …' : ''}.`,
      );
      break;
    case 'staleLead':
      lines.push(
        `${result.count} open leads without activity for ${result.days}+ days: ${result.leads
          .slice(0, 5)
          .map((l) => `${l.name === null ? l.leadId : truncate(plainLine(l.name), NAME_MAX)} (${l.daysIdle} days)`)
          .join(', ')}${result.count > 5 ? ', …' : ''}.`,
      );
      break;
    case 'sequence':
      lines.push(
        `${result.skipped} of ${result.reached} skipped a required step = ${pct(result.value)}; ${level} interval ${range(result.interval)}; by step: ${counts(result.skippedBySteps)}.`,
        `Team: ${pct(team.value)}.`,
      );
      break;
    case 'integrity':
      lines.push(
        `${result.suspicious} of ${result.checked} checked events suspicious (${result.inBursts} in bursts, ${result.tooShort} too short); by step: ${counts(result.suspiciousBySteps)}.`,
        `Team: ${pct(team.value)}.`,
      );
      break;
  }
  if (peers) lines.push(peerLine(result, peers));
  lines.push(`Estimated cost: ${leakFormula} = ${leakUnits.toFixed(2)} units a month.`);
  return lines.join('\n');
}

/** The run-wide test behind a flag (false-discovery.ts): how sure, and against how many tests. */
export function testLine(p: number, threshold: number, tests: number, level: number): string {
  return `Chance of a result this bad for someone at the target and at the peers' level: ${pctFine(p)}. This run flags up to ${pctFine(threshold)}, so that of all the flags its ${tests} tests give, at most ${pct(level)} are expected to be false.`;
}

/** The findings a root cause explains (root-causes.ts), so the manager sees one cause and its echoes. */
export function symptomLine(symptoms: ReadonlyArray<{ summary: string }>): string {
  return `Root cause of: ${symptoms.map((s) => s.summary.split(':')[0]).join('; ')}. Coach this step first; those follow from it.`;
}

/** Who the rep was compared with (peers.ts), so the flag says why it is this rep's and not the team's. */
export interface PeerComparison {
  value: number | null;
  count: number;
  role: string;
  /** The store the peers work in; null when they are the dealership's. */
  store: string | null;
  /** When the peers span stores: the rep's own store's colleagues of the role, whom the rep is below too. */
  home?: { value: number | null; count: number; store: string | null } | null;
}

const roleNoun = (role: string): string => (role === 'setter' ? 'setters' : 'salespeople');

function peerLine(result: MeasureResult, peers: PeerComparison): string {
  const who = `${roleNoun(peers.role)}${peers.store === null ? '' : ` of ${peers.store}`}`;
  if (peers.count === 0 || peers.value === null)
    return `No other ${who} to compare with: judged against the target alone.`;
  const valueOf = (value: number): string =>
    result.kind === 'volume'
      ? `${num(value)} per working day`
      : result.kind === 'overdue' || result.kind === 'staleLead'
        ? `${num(value)} each`
        : pct(value);
  const home = peers.home;
  const colleagues = home?.count === 1 ? `other ${peers.role}` : `${home?.count ?? 0} other ${roleNoun(peers.role)}`;
  const own =
    home && home.value !== null && home.store !== null
      ? ` and below the ${colleagues} of ${home.store} (${valueOf(home.value)})`
      : '';
  return `Peers (${peers.count} other ${who}): ${valueOf(peers.value)}. This rep is clearly below them too${own}, so the flag is theirs, not the team's.`;
}

function teamRatio(team: MeasureResult): string {
  return team.kind === 'ratio' ? `${team.successes} of ${team.trials} = ${pct(team.value)}` : pct(team.value);
}

/** A label inside a sentence: lower-case its first letter unless it is an acronym ("BDC"). */
export function inline(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

export function pct(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value * 100)}%`;
}

function pctFine(value: number | null): string {
  return value === null ? 'n/a' : value < 0.001 ? '<0.1%' : `${(value * 100).toFixed(1)}%`;
}

export function num(value: number | null): string {
  if (value === null) return 'n/a';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function range(interval: Interval | null): string {
  return interval === null ? 'n/a' : `${pct(interval.low)}–${pct(interval.high)}`;
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record);
  return entries.length === 0 ? 'none' : entries.map(([key, count]) => `${key} ${count}`).join(', ');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
