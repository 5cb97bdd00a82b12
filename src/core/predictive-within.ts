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
 * The rows of the people a draw named, each with its person's weight: a person left out of a
 * bootstrap draw (about a third of them) adds exact zeros to every sum, so dropping their rows
 * before the sweeps changes no bit of the result and saves a third of the work (a year of a
 * large store is ~400 draws × every measure, twice with the out-of-sample check).
 */
interface DrawnRows {
  readonly person: Int32Array;
  readonly week: Int32Array;
  readonly w: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Σ w·x² of the raw values, the yardstick of "no within variation". */
  readonly scale: number;
}

function drawnRows(rows: WithinRows, weight: Float64Array): DrawnRows {
  let n = 0;
  for (let i = 0; i < rows.x.length; i++) if ((weight[rows.person[i] as number] as number) !== 0) n++;
  const person = new Int32Array(n);
  const week = new Int32Array(n);
  const w = new Float64Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let scale = 0;
  let k = 0;
  for (let i = 0; i < rows.x.length; i++) {
    const p = rows.person[i] as number;
    const wp = weight[p] as number;
    if (wp === 0) continue;
    person[k] = p;
    week[k] = rows.week[i] as number;
    w[k] = wp;
    x[k] = rows.x[i] as number;
    y[k] = rows.y[i] as number;
    scale += wp * (rows.x[i] as number) ** 2;
    k++;
  }
  return { person, week, w, x, y, scale };
}

/**
 * The within slope with each person's rows counted `weight[person]` times (a bootstrap draw
 * names a person as often as it drew them); null when no within variation is left.
 */
export function withinSlope(rows: WithinRows, weight: Float64Array): number | null {
  const drawn = drawnRows(rows, weight);
  const { w, x, y } = drawn;
  demeanTwoWay(drawn, rows.people, rows.weeks);
  let xy = 0;
  let xx = 0;
  for (let i = 0; i < x.length; i++) {
    xy += (w[i] as number) * (x[i] as number) * (y[i] as number);
    xx += (w[i] as number) * (x[i] as number) * (x[i] as number);
  }
  // Within variation that is rounding dust of the raw values is no variation at all.
  return xx > 1e-9 * drawn.scale && xx > 0 ? xy / xx : null;
}

/**
 * Each person's Σ x̃·ỹ, Σ x̃² and Σ x² (raw), the rows demeaned once with every person in: a
 * bootstrap draw that weights people then needs only G sums, not its own sweeps.
 */
export interface PersonSums {
  readonly xy: Float64Array;
  readonly xx: Float64Array;
  readonly raw: Float64Array;
  /** Σ (x − the person's own mean)²: zero for a person whose x never moves, who gives a draw no variation. */
  readonly own: Float64Array;
}

export function personSums(rows: WithinRows): PersonSums {
  const drawn = drawnRows(rows, new Float64Array(rows.people).fill(1));
  const raw = new Float64Array(rows.people);
  const sum = new Float64Array(rows.people);
  const count = new Float64Array(rows.people);
  for (let i = 0; i < drawn.x.length; i++) {
    const p = drawn.person[i] as number;
    raw[p] = (raw[p] as number) + (drawn.x[i] as number) ** 2;
    sum[p] = (sum[p] as number) + (drawn.x[i] as number);
    count[p] = (count[p] as number) + 1;
  }
  const own = Float64Array.from(raw, (r, p) => r - (sum[p] as number) ** 2 / ((count[p] as number) || 1));
  demeanTwoWay(drawn, rows.people, rows.weeks);
  const xy = new Float64Array(rows.people);
  const xx = new Float64Array(rows.people);
  for (let i = 0; i < drawn.x.length; i++) {
    const p = drawn.person[i] as number;
    xy[p] = (xy[p] as number) + (drawn.x[i] as number) * (drawn.y[i] as number);
    xx[p] = (xx[p] as number) + (drawn.x[i] as number) ** 2;
  }
  return { xy, xx, raw, own };
}

/** A draw's slope over the once-demeaned rows, each person counted `weight[person]` times; null without variation. */
export function drawnSlope(sums: PersonSums, weight: Float64Array): number | null {
  let xy = 0;
  let xx = 0;
  let own = 0;
  let scale = 0;
  for (let p = 0; p < weight.length; p++) {
    const w = weight[p] as number;
    if (w === 0) continue;
    xy += w * (sums.xy[p] as number);
    xx += w * (sums.xx[p] as number);
    own += w * (sums.own[p] as number);
    scale += w * (sums.raw[p] as number);
  }
  // The once-demeaned rows of a person whose x never moves carry the week levels, not variation of their own: a draw
  // of only such people has none, as the exact draw's own sweeps would find.
  return own > 1e-9 * scale && xx > 0 ? xy / xx : null;
}

function demeanTwoWay(drawn: DrawnRows, people: number, weeks: number): void {
  // One set of sums for both groupings and every sweep: the sweeps allocate nothing.
  const size = Math.max(people, weeks);
  const [total, sx, sy] = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    const moved = subtractGroupMeans(drawn.person, people, drawn, total, sx, sy);
    const movedWeek = subtractGroupMeans(drawn.week, weeks, drawn, total, sx, sy);
    if (Math.max(moved, movedWeek) < TOLERANCE) return;
  }
}

/** Subtracts each group's weighted mean from x and y; returns the largest mean removed. */
function subtractGroupMeans(
  group: Int32Array,
  groups: number,
  drawn: DrawnRows,
  total: Float64Array,
  sx: Float64Array,
  sy: Float64Array,
): number {
  const { w, x, y } = drawn;
  total.fill(0, 0, groups);
  sx.fill(0, 0, groups);
  sy.fill(0, 0, groups);
  for (let i = 0; i < x.length; i++) {
    const g = group[i] as number;
    const wi = w[i] as number;
    total[g] = (total[g] as number) + wi;
    sx[g] = (sx[g] as number) + wi * (x[i] as number);
    sy[g] = (sy[g] as number) + wi * (y[i] as number);
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
