import fc from 'fast-check';
import { ApiBudget, parseLimitInfo } from '../../src/salesforce/api-budget';
import { DEFAULT_BACKOFF, RETRY_MAX_DELAY_MS, backoffDelay, withRetry } from '../../src/salesforce/retry';
import { instantTiming } from './support';

describe('backoff with full jitter', () => {
  it('property: every delay lies in [0, min(cap, base × 2^(n−1))]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (retry, random) => {
          const delay = backoffDelay(retry, () => random, DEFAULT_BACKOFF);
          const ceiling = Math.min(DEFAULT_BACKOFF.maxDelayMs, DEFAULT_BACKOFF.baseDelayMs * 2 ** (retry - 1));
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });

  it('given a server-requested delay, then it is honoured up to the cap', () => {
    expect(backoffDelay(1, () => 0, DEFAULT_BACKOFF, 5_000)).toBe(5_000);
    expect(backoffDelay(1, () => 0, DEFAULT_BACKOFF, 3_600_000)).toBe(RETRY_MAX_DELAY_MS);
  });

  it('given an operation failing twice, then withRetry sleeps twice and returns the third result', async () => {
    const timing = instantTiming();
    let calls = 0;
    const events: number[] = [];

    const result = await withRetry(
      () => (++calls < 3 ? Promise.reject(new Error('transient')) : Promise.resolve('ok')),
      () => ({ retry: true }),
      timing,
      DEFAULT_BACKOFF,
      (event) => events.push(event.retry),
    );

    expect(result).toBe('ok');
    expect(timing.sleeps).toEqual([250, 500]);
    expect(events).toEqual([1, 2]);
  });

  it('given a decision not to retry, then the first error is thrown without sleeping', async () => {
    const timing = instantTiming();

    await expect(
      withRetry(
        () => Promise.reject(new Error('fatal')),
        () => ({ retry: false }),
        timing,
      ),
    ).rejects.toThrow('fatal');
    expect(timing.sleeps).toEqual([]);
  });

  it('given attempts run out, then the last error is thrown after maxAttempts tries', async () => {
    let calls = 0;

    await expect(
      withRetry(
        () => Promise.reject(new Error(`try ${++calls}`)),
        () => ({ retry: true }),
        instantTiming(),
        { ...DEFAULT_BACKOFF, maxAttempts: 3 },
      ),
    ).rejects.toThrow('try 3');
  });
});

describe('the API budget', () => {
  it('given Sforce-Limit-Info headers, then used/limit is read and garbage ignored', () => {
    expect(parseLimitInfo('api-usage=10018/100000')).toEqual({ used: 10018, limit: 100000 });
    expect(parseLimitInfo('api-usage=25/5000; per-app-api-usage=17/250(appName=sample-app)')).toEqual({
      used: 25,
      limit: 5000,
    });
    expect(parseLimitInfo('api-usage=1/0')).toBeNull();
    expect(parseLimitInfo(undefined)).toBeNull();
  });

  it('given usage exactly at the fraction, then the guard passes; just above, it stops with exit 75', () => {
    const budget = new ApiBudget(0.8);
    budget.observe('api-usage=80/100');
    expect(() => budget.assertWithinBudget()).not.toThrow();

    budget.observe('api-usage=81/100');
    expect(() => budget.assertWithinBudget()).toThrow(expect.objectContaining({ code: 'SF_API_BUDGET', exitCode: 75 }));
  });

  it('given no header seen yet, then the guard passes and usage is null', () => {
    const budget = new ApiBudget(0.5);

    expect(() => budget.assertWithinBudget()).not.toThrow();
    expect(budget.usage()).toBeNull();
  });

  it('given calls of several kinds, then they are counted by kind and in total', () => {
    const budget = new ApiBudget(0.8);
    (['query', 'queryMore', 'queryMore', 'bulk', 'write', 'other'] as const).forEach((kind) => budget.count(kind));

    expect(budget.calls()).toEqual({ query: 1, queryMore: 2, bulk: 1, write: 1, other: 1, total: 6 });
  });

  it('given a fraction outside (0, 1], then the budget refuses it', () => {
    expect(() => new ApiBudget(0)).toThrow(RangeError);
    expect(() => new ApiBudget(1.5)).toThrow(RangeError);
  });
});
