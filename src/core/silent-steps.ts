/**
 * A step that matches nothing (ARCHITECTURE.md §6). When no rep has a single event of a step in the window while the
 * step before it has many, the config most likely names a value the org does not use (a Task Type the org spells
 * differently), not a store that stopped working overnight. Every measure reading that step would then flag every
 * rep ("lead response 0% within 30 minutes, team 0%"), so those measures are not judged, and the run names the step,
 * the step before it and how many events that one had.
 */
import type { CoachModel, MeasureModel, Rep } from './model';
import type { StepCounts } from './step-counts';

/** Events of the step before that make "none at all" of the next one implausible for a working store. */
export const MIN_UPSTREAM_EVENTS = 30;

export interface SilentStep {
  step: string;
  /** The step before it that has events: what the customers should have reached it from. */
  upstream: string;
  upstreamEvents: number;
  /** The measures that read the step, left unjudged this run. */
  measures: string[];
}

/** Pairs (step before, step) the config implies: each rate's and response time's, each requirement, the funnel. */
function stepPairs(model: CoachModel): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const measure of model.measures) {
    if (measure.kind === 'ratio' || measure.kind === 'responseTime') pairs.push([measure.from, measure.to]);
    if (measure.kind === 'sequence') for (const required of measure.requires) pairs.push([measure.step, required]);
  }
  const funnel = model.goals.funnel;
  funnel.slice(1).forEach((step, i) => pairs.push([funnel[i] as string, step]));
  return pairs;
}

/** The steps a measure's result is made of: a silent one among them makes the result meaningless. */
export function stepsRead(measure: MeasureModel): readonly string[] {
  switch (measure.kind) {
    case 'ratio':
    case 'responseTime':
      return [measure.from, measure.to];
    case 'volume':
      return [measure.step];
    case 'sequence':
      return [measure.step, ...measure.requires];
    case 'integrity':
      return measure.steps;
    case 'overdue':
    case 'staleLead':
      return [];
  }
}

export function silentSteps(model: CoachModel, reps: readonly Rep[], counts: StepCounts): SilentStep[] {
  const total = (step: string): number => reps.reduce((sum, _rep, index) => sum + counts.ofRep(index, step), 0);
  const silent = new Map<string, SilentStep>();
  for (const [upstream, step] of stepPairs(model)) {
    if (silent.has(step) || total(step) > 0) continue;
    const upstreamEvents = total(upstream);
    if (upstreamEvents < MIN_UPSTREAM_EVENTS) continue;
    const measures = model.measures.filter((m) => stepsRead(m).includes(step)).map((m) => m.id);
    silent.set(step, { step, upstream, upstreamEvents, measures });
  }
  return [...silent.values()];
}
