/**
 * The time ranges a read covers. A REST read is one range; a Bulk backfill is split into
 * windows, one query job each, so that a run stopped part-way keeps the windows it finished
 * (each ends with a checkpoint) and no single job runs for too long.
 */
import type { Condition } from './soql-builder';
import { and, dateTime, gte, lt, lte } from './soql-builder';

/** A time range in whole seconds (SOQL datetime literals have no milliseconds). */
export interface Window {
  from: number;
  to: number;
  /** Whether `to` itself is in the range; otherwise the range ends just before it. */
  inclusiveEnd: boolean;
}

const ONE_SECOND = 1000;

/** The start of the UTC second holding `epochMs`: where a window may begin or end. */
export function floorToSecond(epochMs: number): number {
  return Math.floor(epochMs / ONE_SECOND) * ONE_SECOND;
}

/** `SystemModstamp >= from AND SystemModstamp < to` (or `<= to`). */
export function windowCondition(window: Window): Condition {
  const upper = window.inclusiveEnd
    ? lte('SystemModstamp', dateTime(window.to))
    : lt('SystemModstamp', dateTime(window.to));
  return and(gte('SystemModstamp', dateTime(window.from)), upper);
}

/**
 * Splits `window` (which holds `count` records) in halves, one COUNT() per split, until each part
 * holds at most `maxRecords` or is a single second. The parts are adjacent and in time order:
 * every part but the last ends, exclusive, where the next begins.
 */
export async function planWindows(
  window: Window,
  count: number,
  maxRecords: number,
  countIn: (window: Window) => Promise<number>,
): Promise<Window[]> {
  if (count <= maxRecords || window.to - window.from <= ONE_SECOND) return [window];
  const middle = floorToSecond(window.from + (window.to - window.from) / 2);
  const left: Window = { from: window.from, to: middle, inclusiveEnd: false };
  const right: Window = { from: middle, to: window.to, inclusiveEnd: window.inclusiveEnd };
  const leftCount = await countIn(left);
  return [
    ...(await planWindows(left, leftCount, maxRecords, countIn)),
    ...(await planWindows(right, count - leftCount, maxRecords, countIn)),
  ];
}
