/**
 * Step events laid out for fast measuring: from their columns (event-columns.ts: steps, users
 * and subjects interned to integers), stored column-wise in typed arrays, grouped by user and
 * sorted by time within each user (one sort, done here, once). Measures then make sequential
 * passes over plain numbers instead of chasing strings and objects, which is what lets a
 * million events be measured in well under a second.
 *
 * Users: the reps come first (index = position in `reps`), then every other user an event is
 * credited to (managers, people who left), so "by anyone" passes see all events while
 * per-rep arrays need only `repCount` rows.
 */
import { CoreError } from './core-error';
import type { EventColumns } from './event-columns';
import { isActivityStep } from './lead-touches';
import type { Rep } from './model';
import { add } from './typed';

/** Largest integer a double holds exactly; packed sort keys must stay below it. */
const MAX_EXACT = 2 ** 53;
/** Step indices are stored in one byte. */
const MAX_STEPS = 256;
/** Marks a column's step that is not in the model, and its events as ignored. */
const UNKNOWN_STEP = -1;

export class EventTable {
  readonly size: number;
  readonly stepIds: readonly string[];
  readonly reps: readonly Rep[];
  readonly repCount: number;
  /** 1 where the rep (by index) is a salesperson. */
  readonly isSalesperson: Uint8Array;
  readonly subjectIndex: ReadonlyMap<string, number>;
  readonly subjectCount: number;
  /** Column of step indices (model order), in (user, time) order. */
  readonly step: Uint8Array;
  /** Column of user indices; reps are 0 … repCount − 1. */
  readonly user: Int32Array;
  /** Column of subject indices; -1 when the event has no subject. */
  readonly subject: Int32Array;
  readonly at: Float64Array;
  /** Duration in seconds (single precision is plenty); NaN when unknown. */
  readonly duration: Float32Array;
  /** Position of each row in the input columns (to tell its record). */
  readonly source: Int32Array;
  /** Rows of user u are [userStart[u], userStart[u + 1]). */
  readonly userStart: Int32Array;
  /** Non-zero marks a suspicious event (bit flags from integrity.ts); set once by markSuspicious. */
  readonly suspicious: Uint8Array;
  /**
   * Events whose step is not in the model (a config change since they were stored); activity-type
   * steps (lead-touches.ts), which only the predictive analysis reads, are left out but not counted.
   */
  readonly ignored: number;
  private readonly recordOf: EventColumns['recordOf'];
  private readonly firstAtCache = new Map<number, Float64Array>();
  private readonly latestAtCache = new Map<string, Float64Array>();

  constructor(stepIds: readonly string[], reps: readonly Rep[], events: EventColumns) {
    if (stepIds.length > MAX_STEPS)
      throw new CoreError('TOO_MANY_STEPS', `A model may have at most ${MAX_STEPS} steps.`);
    this.stepIds = stepIds;
    this.reps = reps;
    this.repCount = reps.length;
    this.recordOf = events.recordOf;
    this.isSalesperson = Uint8Array.from(reps, (rep) => (rep.role === 'salesperson' ? 1 : 0));
    // Subjects that only ignored events name have no rows: every measure treats them as unseen.
    this.subjectIndex = events.subjectIndex;
    this.subjectCount = events.subjectIndex.size;

    const modelStep = new Map(stepIds.map((id, index) => [id, index]));
    const stepOf = Int32Array.from(events.stepIds, (id) => modelStep.get(id) ?? UNKNOWN_STEP);
    const counted = Uint8Array.from(events.stepIds, (id) => (isActivityStep(id) ? 0 : 1));
    const users = tableUsers(reps, events.userIds);
    const n = events.size;
    const rawUser = new Int32Array(n);
    let ignored = 0;
    for (let i = 0; i < n; i++) {
      if (stepOf[events.step[i] as number] === UNKNOWN_STEP) {
        rawUser[i] = -1;
        ignored += counted[events.step[i] as number] as number;
      } else {
        rawUser[i] = users.index[events.user[i] as number] as number;
      }
    }
    this.ignored = ignored;

    const order = sortByUserThenTime(rawUser, events.at, users.count);
    const rows = order.rows;
    const size = rows.length;
    this.size = size;
    this.source = rows;
    this.userStart = order.userStart;
    this.step = new Uint8Array(size);
    this.user = new Int32Array(size);
    this.subject = new Int32Array(size);
    this.at = new Float64Array(size);
    this.duration = new Float32Array(size);
    for (let row = 0; row < size; row++) {
      const from = rows[row] as number;
      this.step[row] = stepOf[events.step[from] as number] as number;
      this.user[row] = rawUser[from] as number;
      this.subject[row] = events.subject[from] as number;
      this.at[row] = events.at[from] as number;
      this.duration[row] = events.duration[from] as number;
    }
    this.suspicious = new Uint8Array(size);
  }

  get userCount(): number {
    return this.userStart.length - 1;
  }

  stepIndexOf(stepId: string): number {
    return this.stepIds.indexOf(stepId);
  }

  /** What tells the row's record apart: equal for two rows exactly when they come from one record. */
  recordIdOf(row: number): string | number {
    return this.recordOf(this.source[row] as number);
  }

  /**
   * Per subject, the time of its first non-suspicious event of `step` at any time in the data
   * (+Infinity when none). Cached: sequence measures ask for the same steps.
   */
  firstAt(step: number): Float64Array {
    let first = this.firstAtCache.get(step);
    if (!first) {
      first = new Float64Array(this.subjectCount).fill(Number.POSITIVE_INFINITY);
      for (let row = 0; row < this.size; row++) {
        const subject = this.subject[row] as number;
        if (this.step[row] !== step || subject < 0 || this.suspicious[row] !== 0) continue;
        const at = this.at[row] as number;
        if (at < (first[subject] as number)) first[subject] = at;
      }
      this.firstAtCache.set(step, first);
    }
    return first;
  }

  /**
   * Per subject, the time of its latest non-suspicious event of one of `steps` (-Infinity when
   * none), by anyone. Cached by the set of steps: each stale-lead measure asks twice per run.
   */
  latestAt(steps: readonly number[]): Float64Array {
    const key = [...steps].sort((a, b) => a - b).join(',');
    let last = this.latestAtCache.get(key);
    if (!last) {
      const wanted = new Uint8Array(this.stepIds.length);
      for (const step of steps) wanted[step] = 1;
      last = new Float64Array(this.subjectCount).fill(Number.NEGATIVE_INFINITY);
      for (let row = 0; row < this.size; row++) {
        const subject = this.subject[row] as number;
        if (subject < 0 || this.suspicious[row] !== 0 || wanted[this.step[row] as number] !== 1) continue;
        const at = this.at[row] as number;
        if (at > (last[subject] as number)) last[subject] = at;
      }
      this.latestAtCache.set(key, last);
    }
    return last;
  }
}

/**
 * Table user index per column user: the reps first (by their position in `reps`), then every
 * other user in column order; `count` is how many there are.
 */
function tableUsers(reps: readonly Rep[], userIds: readonly string[]): { index: Int32Array; count: number } {
  const repIndex = new Map(reps.map((rep, position) => [rep.id, position]));
  let count = reps.length;
  const index = Int32Array.from(userIds, (id) => repIndex.get(id) ?? count++);
  return { index, count };
}

/**
 * The input positions grouped by user (a counting sort; user -1 is left out) and ordered by
 * time within each user, ties by input position. Within a user the sort runs on packed
 * numeric keys (time offset × count + position) with the engine's native typed-array sort;
 * when a user's span or fractional times would not pack exactly, it falls back to a comparator.
 */
function sortByUserThenTime(
  user: Int32Array,
  at: Float64Array,
  userCount: number,
): { rows: Int32Array; userStart: Int32Array } {
  const n = user.length;
  const userStart = new Int32Array(userCount + 1);
  for (let i = 0; i < n; i++) {
    const u = user[i] as number;
    if (u >= 0) add(userStart, u + 1);
  }
  for (let u = 0; u < userCount; u++) add(userStart, u + 1, userStart[u]);
  const next = userStart.slice(0, userCount);
  const rows = new Int32Array(userStart[userCount] as number);
  for (let i = 0; i < n; i++) {
    const u = user[i] as number;
    if (u < 0) continue;
    rows[next[u] as number] = i;
    add(next, u);
  }

  let longest = 0;
  for (let u = 0; u < userCount; u++)
    longest = Math.max(longest, (userStart[u + 1] as number) - (userStart[u] as number));
  const scratch = { keys: new Float64Array(longest), rows: new Int32Array(longest) };
  for (let u = 0; u < userCount; u++)
    sortSegmentByTime(rows, userStart[u] as number, userStart[u + 1] as number, at, scratch);
  return { rows, userStart };
}

function sortSegmentByTime(
  rows: Int32Array,
  start: number,
  end: number,
  at: Float64Array,
  scratch: { keys: Float64Array; rows: Int32Array },
): void {
  const length = end - start;
  if (length < 2) return;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integral = true;
  for (let k = start; k < end; k++) {
    const t = at[rows[k] as number] as number;
    if (t < min) min = t;
    if (t > max) max = t;
    if (integral && !Number.isInteger(t)) integral = false;
  }
  const segment = scratch.rows.subarray(0, length);
  segment.set(rows.subarray(start, end));
  if (integral && (max - min + 1) * length < MAX_EXACT) {
    const keys = scratch.keys.subarray(0, length);
    for (let k = 0; k < length; k++) keys[k] = ((at[segment[k] as number] as number) - min) * length + k;
    keys.sort();
    for (let k = 0; k < length; k++) {
      const key = keys[k] as number;
      rows[start + k] = segment[key - Math.floor(key / length) * length] as number;
    }
    return;
  }
  const sorted = Array.from(segment).sort((a, b) => (at[a] as number) - (at[b] as number) || a - b);
  rows.set(sorted, start);
}
