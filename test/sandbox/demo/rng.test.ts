import fc from 'fast-check';
import { mixSeed, QuotaCoin, Rng } from '../../../src/sandbox/demo/rng';

describe('the seeded random numbers', () => {
  it('given the same seed, when drawn twice, then the sequences are identical; another seed differs', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 20 },
        (
          (rng) => () =>
            rng.next()
        )(new Rng(seed)),
      );
    expect(draw(42)).toEqual(draw(42));
    expect(draw(43)).not.toEqual(draw(42));
  });

  it('given any seed and bounds, when an integer is drawn, then it lies within them', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, lo, width) => {
          const rng = new Rng(seed);
          for (let i = 0; i < 50; i++) {
            const n = rng.int(lo, lo + width);
            if (!Number.isInteger(n) || n < lo || n > lo + width) return false;
          }
          return true;
        },
      ),
    );
  });

  it('given one seed mixed with different stream ids, when drawn, then the streams differ', () => {
    const first = (salt: number) => new Rng(mixSeed(1, salt)).next();
    expect(new Set([first(1), first(2), first(3), first(0x0bdc)]).size).toBe(4);
    expect(first(2)).toBe(first(2));
  });
});

describe('the quota coin', () => {
  it('given any rate, when tossed, then every run of consecutive tosses holds within two successes of the rate', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), (seed, rate) => {
        const coin = new QuotaCoin(rate, new Rng(seed));
        const hits = Array.from({ length: 300 }, () => (coin.toss() ? 1 : 0));
        for (let start = 0; start < hits.length; start += 17) {
          for (let end = start + 1; end <= hits.length; end += 13) {
            const got = hits.slice(start, end).reduce<number>((a, b) => a + b, 0);
            if (Math.abs(got - (end - start) * rate) > 2) return false;
          }
        }
        return true;
      }),
    );
  });

  it('given rate 0, when tossed many times, then it never succeeds', () => {
    const coin = new QuotaCoin(0, new Rng(3));
    expect(Array.from({ length: 1000 }, () => coin.toss()).some(Boolean)).toBe(false);
  });

  it('given rate 0.5, when tossed, then the outcomes are not a fixed alternation', () => {
    const coin = new QuotaCoin(0.5, new Rng(5));
    const tosses = Array.from({ length: 200 }, () => coin.toss());
    const repeats = tosses.slice(1).filter((t, i) => t === tosses[i]).length;
    expect(repeats).toBeGreaterThan(20);
  });
});
