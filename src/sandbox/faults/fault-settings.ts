/**
 * What can go wrong on purpose. Each fault reproduces something a real org does to a client:
 * sessions expire, the service answers 503, the daily allocation runs out, rows are locked by
 * other transactions, query pages come back shorter than asked or repeat a row, latency, requests that hang.
 */
export interface FaultSettings {
  /** After this many more authenticated API calls, every access token issued so far expires. */
  expireSessionAfterCalls: number | null;
  /** The next N requests are answered 503 SERVER_UNAVAILABLE. */
  unavailableRequests: number;
  /**
   * The next N requests that carry an Authorization header are answered 400 with a message quoting it, as a gateway
   * in front of an org may: what a client does with an answer that holds its own token.
   */
  quoteAuthorizationRequests: number;
  /** The org's daily API allocation (REQUEST_LIMIT_EXCEEDED once used up). */
  dailyApiLimit: number | null;
  /** Share (0–1) of sObject Collection items that fail with UNABLE_TO_LOCK_ROW. */
  lockRowShare: number;
  /** Query pages of random size between 200 and 2000, whatever batch size was asked. */
  randomPageSizes: boolean;
  /**
   * Every query page after the first starts with the previous page's last row again: the same Id on two
   * pages, which Salesforce has been seen to send on queryMore.
   */
  repeatRowAcrossPages: boolean;
  /** Latency added to each request: fixed when min = max, uniform in [min, max] otherwise. */
  latencyMinMs: number;
  latencyMaxMs: number;
  /** The next N requests stall: no answer, the connection is dropped after stallMs (never if null). */
  stallRequests: number;
  stallMs: number | null;
  /** Seed of the fault dice (lock-row picks, page sizes, random latency). */
  seed: number;
}

export const NO_FAULTS: FaultSettings = {
  expireSessionAfterCalls: null,
  unavailableRequests: 0,
  quoteAuthorizationRequests: 0,
  dailyApiLimit: null,
  lockRowShare: 0,
  randomPageSizes: false,
  repeatRowAcrossPages: false,
  latencyMinMs: 0,
  latencyMaxMs: 0,
  stallRequests: 0,
  stallMs: null,
  seed: 1,
};
