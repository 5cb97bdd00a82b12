/**
 * Events of each step credited to each rep in a period (suspicious ones excluded), and the
 * salespeople's totals. Volumes, count-based ratios, conversions to the goal step and the goal
 * plan all read these counts.
 */
import type { EventTable } from './event-table';
import type { Period } from './window';
import { add } from './typed';

export class StepCounts {
  private readonly counts: Int32Array;
  private readonly stepCount: number;
  private readonly teamRow: number;
  private readonly stepIndex: ReadonlyMap<string, number>;
  private readonly repIndex: ReadonlyMap<string, number>;

  constructor(table: EventTable, period: Pick<Period, 'startMs' | 'endMs'>) {
    this.stepCount = table.stepIds.length;
    this.teamRow = table.repCount;
    this.stepIndex = new Map(table.stepIds.map((id, index) => [id, index]));
    this.repIndex = new Map(table.reps.map((rep, index) => [rep.id, index]));
    const counts = new Int32Array((table.repCount + 1) * this.stepCount);
    const { startMs, endMs } = period;
    for (let rep = 0; rep < table.repCount; rep++) {
      const base = rep * this.stepCount;
      for (let row = table.userStart[rep] as number, end = table.userStart[rep + 1] as number; row < end; row++) {
        const at = table.at[row] as number;
        if (at >= startMs && at < endMs && table.suspicious[row] === 0) add(counts, base + (table.step[row] as number));
      }
      if (table.isSalesperson[rep] === 1) {
        for (let s = 0; s < this.stepCount; s++) add(counts, this.teamRow * this.stepCount + s, counts[base + s]);
      }
    }
    this.counts = counts;
  }

  /** Events of `step` credited to the rep at `repIndex`; 0 for an unknown step. */
  ofRep(repIndex: number, step: string): number {
    const s = this.stepIndex.get(step);
    return s === undefined ? 0 : (this.counts[repIndex * this.stepCount + s] as number);
  }

  ofRepId(repId: string, step: string): number {
    const rep = this.repIndex.get(repId);
    return rep === undefined ? 0 : this.ofRep(rep, step);
  }

  /** The salespeople's total of `step`. */
  ofTeam(step: string): number {
    return this.ofRep(this.teamRow, step);
  }
}
