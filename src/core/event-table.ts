/**
 * Step events laid out for fast measuring: steps, users and subjects interned to integers and
 * the events stored column-wise in typed arrays, grouped by user and sorted by time within
 * each user (one sort, done here, once). Measures then make sequential passes over plain
 * numbers instead of chasing strings and objects, which is what lets a million events be
 * measured in well under a second.
 *
 * Users: the reps come first (index = position in `reps`), then every other user an event is
 * credited to (managers, people who left), so "by anyone" passes see all events while
 * per-rep arrays need only `repCount` rows.
 */
import type { Rep, StepEvent } from './model';
import { add } from './typed';

/** Integer ids of a value set, in first-seen order. */
function internOf(map: Map<string, number>, key: string): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
  }
  return index;
}

/** Largest integer a double holds exactly; packed sort keys must stay below it. */
const MAX_EXACT = 2 ** 53;

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
  readonly step: Uint16Array;
  /** Column of user indices; reps are 0 … repCount − 1. */
  readonly user: Int32Array;
  /** Column of subject indices; -1 when the event has no subject. */
  readonly subject: Int32Array;
  readonly at: Float64Array;
  /** Duration in seconds; NaN when unknown. */
  readonly duration: Float64Array;
  /** Position of each row in the input events (to read its record id). */
  readonly source: Int32Array;
  /** Rows of user u are [userStart[u], userStart[u + 1]). */
  readonly userStart: Int32Array;
  /** Non-zero marks a suspicious event (bit flags from integrity.ts); set once by markSuspicious. */
  readonly suspicious: Uint8Array;
  /** Events whose step is not in the model (a config change since they were stored). */
  readonly ignored: number;
  private readonly events: readonly StepEvent[];
  private readonly firstAtCache = new Map<number, Float64Array>();
  private lastActivityCache: Float64Array | null = null;

  constructor(stepIds: readonly string[], reps: readonly Rep[], events: readonly StepEvent[]) {
    this.stepIds = stepIds;
    this.reps = reps;
    this.repCount = reps.length;
    this.events = events;
    this.isSalesperson = Uint8Array.from(reps, (rep) => (rep.role === 'salesperson' ? 1 : 0));

    const stepIndex = new Map(stepIds.map((id, index) => [id, index]));
    const users = new Map<string, number>();
    for (const rep of reps) internOf(users, rep.id);
    const subjects = new Map<string, number>();

    const n = events.length;
    const rawStep = new Uint16Array(n);
    const rawUser = new Int32Array(n);
    const rawSubject = new Int32Array(n);
    const rawAt = new Float64Array(n);
    const rawDuration = new Float64Array(n);
    const rawSource = new Int32Array(n);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const event = events[i] as StepEvent;
      const step = stepIndex.get(event.step);
      if (step === undefined) continue;
      rawStep[kept] = step;
      rawUser[kept] = internOf(users, event.rep);
      rawSubject[kept] = event.subject === null ? -1 : internOf(subjects, event.subject);
      rawAt[kept] = event.at;
      rawDuration[kept] = event.durationSec ?? Number.NaN;
      rawSource[kept] = i;
      kept++;
    }
    this.size = kept;
    this.ignored = n - kept;
    this.subjectIndex = subjects;
    this.subjectCount = subjects.size;

    const userCount = users.size;
    const order = sortByUserThenTime(rawUser.subarray(0, kept), rawAt, userCount);
    this.userStart = order.userStart;
    this.step = new Uint16Array(kept);
    this.user = new Int32Array(kept);
    this.subject = new Int32Array(kept);
    this.at = new Float64Array(kept);
    this.duration = new Float64Array(kept);
    this.source = new Int32Array(kept);
    for (let row = 0; row < kept; row++) {
      const from = order.rows[row] as number;
      this.step[row] = rawStep[from] as number;
      this.user[row] = rawUser[from] as number;
      this.subject[row] = rawSubject[from] as number;
      this.at[row] = rawAt[from] as number;
      this.duration[row] = rawDuration[from] as number;
      this.source[row] = rawSource[from] as number;
    }
    this.suspicious = new Uint8Array(kept);
  }

  get userCount(): number {
    return this.userStart.length - 1;
  }

  stepIndexOf(stepId: string): number {
    return this.stepIds.indexOf(stepId);
  }

  recordIdOf(row: number): string {
    return (this.events[this.source[row] as number] as StepEvent).recordId;
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

  /** Per subject, the time of its latest non-suspicious event of any step (-Infinity when none). */
  lastActivity(): Float64Array {
    if (!this.lastActivityCache) {
      const last = new Float64Array(this.subjectCount).fill(Number.NEGATIVE_INFINITY);
      for (let row = 0; row < this.size; row++) {
        const subject = this.subject[row] as number;
        if (subject < 0 || this.suspicious[row] !== 0) continue;
        const at = this.at[row] as number;
        if (at > (last[subject] as number)) last[subject] = at;
      }
      this.lastActivityCache = last;
    }
    return this.lastActivityCache;
  }
}

/**
 * The permutation that groups rows by user (a counting sort) and orders each user's rows by
 * time, ties by input position. Within a user the sort runs on packed numeric keys
 * (time offset × count + position) with the engine's native typed-array sort; when a user's
 * span or fractional times would not pack exactly, it falls back to a comparator.
 */
function sortByUserThenTime(
  user: Int32Array,
  at: Float64Array,
  userCount: number,
): { rows: Int32Array; userStart: Int32Array } {
  const n = user.length;
  const userStart = new Int32Array(userCount + 1);
  for (let i = 0; i < n; i++) add(userStart, (user[i] as number) + 1);
  for (let u = 0; u < userCount; u++) add(userStart, u + 1, userStart[u]);
  const next = userStart.slice(0, userCount);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const u = user[i] as number;
    rows[next[u] as number] = i;
    add(next, u);
  }

  for (let u = 0; u < userCount; u++) sortSegmentByTime(rows, userStart[u] as number, userStart[u + 1] as number, at);
  return { rows, userStart };
}

function sortSegmentByTime(rows: Int32Array, start: number, end: number, at: Float64Array): void {
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
  const segment = rows.slice(start, end);
  if (integral && (max - min + 1) * length < MAX_EXACT) {
    const keys = new Float64Array(length);
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
