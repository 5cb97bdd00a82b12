/**
 * Step events as columns: the form the EventTable is built from. A store holding a million
 * events feeds them here one at a time as primitives, so they never exist as a million
 * StepEvent objects (the heap and the full garbage collections that would come with them);
 * an array of StepEvents goes through the same builder, so both forms measure alike.
 */
import type { StepEvent } from './model';

/** Step events column-wise, in no particular order. Row i of every column is one event. */
export interface EventColumns {
  readonly size: number;
  /** Distinct step ids; `step[i]` indexes this list. */
  readonly stepIds: readonly string[];
  readonly step: Int32Array;
  /** Distinct credited user Ids; `user[i]` indexes this list. */
  readonly userIds: readonly string[];
  readonly user: Int32Array;
  /** Distinct subjects (customer Ids) → index; `subject[i]` is -1 when the event has none. */
  readonly subjectIndex: ReadonlyMap<string, number>;
  readonly subject: Int32Array;
  /** Epoch ms. */
  readonly at: Float64Array;
  /** Seconds; NaN when unknown. */
  readonly duration: Float32Array;
  /**
   * What tells the records of rows apart: equal (===) for two rows exactly when they come from
   * the same record. The record's Id, or a number that stands for it (a store's row key).
   */
  readonly recordOf: (row: number) => string | number;
}

/** Capacity of a builder given no size hint; it doubles as needed. */
const INITIAL_CAPACITY = 1024;

/** Integer ids of a value set, in first-seen order. */
function internOf(map: Map<string, number>, key: string): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
  }
  return index;
}

/** Collects events one at a time into columns; `build()` hands them out once done. */
export class EventColumnsBuilder {
  private size = 0;
  private step: Int32Array;
  private user: Int32Array;
  private subject: Int32Array;
  private at: Float64Array;
  private duration: Float32Array;
  private record: Float64Array;
  private readonly steps = new Map<string, number>();
  private readonly users = new Map<string, number>();
  private readonly subjects = new Map<string, number>();
  // The events of one record (an attempt and a contact) arrive together and share their
  // step kinds, user and subject: remembering the last of each skips most hash lookups.
  private lastStep: string | undefined;
  private lastStepIndex = -1;
  private lastUser: string | undefined;
  private lastUserIndex = -1;
  private lastSubject: string | undefined;
  private lastSubjectIndex = -1;

  /** `expectedSize`: how many events are likely to come (a hint; more may be added). */
  constructor(expectedSize = INITIAL_CAPACITY) {
    const capacity = Math.max(1, Math.ceil(expectedSize));
    this.step = new Int32Array(capacity);
    this.user = new Int32Array(capacity);
    this.subject = new Int32Array(capacity);
    this.at = new Float64Array(capacity);
    this.duration = new Float32Array(capacity);
    this.record = new Float64Array(capacity);
  }

  /**
   * Adds one event; `record` is a number that stands for its record: the same for every event
   * of one record, different from every other record's (e.g. a store's row key).
   */
  add(step: string, rep: string, subject: string | null, at: number, record: number, durationSec: number | null): void {
    if (this.size === this.at.length) this.grow();
    const row = this.size++;
    if (step !== this.lastStep) {
      this.lastStep = step;
      this.lastStepIndex = internOf(this.steps, step);
    }
    this.step[row] = this.lastStepIndex;
    if (rep !== this.lastUser) {
      this.lastUser = rep;
      this.lastUserIndex = internOf(this.users, rep);
    }
    this.user[row] = this.lastUserIndex;
    if (subject !== null && subject !== this.lastSubject) {
      this.lastSubject = subject;
      this.lastSubjectIndex = internOf(this.subjects, subject);
    }
    this.subject[row] = subject === null ? -1 : this.lastSubjectIndex;
    this.at[row] = at;
    this.duration[row] = durationSec ?? Number.NaN;
    this.record[row] = record;
  }

  /** The columns so far (views, not copies: add nothing after building). */
  build(): EventColumns {
    const size = this.size;
    const record = this.record.subarray(0, size);
    return {
      size,
      stepIds: [...this.steps.keys()],
      step: this.step.subarray(0, size),
      userIds: [...this.users.keys()],
      user: this.user.subarray(0, size),
      subjectIndex: this.subjects,
      subject: this.subject.subarray(0, size),
      at: this.at.subarray(0, size),
      duration: this.duration.subarray(0, size),
      recordOf: (row) => record[row] as number,
    };
  }

  private grow(): void {
    const capacity = this.at.length * 2;
    this.step = enlarged(this.step, new Int32Array(capacity));
    this.user = enlarged(this.user, new Int32Array(capacity));
    this.subject = enlarged(this.subject, new Int32Array(capacity));
    this.at = enlarged(this.at, new Float64Array(capacity));
    this.duration = enlarged(this.duration, new Float32Array(capacity));
    this.record = enlarged(this.record, new Float64Array(capacity));
  }
}

function enlarged<T extends Int32Array | Float64Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * The columns of an array of events, row i being events[i]. Records are told apart by their Id,
 * read from the array when asked (interning a million Ids into numbers would cost more than
 * the whole layout), so the builder's record keys are mere positions here, never read.
 */
export function eventColumnsOf(events: readonly StepEvent[]): EventColumns {
  const builder = new EventColumnsBuilder(events.length);
  events.forEach((event, i) =>
    builder.add(event.step, event.user, event.subject, event.at, i, event.durationSec ?? null),
  );
  return { ...builder.build(), recordOf: (row) => (events[row] as StepEvent).recordId };
}

/** Tells the two forms of `CoachingInput.events` apart. */
export function isEventColumns(events: readonly StepEvent[] | EventColumns): events is EventColumns {
  return !Array.isArray(events);
}
