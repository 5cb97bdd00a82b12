import type { FaultSettings } from './fault-settings';

/**
 * Parses the CLI's `--fault` specs, one fault each:
 *   expire-session-after=N   unavailable=N   quote-authorization=N   daily-limit=N   lock-rows=SHARE (0–1)
 *   random-page-sizes   repeat-rows   latency=MS | latency=MIN-MAX   stall=N[:MS]   seed=N
 */
export const FAULT_SPEC_HELP =
  'expire-session-after=N, unavailable=N, quote-authorization=N, daily-limit=N, lock-rows=SHARE, random-page-sizes, repeat-rows, latency=MS[-MAX], stall=N[:MS], seed=N';

export function parseFaultSpec(spec: string): Partial<FaultSettings> {
  const [name = '', value] = spec.split('=', 2);
  const int = (): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`--fault ${spec}: expected a whole number after '='`);
    return n;
  };
  switch (name.trim()) {
    case 'expire-session-after':
      return { expireSessionAfterCalls: int() };
    case 'unavailable':
      return { unavailableRequests: int() };
    case 'quote-authorization':
      return { quoteAuthorizationRequests: int() };
    case 'daily-limit':
      return { dailyApiLimit: int() };
    case 'lock-rows': {
      const share = Number(value);
      if (!(share >= 0 && share <= 1)) throw new Error(`--fault ${spec}: expected a share between 0 and 1`);
      return { lockRowShare: share };
    }
    case 'random-page-sizes':
      return { randomPageSizes: true };
    case 'repeat-rows':
      return { repeatRowAcrossPages: true };
    case 'latency': {
      const [min, max] = (value ?? '').split('-').map(Number);
      if (min === undefined || !Number.isFinite(min) || min < 0 || (max !== undefined && !(max >= min))) {
        throw new Error(`--fault ${spec}: expected latency=MS or latency=MIN-MAX`);
      }
      return { latencyMinMs: min, latencyMaxMs: max ?? min };
    }
    case 'stall': {
      const [count, ms] = (value ?? '1').split(':').map(Number);
      if (count === undefined || !Number.isInteger(count) || count < 0 || (ms !== undefined && !(ms >= 0))) {
        throw new Error(`--fault ${spec}: expected stall=N or stall=N:MS`);
      }
      return { stallRequests: count, stallMs: ms ?? null };
    }
    case 'seed':
      return { seed: int() };
    default:
      throw new Error(`--fault ${spec}: unknown fault (known: ${FAULT_SPEC_HELP})`);
  }
}

/** Folds several specs into one settings change. */
export function parseFaultSpecs(specs: readonly string[]): Partial<FaultSettings> {
  return specs.reduce<Partial<FaultSettings>>((acc, spec) => ({ ...acc, ...parseFaultSpec(spec) }), {});
}
