/**
 * Conversion from a step to the goal step (e.g. `sold`), used to price a weakness in units:
 * the team's (goal events ÷ step events over the salespeople, capped at 1) and the rep's own,
 * shrunk toward the team's by `priorStrength` so that a rep with a handful of events is priced
 * mostly like the team. Setters are never credited with the goal step, so their own
 * conversion would be zero: they are priced at the team's.
 */
import type { Rep } from './model';
import { shrinkRate } from './stats';
import type { StepCounts } from './step-counts';

export class Conversions {
  constructor(
    private readonly counts: StepCounts,
    private readonly goalStep: string,
    private readonly priorStrength: number,
  ) {}

  /** Team conversion from `step` to the goal step; 0 when the team has no events of `step`. */
  teamToGoal(step: string): number {
    const from = this.counts.ofTeam(step);
    return from > 0 ? Math.min(1, this.counts.ofTeam(this.goalStep) / from) : 0;
  }

  /** The rep's conversion from `step` to the goal step, shrunk toward the team's. */
  repToGoal(rep: Rep, repIndex: number, step: string): number {
    const team = this.teamToGoal(step);
    if (rep.role !== 'salesperson') return team;
    const from = this.counts.ofRep(repIndex, step);
    const goal = Math.min(from, this.counts.ofRep(repIndex, this.goalStep));
    return Math.min(1, shrinkRate(goal, from, team, this.priorStrength));
  }
}
