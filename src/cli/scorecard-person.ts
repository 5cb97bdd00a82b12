/**
 * One person on the scorecard page: who they are, their funnel, their goal plan and month-to-date pace
 * (salespeople), every measure against their role's peers and the target, and their open flags. Everything is read
 * from the report's model (`ReportInput`), exactly as `report` and `report --json` show it; nothing is measured here.
 */
import { type GoalPlan, type MeasureResult, paceOf, type Scorecard } from '../core';
import { bar, esc, type Mark, slug, table } from './html';
import { formatResult, formatTarget, type ReportInput, roleScorecard } from './render-report';
import { funnelTable, repFunnel } from './scorecard-funnel';
import { repFlagList, repFlags } from './scorecard-flags';

const num = (value: number | null): string => (value === null ? '–' : value.toFixed(1));

/** The anchor of a person's section, for the page's navigation and for links from elsewhere. */
export const personAnchor = (repId: string | null): string => `rep-${slug(repId ?? 'team')}`;

/** Where the month's goal came from (`monthlyGoalOf`), in words. */
const GOAL_SOURCE: Readonly<Record<GoalPlan['goalSource'], string>> = {
  user: 'the User record',
  override: "the config's overrides",
  default: "the config's default",
};

/** The goal, the pace and what each funnel step needs per working day this month. */
function planSection(plan: GoalPlan, input: ReportInput): string {
  const label = (id: string): string => input.model.steps.find((s) => s.id === id)?.label ?? id;
  const goal = plan.steps[plan.steps.length - 1];
  if (!goal) return '';
  const pace = paceOf(plan);
  const marks: Mark[] =
    goal.expectedByNow === null || plan.monthlyGoal === 0
      ? []
      : [{ at: goal.expectedByNow / plan.monthlyGoal, kind: 'target' }];
  const share = plan.monthlyGoal === 0 ? null : goal.monthToDate / plan.monthlyGoal;
  const expected = goal.expectedByNow === null ? '' : `, ${esc(num(goal.expectedByNow))} expected by now`;
  const paceText = pace === null ? '' : `: <span class="pace-${slug(pace)}">${esc(pace)}</span>`;
  const summary = `<p>${esc(label(goal.step))}: ${bar(share, marks)} <span class="num">${esc(goal.monthToDate)} of ${esc(
    plan.monthlyGoal,
  )}</span> this month${expected}${paceText}. Goal from ${GOAL_SOURCE[plan.goalSource]}; ${esc(
    plan.workingDaysElapsed,
  )} of ${esc(plan.workingDaysInMonth)} working days gone. <span class="legend"><span class="sw target"></span>expected by now</span></p>`;
  return `<h4>Goal plan and pace</h4>
${summary}
${table({
  caption: `${plan.name}: what the goal needs per working day, and the month so far`,
  head: ['Step', 'Per working day', 'Month to date', 'Expected by now'],
  classes: [undefined, 'n', 'n', 'n'],
  rows: plan.steps.map((step) => [
    esc(label(step.step)),
    esc(num(step.requiredPerWorkingDay)),
    esc(step.monthToDate),
    esc(step.expectedByNow === null ? '–' : `${num(step.expectedByNow)}${step.onTrack === false ? ' (behind)' : ''}`),
  ]),
})}`;
}

/** A rate's bar with its target and the peers' value as ticks; other kinds are numbers only. */
function resultCell(result: MeasureResult, peers: MeasureResult | undefined): string {
  const text = esc(formatResult(result));
  const peerMark = (value: number | null): Mark[] => (value === null ? [] : [{ at: value, kind: 'peers' }]);
  switch (result.kind) {
    case 'ratio':
    case 'responseTime':
      return bar(result.value, [{ at: result.target, kind: 'target' }, ...peerMark(peers?.value ?? null)], text);
    case 'sequence':
      return bar(result.value, [{ at: result.maxSkipShare, kind: 'target' }, ...peerMark(peers?.value ?? null)], text);
    case 'integrity':
      return bar(
        result.value,
        [{ at: result.maxSuspiciousShare, kind: 'target' }, ...peerMark(peers?.value ?? null)],
        text,
      );
    default:
      return text;
  }
}

function measuresTable(card: Scorecard, input: ReportInput): string {
  const peers = roleScorecard(card.role, input);
  const label = (id: string): string => input.model.measures.find((m) => m.id === id)?.label ?? id;
  return table({
    caption: `${card.name}: measures against the ${card.role === 'setter' ? 'setters' : 'team'} and the target`,
    head: ['Measure', esc(card.name), card.role === 'setter' ? 'Setters' : 'Team', 'Target'],
    classes: [undefined, undefined, undefined, 'n'],
    rows: card.results.map((result, i) => {
      const peer = peers.results[i];
      return [
        esc(label(result.measure)),
        resultCell(result, peer),
        esc(peer ? formatResult(peer) : '–'),
        esc(formatTarget(result)),
      ];
    }),
  });
}

export function personSection(card: Scorecard, input: ReportInput): string {
  const { model, coaching } = input;
  const rep = input.reps.find((r) => r.id === card.repId);
  const plan = coaching.plans.find((p) => p.repId === card.repId);
  const diagnosis = coaching.diagnoses.find((d) => d.repId === card.repId);
  const manager = rep?.managerId ? (input.names.get(rep.managerId) ?? rep.managerId) : null;
  const who = [card.role === 'setter' ? 'Setter' : 'Salesperson', manager ? `manager ${manager}` : null]
    .filter((part) => part !== null)
    .join(', ');
  const window = `${coaching.window.startDate} – ${coaching.window.endDate}`;
  const peers = roleScorecard(card.role, input).results;
  const funnel = plan
    ? `<h4>Funnel</h4>\n${funnelTable(repFunnel(plan, card.results, peers), model, `${card.name}: funnel, ${window}`)}\n${planSection(plan, input)}`
    : '<p>Setters have no goal plan: their measures are below.</p>';
  const flags = repFlags(diagnosis, card.repId ?? '', input.openFlags);
  return `<article class="card" id="${personAnchor(card.repId)}" aria-labelledby="${personAnchor(card.repId)}-name">
<h3 id="${personAnchor(card.repId)}-name">${esc(card.name)}</h3>
<p class="meta">${esc(who)}</p>
${funnel}
<h4>Measures</h4>
${measuresTable(card, input)}
<p class="legend">Bars: the rate. <span class="sw target"></span>target <span class="sw peers"></span>${
    card.role === 'setter' ? 'setters' : 'team'
  }</p>
<h4>Open flags (${esc(flags.length)})</h4>
${repFlagList(flags, model)}
</article>`;
}
