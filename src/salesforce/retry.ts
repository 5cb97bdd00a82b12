/**
 * Retry with capped exponential backoff and full jitter (AWS architecture blog, "Exponential
 * Backoff and Jitter"): the n-th retry waits a random time in [0, min(cap, base × 2^(n−1))],
 * which spreads out clients that failed together. Sleep and randomness are injected so tests
 * run instantly and deterministically.
 *
 * This is the only retry in the adapter. jsforce 3 has its own (5 retries, 500 ms × 2^n, on
 * GET/PUT/HEAD/OPTIONS/DELETE for 420/429/5xx and socket errors), which would multiply with
 * this one; the HTTP client turns it off per request, see JSFORCE_RETRY_OFF in http-client.ts.
 */

/** Attempts per request in total (the first try plus retries). */
export const RETRY_MAX_ATTEMPTS = 6;
/** Upper bound of the first retry's random delay. */
export const RETRY_BASE_DELAY_MS = 500;
/** No single wait is longer than this, however many retries came before. */
export const RETRY_MAX_DELAY_MS = 30_000;

export interface RetryTiming {
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export interface BackoffSettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = {
  maxAttempts: RETRY_MAX_ATTEMPTS,
  baseDelayMs: RETRY_BASE_DELAY_MS,
  maxDelayMs: RETRY_MAX_DELAY_MS,
};

export type RetryDecision =
  | { retry: false }
  /** `minDelayMs`: a floor the server asked for (Retry-After), still capped by maxDelayMs. */
  | { retry: true; minDelayMs?: number };

export interface RetryEvent {
  /** The retry about to happen, 1-based. */
  retry: number;
  delayMs: number;
  error: unknown;
}

/** Full-jitter delay before retry number `retry` (1-based). */
export function backoffDelay(retry: number, random: () => number, settings: BackoffSettings, minDelayMs = 0): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1));
  return Math.min(settings.maxDelayMs, Math.max(minDelayMs, Math.floor(random() * ceiling)));
}

/**
 * Runs `operation` until it succeeds, `decide` says stop, or attempts run out; then rethrows the
 * last error. `decide` sees the error and the number of the attempt that failed (1-based).
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  decide: (error: unknown, attempt: number) => RetryDecision,
  timing: RetryTiming,
  settings: BackoffSettings = DEFAULT_BACKOFF,
  onRetry?: (event: RetryEvent) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      const decision = decide(error, attempt);
      if (!decision.retry || attempt >= settings.maxAttempts) throw error;
      const delayMs = backoffDelay(attempt, () => timing.random(), settings, decision.minDelayMs);
      onRetry?.({ retry: attempt, delayMs, error });
      await timing.sleep(delayMs);
    }
  }
}

/** Real timers, for the composition root. */
export const systemTiming: RetryTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};
