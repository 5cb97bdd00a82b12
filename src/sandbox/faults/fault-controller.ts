import { type Random, randomInt, seededRandom } from '../random';
import { type FaultSettings, NO_FAULTS } from './fault-settings';

/**
 * Holds the active faults and answers the HTTP layer's questions ("should this request get a
 * 503?", "how big is this page?"). Effects on other components go through the injected hooks
 * so the controller stays a small state machine.
 */

export interface FaultHooks {
  expireSessions(): void;
  setDailyApiLimit(limit: number | null): void;
}

/** Query page bounds Salesforce allows (Sforce-Query-Options batchSize). */
export const MIN_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 2000;

export class FaultController {
  private current: FaultSettings = { ...NO_FAULTS };
  private random: Random = seededRandom(NO_FAULTS.seed);
  private callsUntilExpiry: number | null = null;
  private readonly stalls = new Set<() => void>();

  constructor(private readonly hooks: FaultHooks) {}

  settings(): FaultSettings {
    return { ...this.current, expireSessionAfterCalls: this.callsUntilExpiry };
  }

  /** Changes some faults; the others stay as they are. */
  configure(changes: Partial<FaultSettings>): FaultSettings {
    this.current = { ...this.current, ...changes };
    if (changes.seed !== undefined) this.random = seededRandom(changes.seed);
    if ('expireSessionAfterCalls' in changes) this.callsUntilExpiry = changes.expireSessionAfterCalls ?? null;
    if ('dailyApiLimit' in changes) this.hooks.setDailyApiLimit(changes.dailyApiLimit ?? null);
    if (this.current.latencyMaxMs < this.current.latencyMinMs) this.current.latencyMaxMs = this.current.latencyMinMs;
    return this.settings();
  }

  clear(): FaultSettings {
    this.releaseStalls();
    this.callsUntilExpiry = null;
    this.current = { ...NO_FAULTS, seed: this.current.seed };
    this.hooks.setDailyApiLimit(null);
    return this.settings();
  }

  /** True if this request is one of the next N to be answered 503. */
  takeUnavailable(): boolean {
    if (this.current.unavailableRequests <= 0) return false;
    this.current.unavailableRequests--;
    return true;
  }

  /** True if this request, which carries an Authorization header, is one of the next N to be answered with it. */
  takeQuoteAuthorization(): boolean {
    if (this.current.quoteAuthorizationRequests <= 0) return false;
    this.current.quoteAuthorizationRequests--;
    return true;
  }

  /** Counts an authenticated API call; expires every session when the countdown ends. */
  countAuthenticatedCall(): void {
    if (this.callsUntilExpiry === null) return;
    this.callsUntilExpiry--;
    if (this.callsUntilExpiry <= 0) {
      this.callsUntilExpiry = null;
      this.hooks.expireSessions();
    }
  }

  latencyMs(): number {
    const { latencyMinMs: min, latencyMaxMs: max } = this.current;
    return max <= min ? min : randomInt(this.random, min, max);
  }

  /** If this request should stall: how long before its connection is dropped (null: never). */
  takeStall(): { ms: number | null } | undefined {
    if (this.current.stallRequests <= 0) return undefined;
    this.current.stallRequests--;
    return { ms: this.current.stallMs };
  }

  /** Registers how to end a stalled request early (on reset or shutdown). */
  trackStall(release: () => void): () => void {
    this.stalls.add(release);
    return () => this.stalls.delete(release);
  }

  releaseStalls(): void {
    for (const release of [...this.stalls]) release();
    this.stalls.clear();
  }

  /** Whether a collection item fails with UNABLE_TO_LOCK_ROW. */
  lockRow(): boolean {
    return this.current.lockRowShare > 0 && this.random() < this.current.lockRowShare;
  }

  /** The size of the next query page given the size asked for. */
  /** Rows of the previous page a queryMore page starts with again (repeatRowAcrossPages). */
  repeatedRows(): number {
    return this.current.repeatRowAcrossPages ? 1 : 0;
  }

  pageSize(requested: number): number {
    return this.current.randomPageSizes ? randomInt(this.random, MIN_PAGE_SIZE, MAX_PAGE_SIZE) : requested;
  }
}
