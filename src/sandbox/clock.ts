/**
 * The sandbox's only source of time. Everything that stamps or compares instants (system
 * fields, date literals, cursor expiry, token expiry) asks this clock, so a demo can start
 * "in the past" and tests can move time deliberately.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the sandbox sees it. */
  now(): number;
}

/**
 * A virtual clock: by default it follows real time; `set` jumps to an instant and keeps
 * running from there; `freeze` stops it (tests), `advance` moves it forward by hand.
 */
export class SandboxClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): number {
    return this.frozenAt ?? this.realNow() + this.offsetMs;
  }

  /** Jumps to `instant` and keeps advancing in real time from there (unless frozen). */
  set(instant: number): void {
    if (this.frozenAt !== null) {
      this.frozenAt = instant;
      return;
    }
    this.offsetMs = instant - this.realNow();
  }

  /** Stops the clock at `instant` (default: now). */
  freeze(instant: number = this.now()): void {
    this.frozenAt = instant;
  }

  /** Lets a frozen clock run again from where it stands. */
  resume(): void {
    if (this.frozenAt === null) return;
    this.offsetMs = this.frozenAt - this.realNow();
    this.frozenAt = null;
  }

  /**
   * Applies a jump (`to`), a step (`by`) and a stop or start in one go. The target instant is worked
   * out once, so a frozen clock stops exactly there: setting and then freezing in two calls let a
   * real millisecond slip in between, and a test that pinned the start instant failed once in a while.
   */
  move(change: { to?: number; by?: number; freeze?: boolean }): void {
    const moves = change.to !== undefined || change.by !== undefined;
    const target = (change.to ?? this.now()) + (change.by ?? 0);
    if (change.freeze === true) this.freeze(target);
    else if (moves) this.set(target);
    if (change.freeze === false) this.resume();
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  get isFrozen(): boolean {
    return this.frozenAt !== null;
  }
}
