/**
 * Seeded pseudo-random numbers for the demo dealership. The generator must be a pure function
 * of its options, so nothing here reads Math.random or the clock.
 */

const UINT32_RANGE = 4294967296;

/** Mixes a seed with a salt into a new 32-bit seed (splitmix-style), so streams do not overlap. */
export function mixSeed(seed: number, salt: number): number {
  let z = (seed ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d);
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b);
  return (z ^ (z >>> 16)) >>> 0;
}

/** mulberry32: tiny and fast, statistically fine for synthetic data (not for secrets). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / UINT32_RANGE;
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: no items');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] as number;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }
}

/**
 * Lowest the random threshold of a QuotaCoin goes; keeps a toss from succeeding on credit that
 * is nearly nothing, which would make rates near zero drift upwards.
 */
const QUOTA_MIN_THRESHOLD = 0.05;

/**
 * A coin for a rate that must show in small samples. Independent tosses at 0.66 over 20 trials
 * land below 0.5 one time in ten, which would flag an ordinary salesperson by chance. This coin
 * keeps a running credit (adds `rate` per toss, pays 1 per success, succeeds when the credit
 * passes a random threshold), so over ANY run of consecutive tosses the share of successes
 * stays within about two tosses of `rate`, while single outcomes still look random.
 */
export class QuotaCoin {
  private credit: number;

  constructor(
    private readonly rate: number,
    private readonly rng: Rng,
  ) {
    this.credit = rng.next() - 0.5;
  }

  /** `scale` multiplies the rate for this toss only (a week when the worker does more of it). */
  toss(scale = 1): boolean {
    if (this.rate <= 0) return false;
    this.credit += this.rate * scale;
    const threshold = QUOTA_MIN_THRESHOLD + this.rng.next() * (1 - QUOTA_MIN_THRESHOLD);
    if (this.credit < threshold) return false;
    this.credit -= 1;
    return true;
  }
}
