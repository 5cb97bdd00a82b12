/**
 * Sequence (process adherence). Decided semantics: the subjects reaching `step` credited to
 * the rep in the period (each once, at the rep's first such event); a subject is skipped when
 * any required step has no event on the same subject at or before that moment, looking at all
 * the data, not only the period (the demo may have been months ago). The value is the skipped
 * share, with a Wilson interval. The team is the salespeople together, each subject once.
 */
import type { EventTable } from './event-table';
import type { SequenceMeasure } from './model';
import type { MeasureResults, SequenceResult } from './measure-results';
import { wilsonInterval } from './stats';
import type { Period } from './window';
import { add } from './typed';

export function measureSequence(
  table: EventTable,
  measure: SequenceMeasure,
  period: Period,
  confidence: number,
): MeasureResults<SequenceResult> {
  const step = table.stepIndexOf(measure.step);
  const required = measure.requires.map((id) => table.firstAt(table.stepIndexOf(id)));
  const seenBy = new Int32Array(table.subjectCount);
  const teamFirst = new Float64Array(table.subjectCount).fill(Number.POSITIVE_INFINITY);

  const tally = (): { reached: number; skipped: number; missing: Int32Array } => ({
    reached: 0,
    skipped: 0,
    missing: new Int32Array(required.length),
  });
  const check = (t: ReturnType<typeof tally>, subject: number, at: number): void => {
    t.reached++;
    let skipped = false;
    for (let q = 0; q < required.length; q++) {
      if (((required[q] as Float64Array)[subject] as number) <= at) continue;
      add(t.missing, q);
      skipped = true;
    }
    if (skipped) t.skipped++;
  };

  const reps = [];
  for (let rep = 0; rep < table.repCount; rep++) {
    const t = tally();
    const salesperson = table.isSalesperson[rep] === 1;
    for (let row = table.userStart[rep] as number, end = table.userStart[rep + 1] as number; row < end; row++) {
      const subject = table.subject[row] as number;
      const at = table.at[row] as number;
      if (table.step[row] !== step || subject < 0 || at < period.startMs || at >= period.endMs) continue;
      if (table.suspicious[row] !== 0 || seenBy[subject] === rep + 1) continue;
      seenBy[subject] = rep + 1;
      check(t, subject, at);
      if (salesperson && at < (teamFirst[subject] as number)) teamFirst[subject] = at;
    }
    reps.push(t);
  }
  const team = tally();
  for (let subject = 0; subject < table.subjectCount; subject++) {
    const first = teamFirst[subject] as number;
    if (first !== Number.POSITIVE_INFINITY) check(team, subject, first);
  }

  const result = (t: ReturnType<typeof tally>): SequenceResult => {
    const skippedBySteps: Record<string, number> = {};
    measure.requires.forEach((id, q) => {
      if ((t.missing[q] as number) > 0) skippedBySteps[id] = t.missing[q] as number;
    });
    return {
      kind: 'sequence',
      measure: measure.id,
      step: measure.step,
      reached: t.reached,
      skipped: t.skipped,
      value: t.reached > 0 ? t.skipped / t.reached : null,
      interval: wilsonInterval(t.skipped, t.reached, confidence),
      skippedBySteps,
      maxSkipShare: measure.maxSkipShare,
    };
  };
  return { reps: reps.map(result), team: result(team) };
}
