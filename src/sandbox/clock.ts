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

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  get isFrozen(): boolean {
    return this.frozenAt !== null;
  }
}
