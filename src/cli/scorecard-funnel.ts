/**
 * The funnel on the scorecard page: each step of the goal funnel (`goals.funnel`) with its count in the window (the
 * goal plan's `sample`), and the rate measure from the step before into it (contact rate, set rate, …) as a bar with
 * ticks for its target and the peers. The rates are the measured ones, as the flags judge them (customers on a
 * matured cohort, not events over events), so that a bar below its target tick is what a flag is about. A store's
 * counts are its salespeople's added up and its rates pooled from theirs (`pooledResult`, as a team is pooled).
 */
import { type CoachModel, type GoalPlan, type MeasureResult, pooledResult, type RatioResult } from '../core';
import { bar, esc, type Mark, table } from './html';
import { number, pct } from './wording';

export interface FunnelRow {
  step: string;
  count: number;
  /** The rate measure from the step before into this one; null for the first step or when the config has none. */
  rate: RatioResult | null;
  /** The peers' value of that measure (the team). */
  peers: number | null;
}

/** Index of the rate measure from `from` to `to` among the results (config order), or -1. */
function rateIndex(results: readonly MeasureResult[], from: string | undefined, to: string): number {
  return results.findIndex((r) => r.kind === 'ratio' && r.from === from && r.to === to);
}

const asRatio = (result: MeasureResult | null | undefined): RatioResult | null =>
  result?.kind === 'ratio' ? result : null;

/** A salesperson's funnel: the plan's counts, their own rates and their peers' (the team's) by the same measure. */
export function repFunnel(
  plan: GoalPlan,
  results: readonly MeasureResult[],
  peerResults: readonly MeasureResult[],
): FunnelRow[] {
  return plan.steps.map((step, i) => {
    const index = rateIndex(results, plan.steps[i - 1]?.step, step.step);
    return {
      step: step.step,
      count: step.sample,
      rate: asRatio(results[index]),
      peers: peerResults[index]?.value ?? null,
    };
  });
}

/** A store's funnel: its salespeople's counts added up and their rates pooled; the team's rates as the peers. */
export function storeFunnel(
  plans: readonly GoalPlan[],
  results: ReadonlyArray<readonly MeasureResult[]>,
  teamResults: readonly MeasureResult[],
  confidence: number,
): FunnelRow[] {
  const first = plans[0];
  if (!first) return [];
  return first.steps.map((step, i) => {
    const index = rateIndex(teamResults, first.steps[i - 1]?.step, step.step);
    const pooled =
      index < 0
        ? null
        : pooledResult(
            results.flatMap((own) => own[index] ?? []),
            confidence,
          );
    return {
      step: step.step,
      count: plans.reduce((sum, plan) => sum + (plan.steps[i]?.sample ?? 0), 0),
      rate: asRatio(pooled),
      peers: teamResults[index]?.value ?? null,
    };
  });
}

function marks(row: FunnelRow): Mark[] {
  const all: Mark[] = row.rate ? [{ at: row.rate.target, kind: 'target' }] : [];
  if (row.peers !== null) all.push({ at: row.peers, kind: 'peers' });
  return all;
}

/** The funnel as a table, under its caption, with the legend of the ticks. */
export function funnelTable(rows: readonly FunnelRow[], model: CoachModel, caption: string): string {
  const label = (id: string): string => model.steps.find((s) => s.id === id)?.label ?? id;
  const measure = (id: string): string => model.measures.find((m) => m.id === id)?.label ?? id;
  return `${table({
    caption,
    head: ['Step', 'Count', 'Rate from the step before', 'Team', 'Target'],
    classes: [undefined, 'n', undefined, 'n', 'n'],
    rows: rows.map(({ step, count, rate, peers }) => [
      esc(label(step)),
      esc(number(count)),
      rate === null
        ? '–'
        : `${bar(rate.value, marks({ step, count, rate, peers }), esc(`${pct(rate.value)} of ${rate.trials}`))} <span class="legend">${esc(measure(rate.measure).toLowerCase())}</span>`,
      esc(rate === null ? '–' : pct(peers)),
      esc(rate === null ? '–' : pct(rate.target)),
    ]),
  })}
${LEGEND}`;
}

/** What the bars' ticks mean, once under each funnel. */
export const LEGEND =
  '<p class="legend">Bars: the rate as measured (of the customers who had the time to take the step). ' +
  '<span class="sw target"></span>target ' +
  '<span class="sw peers"></span>team</p>';
