import { QuotaCoin, type Rng } from './rng';
import type { LeadWorker } from './staff';
import { WeeklyEffort } from './weekly-effort';

/**
 * A lead worker with their own random stream and one quota coin per decision, so each of their
 * rates shows in their own numbers whatever the other workers draw.
 */
export class Actor {
  readonly coins: {
    quickResponse: QuotaCoin;
    reach: QuotaCoin;
    set: QuotaCoin;
    show: QuotaCoin;
    skipDemo: QuotaCoin;
    demo: QuotaCoin;
    writeUp: QuotaCoin;
    close: QuotaCoin;
  };

  constructor(
    readonly worker: LeadWorker,
    readonly rng: Rng,
    /** How their appointment setting swings from week to week (weekly-effort.ts). */
    readonly effort: WeeklyEffort = WeeklyEffort.steady,
  ) {
    const t = worker.traits;
    this.coins = {
      quickResponse: new QuotaCoin(t.quickResponseShare, rng),
      reach: new QuotaCoin(t.reach, rng),
      set: new QuotaCoin(t.set, rng),
      show: new QuotaCoin(t.show, rng),
      skipDemo: new QuotaCoin(t.skipDemo, rng),
      demo: new QuotaCoin(t.demo, rng),
      writeUp: new QuotaCoin(t.writeUp, rng),
      close: new QuotaCoin(t.close, rng),
    };
  }

  get id(): string {
    return this.worker.id;
  }
}
