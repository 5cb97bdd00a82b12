import type { Clock } from '../clock';

/**
 * The org's API request counter, as reported in `Sforce-Limit-Info: api-usage=used/max` and
 * `/limits`. The allocation is daily; the counter restarts when the UTC day changes (a real
 * org uses a rolling 24 hours). Calls are also counted per kind, for tests and benchmarks.
 */

/** A fresh Enterprise Edition org's base allocation. */
export const DEFAULT_DAILY_API_LIMIT = 100_000;
const DAY_MS = 86_400_000;

export type CallKind =
  'query' | 'queryMore' | 'describe' | 'limits' | 'sobject' | 'collections' | 'updatedDeleted' | 'bulk2' | 'other';

export class ApiUsage {
  private usedToday = 0;
  private day: number;
  private readonly kinds = new Map<CallKind, number>();
  private total = 0;

  constructor(
    private readonly clock: Clock,
    public max: number = DEFAULT_DAILY_API_LIMIT,
  ) {
    this.day = Math.floor(clock.now() / DAY_MS);
  }

  get used(): number {
    this.rollDay();
    return this.usedToday;
  }

  get exhausted(): boolean {
    return this.used >= this.max;
  }

  record(kind: CallKind): void {
    this.rollDay();
    this.usedToday++;
    this.total++;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  /** Sets the calls already used today (fault injection, tests). */
  setUsed(used: number): void {
    this.rollDay();
    this.usedToday = used;
  }

  header(): string {
    return `api-usage=${this.used}/${this.max}`;
  }

  /** Calls since start (or the last reset), in total and per kind. */
  counters(): { total: number; usedToday: number; max: number; byKind: Record<string, number> } {
    return { total: this.total, usedToday: this.used, max: this.max, byKind: Object.fromEntries(this.kinds) };
  }

  resetCounters(): void {
    this.kinds.clear();
    this.total = 0;
    this.usedToday = 0;
  }

  private rollDay(): void {
    const today = Math.floor(this.clock.now() / DAY_MS);
    if (today !== this.day) {
      this.day = today;
      this.usedToday = 0;
    }
  }
}
