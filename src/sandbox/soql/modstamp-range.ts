import type { StoredRecord } from '../schema/types';
import { formatDateTime, parseDateTime } from '../time/datetime';
import type { BoolExpr } from './where-tree';

/**
 * Incremental readers filter on `SystemModstamp >= X` over large tables; the store keeps rows
 * ordered by (SystemModstamp, Id), so such bounds become a binary-searched slice instead of a
 * full scan. The complete WHERE predicate still runs on the slice, so this only narrows.
 */

export interface ModstampBounds {
  lower?: string;
  upper?: string;
}

/** Bounds implied by top-level AND-ed `SystemModstamp <op> datetime` conditions. */
export function modstampBounds(tree: BoolExpr | undefined): ModstampBounds {
  const bounds: ModstampBounds = {};
  const leaves = !tree ? [] : tree.kind === 'leaf' ? [tree] : tree.kind === 'and' ? tree.operands : [];
  for (const leaf of leaves) {
    if (leaf.kind !== 'leaf') continue;
    const c = leaf.condition;
    if (!('field' in c) || typeof c.field !== 'string' || c.field.toLowerCase() !== 'systemmodstamp') continue;
    if (!('value' in c) || c.literalType !== 'DATETIME' || typeof c.value !== 'string') continue;
    const ms = parseDateTime(c.value);
    if (ms === null) continue;
    const value = formatDateTime(ms);
    if (c.operator === '>=' || c.operator === '>' || c.operator === '=') {
      if (bounds.lower === undefined || value > bounds.lower) bounds.lower = value;
    }
    if (c.operator === '<=' || c.operator === '<' || c.operator === '=') {
      if (bounds.upper === undefined || value < bounds.upper) bounds.upper = value;
    }
  }
  return bounds;
}

/** The rows of a modstamp-ordered array within [lower, upper] (inclusive; the predicate refines). */
export function sliceByModstamp(ordered: readonly StoredRecord[], bounds: ModstampBounds): readonly StoredRecord[] {
  if (bounds.lower === undefined && bounds.upper === undefined) return ordered;
  const from = bounds.lower === undefined ? 0 : firstIndex(ordered, (m) => m >= (bounds.lower as string));
  const to = bounds.upper === undefined ? ordered.length : firstIndex(ordered, (m) => m > (bounds.upper as string));
  return ordered.slice(from, Math.max(from, to));
}

function firstIndex(ordered: readonly StoredRecord[], atOrAfter: (modstamp: string) => boolean): number {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (atOrAfter(ordered[mid]?.SystemModstamp as string)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
