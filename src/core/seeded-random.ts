/**
 * A seeded uniform generator (mulberry32) for the resampling in src/core: the same seed gives
 * the same draws on any machine, so an analysis run twice over the same data says the same thing
 * (Math.random is barred from src/core for that reason). Statistical quality is ample for
 * choosing bootstrap draws; it is not for cryptography. The sandbox has the same generator
 * (src/sandbox/random.ts): the two share no code by design (ARCHITECTURE.md §4).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
