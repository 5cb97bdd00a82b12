/**
 * Integrity: logged activity that is unlikely to be real. Decided semantics:
 * - a burst is `burst.count` or more records of the measure's steps logged by one user within
 *   `burst.withinMinutes` (inclusive); every event of those records is suspicious. Records, not
 *   events, are counted: one completed call that is both an attempt and a contact is one call;
 * - an event of `minDuration.steps` with a known duration under `minSeconds` is suspicious
 *   (an unknown duration is not evidence);
 * - suspicious events are marked once over all the data (they are a property of the event,
 *   not of a period) and every other measure skips them: credited volume, ratios, plans;
 * - the result is the suspicious share of the rep's checked events in the period.
 */
import type { EventTable } from './event-table';
import type { IntegrityMeasure } from './model';
import type { IntegrityResult, MeasureResults } from './measure-results';
import type { Period } from './window';
import { add, setBits } from './typed';

export const SUSPICIOUS_BURST = 1;
export const SUSPICIOUS_SHORT = 2;

const MINUTE_MS = 60_000;

export function markSuspicious(table: EventTable, measures: readonly IntegrityMeasure[]): void {
  for (const measure of measures) {
    const checked = stepMask(table, measure.steps);
    for (let user = 0; user < table.userCount; user++) {
      markBursts(table, checked, measure, table.userStart[user] as number, table.userStart[user + 1] as number);
    }
    if (measure.minDuration)
      markShort(table, stepMask(table, measure.minDuration.steps), measure.minDuration.minSeconds);
  }
}

function stepMask(table: EventTable, steps: readonly string[]): Uint8Array {
  const mask = new Uint8Array(table.stepIds.length);
  for (const step of steps) {
    const index = table.stepIndexOf(step);
    if (index >= 0) mask[index] = 1;
  }
  return mask;
}

/** Sliding window over one user's time-ordered records of the checked steps. */
function markBursts(
  table: EventTable,
  checked: Uint8Array,
  measure: IntegrityMeasure,
  start: number,
  end: number,
): void {
  const { step, at } = table;
  const unitAt = new Float64Array(end - start);
  const unitFirstRow = new Int32Array(end - start);
  const unitOfRow = new Int32Array(end - start).fill(-1);
  let units = 0;
  let runStart = 0;
  for (let row = start; row < end; row++) {
    if (checked[step[row] as number] === 0) continue;
    const time = at[row] as number;
    let unit = -1;
    if (units > 0 && unitAt[units - 1] === time) {
      // Same instant as the previous record: it may be another event of that same record.
      const recordId = table.recordIdOf(row);
      for (let u = runStart; u < units && unit < 0; u++)
        if (table.recordIdOf(unitFirstRow[u] as number) === recordId) unit = u;
    } else {
      runStart = units;
    }
    if (unit < 0) {
      unit = units++;
      unitAt[unit] = time;
      unitFirstRow[unit] = row;
    }
    unitOfRow[row - start] = unit;
  }

  const withinMs = measure.burst.withinMinutes * MINUTE_MS;
  const inBurst = new Uint8Array(units);
  let found = false;
  for (let i = 0, j = 0, markedTo = 0; i < units; i++) {
    while ((unitAt[i] as number) - (unitAt[j] as number) > withinMs) j++;
    if (i - j + 1 < measure.burst.count) continue;
    for (let u = Math.max(j, markedTo); u <= i; u++) inBurst[u] = 1;
    markedTo = i + 1;
    found = true;
  }
  if (!found) return;
  for (let row = start; row < end; row++) {
    const unit = unitOfRow[row - start] as number;
    if (unit >= 0 && inBurst[unit] === 1) setBits(table.suspicious, row, SUSPICIOUS_BURST);
  }
}

function markShort(table: EventTable, mask: Uint8Array, minSeconds: number): void {
  for (let row = 0; row < table.size; row++) {
    const duration = table.duration[row] as number;
    if (mask[table.step[row] as number] === 1 && duration < minSeconds)
      setBits(table.suspicious, row, SUSPICIOUS_SHORT);
  }
}

/** The integrity result of every rep and of the salespeople together over a period. */
export function measureIntegrity(
  table: EventTable,
  measure: IntegrityMeasure,
  period: Period,
): MeasureResults<IntegrityResult> {
  const checked = stepMask(table, measure.steps);
  const stepCount = table.stepIds.length;
  const team = table.repCount;
  const totals = new Int32Array((team + 1) * 4);
  const byStep = new Int32Array((team + 1) * stepCount);
  for (let rep = 0; rep < table.repCount; rep++) {
    for (let row = table.userStart[rep] as number, end = table.userStart[rep + 1] as number; row < end; row++) {
      const step = table.step[row] as number;
      const at = table.at[row] as number;
      if (checked[step] === 0 || at < period.startMs || at >= period.endMs) continue;
      add(totals, rep * 4);
      const flags = table.suspicious[row] as number;
      if (flags === 0) continue;
      add(totals, rep * 4 + 1);
      if (flags & SUSPICIOUS_BURST) add(totals, rep * 4 + 2);
      if (flags & SUSPICIOUS_SHORT) add(totals, rep * 4 + 3);
      add(byStep, rep * stepCount + step);
    }
    // The team is the salespeople together: their counts simply add up.
    if (table.isSalesperson[rep] === 1) {
      for (let k = 0; k < 4; k++) add(totals, team * 4 + k, totals[rep * 4 + k]);
      for (let s = 0; s < stepCount; s++) add(byStep, team * stepCount + s, byStep[rep * stepCount + s]);
    }
  }
  const result = (r: number): IntegrityResult => {
    const checkedEvents = totals[r * 4] as number;
    const suspicious = totals[r * 4 + 1] as number;
    const suspiciousBySteps: Record<string, number> = {};
    table.stepIds.forEach((id, step) => {
      const count = byStep[r * stepCount + step] as number;
      if (count > 0) suspiciousBySteps[id] = count;
    });
    return {
      kind: 'integrity',
      measure: measure.id,
      value: checkedEvents > 0 ? suspicious / checkedEvents : null,
      checked: checkedEvents,
      suspicious,
      inBursts: totals[r * 4 + 2] as number,
      tooShort: totals[r * 4 + 3] as number,
      suspiciousBySteps,
      maxSuspiciousShare: measure.maxSuspiciousShare,
    };
  };
  return { reps: Array.from({ length: table.repCount }, (_, rep) => result(rep)), team: result(team) };
}
