/**
 * The org's daily API allowance as Salesforce reports it on every response
 * (`Sforce-Limit-Info: api-usage=used/limit`), the guard that stops a run before it eats into
 * what the dealership's other integrations need, and the count of calls this process made.
 *
 * jsforce parses the same header into `conn.limitInfo`, but only inside `conn.request()`; the
 * adapter sends through its own client (and Bulk API requests never pass there), so it reads
 * the header itself from every response.
 */
import type { ApiCallCounts, ApiUsage } from '../sync/ports';
import { CoachError, ExitCode } from '../lib/errors';

export type CallKind = Exclude<keyof ApiCallCounts, 'total'>;

const API_USAGE_PATTERN = /api-usage=(\d+)\/(\d+)/;

/** Reads `api-usage=used/limit` from a Sforce-Limit-Info header; null when absent or garbled. */
export function parseLimitInfo(header: string | undefined): ApiUsage | null {
  const match = header === undefined ? null : API_USAGE_PATTERN.exec(header);
  if (match === null) return null;
  const used = Number(match[1]);
  const limit = Number(match[2]);
  return limit > 0 ? { used, limit } : null;
}

export class ApiBudget {
  private latest: ApiUsage | null = null;
  private readonly counts: ApiCallCounts = { query: 0, queryMore: 0, bulk: 0, write: 0, other: 0, total: 0 };

  /** @param maxApiUsage fraction of the daily limit (0–1] above which the adapter refuses to go on. */
  constructor(private readonly maxApiUsage: number) {
    if (!(maxApiUsage > 0 && maxApiUsage <= 1))
      throw new RangeError(`maxApiUsage must be in (0, 1], got ${maxApiUsage}`);
  }

  /** Records the header of one response. */
  observe(limitInfoHeader: string | undefined): void {
    const usage = parseLimitInfo(limitInfoHeader);
    if (usage !== null) this.latest = usage;
  }

  /** Records one HTTP request sent to the org. */
  count(kind: CallKind): void {
    this.counts[kind] += 1;
    this.counts.total += 1;
  }

  /** Usage as the last response reported it; null before any response carried the header. */
  usage(): ApiUsage | null {
    return this.latest === null ? null : { ...this.latest };
  }

  calls(): ApiCallCounts {
    return { ...this.counts };
  }

  /**
   * Throws SF_API_BUDGET (exit 75) when the last reported usage is above the allowed fraction.
   * Called before a run starts and between pages, so a run stops at a clean boundary.
   */
  assertWithinBudget(): void {
    const usage = this.latest;
    if (usage === null || usage.used / usage.limit <= this.maxApiUsage) return;
    const percent = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;
    throw new CoachError({
      code: 'SF_API_BUDGET',
      message:
        `The org has used ${usage.used} of its ${usage.limit} daily API requests (${percent(usage.used / usage.limit)}), ` +
        `above sync.maxApiUsage (${percent(this.maxApiUsage)}): stopping cleanly; checkpoints are kept.`,
      actions: [
        'Run again later: the allowance is a rolling 24 hours and the next run continues where this one stopped.',
        'Or raise sync.maxApiUsage if the other integrations of this org can spare the calls.',
      ],
      exitCode: ExitCode.tryLater,
      retryable: true,
      data: { usage, maxApiUsage: this.maxApiUsage },
    });
  }
}
