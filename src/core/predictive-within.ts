/**
 * The within estimator of one measure's effect on the outcome: both are stripped of each
 * person's own level and of each week's store-wide level (two-way fixed effects), and the slope
 * is Σ x̃·ỹ / Σ x̃². Removing the person's level is what keeps "a rep who sells more also calls
 * more" from counting; removing the week's level keeps a busy season, which raises every rep's
 * activity and sales together, from counting.
 *
 * The pooled within slope is the precision-weighted average of the per-person slopes (each
 * person weighted by their own Σ x̃²): the people share one slope and the data of all of them
 * estimates it, which is the pooling a store of 6–25 people can afford. Per-person slopes from a
 * dozen weeks are mostly noise, and the cluster bootstrap around this estimator
 * (predictive-effects.ts) already widens the interval when people respond differently.
 *
 * One regressor per measure needs only sums, so no linear-algebra library is involved (src/core
 * imports none); the unbalanced two-way demeaning is done by alternating projections, which
 * converge to the exact two-way residuals.
 */

/** Rows of one measure (those where it is defined) in a compact form, weeks renumbered 0…. */
export interface WithinRows {
  readonly person: Int32Array;
  readonly week: Int32Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly people: number;
  readonly weeks: number;
}

const MAX_SWEEPS = 50;
const TOLERANCE = 1e-10;

/**
 * The within slope with each person's rows counted `weight[person]` times (a bootstrap draw
 * names a person as often as it drew them); null when no within variation is left.
 */
export function withinSlope(rows: WithinRows, weight: Float64Array): number | null {
  const x = Float64Array.from(rows.x);
  const y = Float64Array.from(rows.y);
  demeanTwoWay(rows, weight, x, y);
  let xy = 0;
  let xx = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weight[rows.person[i] as number] as number;
    xy += w * (x[i] as number) * (y[i] as number);
    xx += w * (x[i] as number) * (x[i] as number);
  }
  let scale = 0;
  for (let i = 0; i < rows.x.length; i++)
    scale += (weight[rows.person[i] as number] as number) * (rows.x[i] as number) ** 2;
  // Within variation that is rounding dust of the raw values is no variation at all.
  return xx > 1e-9 * scale && xx > 0 ? xy / xx : null;
}

function demeanTwoWay(rows: WithinRows, weight: Float64Array, x: Float64Array, y: Float64Array): void {
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    const moved = subtractGroupMeans(rows.person, rows.people, rows, weight, x, y);
    const movedWeek = subtractGroupMeans(rows.week, rows.weeks, rows, weight, x, y);
    if (Math.max(moved, movedWeek) < TOLERANCE) return;
  }
}

/** Subtracts each group's weighted mean from x and y; returns the largest mean removed. */
function subtractGroupMeans(
  group: Int32Array,
  groups: number,
  rows: WithinRows,
  weight: Float64Array,
  x: Float64Array,
  y: Float64Array,
): number {
  const total = new Float64Array(groups);
  const sx = new Float64Array(groups);
  const sy = new Float64Array(groups);
  for (let i = 0; i < x.length; i++) {
    const g = group[i] as number;
    const w = weight[rows.person[i] as number] as number;
    total[g] = (total[g] as number) + w;
    sx[g] = (sx[g] as number) + w * (x[i] as number);
    sy[g] = (sy[g] as number) + w * (y[i] as number);
  }
  let largest = 0;
  for (let g = 0; g < groups; g++) {
    const t = total[g] as number;
    if (t <= 0) continue;
    sx[g] = (sx[g] as number) / t;
    sy[g] = (sy[g] as number) / t;
    largest = Math.max(largest, Math.abs(sx[g] as number), Math.abs(sy[g] as number));
  }
  for (let i = 0; i < x.length; i++) {
    const g = group[i] as number;
    x[i] = (x[i] as number) - (sx[g] as number);
    y[i] = (y[i] as number) - (sy[g] as number);
  }
  return largest;
}
