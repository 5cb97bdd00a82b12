import {
  countsOf,
  NO_PEERS,
  peerGroups,
  peerPValue,
  peerValue,
  peerYardstick,
  typicalPeers,
} from '../../src/core/peers';
import { countPValue } from '../../src/core/significance';
import { rep } from './builders';
import {
  callsResult,
  integrityResult,
  overdueResult,
  ratioResult,
  responseResult,
  sequenceResult,
  staleResult,
} from './result-builders';

describe('peer groups without a store', () => {
  it('given a rep with no store, then their peers are the whole role, not the others without one', () => {
    const reps = [rep('A'), rep('B'), rep('C'), rep('D'), rep('E', { store: 'North' })];
    expect(peerGroups(reps)[0]).toEqual([1, 2, 3, 4]);
  });
});

describe('the counts behind each kind', () => {
  it('given each rate or share kind, then its achieved (or skipped, or suspicious) of what could be', () => {
    expect(countsOf(ratioResult(3, 10))).toEqual({ successes: 3, trials: 10 });
    expect(countsOf(responseResult(7, 9))).toEqual({ successes: 7, trials: 9 });
    expect(countsOf(sequenceResult(2, 30))).toEqual({ successes: 2, trials: 30 });
    expect(countsOf(integrityResult(4, 50))).toEqual({ successes: 4, trials: 50 });
    expect(countsOf(callsResult(10, 20))).toBeNull();
    expect(countsOf(overdueResult(2))).toBeNull();
  });
});

describe("the peers' value", () => {
  it('given no peers, then none', () => {
    expect(peerValue([])).toBeNull();
    expect(peerYardstick([])).toEqual(NO_PEERS);
  });

  it('given open items, then the mean per peer', () => {
    expect(peerValue([overdueResult(2), overdueResult(4), overdueResult(0)])).toBe(2);
    expect(peerValue([staleResult(1), staleResult(6)])).toBe(3.5);
  });

  it('given volumes, then events per working day over all their days; no working day, none', () => {
    expect(peerValue([callsResult(100, 200), callsResult(300, 200)])).toBe(10); // 400 over 40 days
    expect(peerValue([callsResult(5, 20, null, { workingDays: 0 })])).toBeNull();
  });

  it('given rates with no customer at all, then no value and no yardstick', () => {
    expect(peerValue([ratioResult(0, 0), ratioResult(0, 0)])).toBeNull();
    expect(peerYardstick([ratioResult(0, 0)])).toEqual(NO_PEERS);
  });
});

describe("the peers' attainment of volumes", () => {
  it('given peers at half, all and half of their own expectation, then the typical peer attains half', () => {
    const yardstick = peerYardstick([callsResult(100, 200), callsResult(300, 300), callsResult(50, 100)]);
    expect(yardstick.attainment).toBe(0.5);
  });

  it('given a peer with no expectation, then no attainment, and the rep is held to calls per day', () => {
    const peers = [callsResult(200, 200), callsResult(220, null), callsResult(180, 200)];
    const yardstick = peerYardstick(peers);
    expect(yardstick.attainment).toBeNull();
    // 600 calls over 60 days: 10 a day, so 20 days of the rep's are 200 expected.
    const rep = callsResult(120, 400);
    expect(peerPValue(rep, yardstick, 0)).toBeCloseTo(countPValue(120, 200, yardstick.dispersion, 'below'), 12);
  });

  it('given a peer expected to do nothing, then it is left out of the typical attainment and of the spread', () => {
    const yardstick = peerYardstick([
      callsResult(100, 100),
      callsResult(5, 0),
      callsResult(5, 0),
      callsResult(100, 100),
    ]);
    expect(yardstick.attainment).toBe(1);
    expect(yardstick.dispersion).toBe(1);
  });

  it('given an even number of peers, then the typical attainment is the mean of the middle two', () => {
    const yardstick = peerYardstick([callsResult(50, 100), callsResult(300, 100)]);
    expect(yardstick.attainment).toBe(1.75);
  });

  it('given a rep with no expectation among peers with one, then the rep is held to their calls per day', () => {
    const yardstick = peerYardstick([callsResult(200, 200), callsResult(200, 200), callsResult(200, 200)]);
    // The peers' 10 a day over the rep's 20 days: 200 expected, so 60 calls is far short.
    const rep = callsResult(60, null);
    expect(peerPValue(rep, yardstick, 0)).toBeCloseTo(countPValue(60, 200, yardstick.dispersion, 'below'), 12);
    expect(peerPValue(rep, yardstick, 0)).toBeLessThan(1e-6);
  });

  it('given peers all expected to do nothing, then no attainment at all', () => {
    expect(peerYardstick([callsResult(1, 0), callsResult(2, 0)]).attainment).toBeNull();
  });
});

describe("the peers' spread", () => {
  it('given only two peers, however far apart, then no spread is measured (1)', () => {
    expect(peerYardstick([callsResult(100, 200), callsResult(300, 200)]).dispersion).toBe(1);
  });

  it("given fewer than three peers' day-to-day spreads, then the days do not widen the yardstick", () => {
    const peers = [callsResult(200, 200, 9), callsResult(200, 200, 9), callsResult(200, 200, null)];
    expect(peerYardstick(peers).dispersion).toBe(1);
    const three = [callsResult(200, 200, 9), callsResult(200, 200, 9), callsResult(200, 200, 4)];
    expect(peerYardstick(three).dispersion).toBe(9);
  });

  it('given rates, then no day-to-day spread applies', () => {
    expect(peerYardstick([ratioResult(5, 10), ratioResult(5, 10), ratioResult(5, 10)]).dispersion).toBe(1);
  });

  it('given peers whose totals differ widely but whose days are steady, then the daily spread is the days’ alone', () => {
    const peers = peerYardstick([callsResult(260, 200, 1.5), callsResult(300, 200, 2), callsResult(340, 200, 3)]);
    expect(peers.dispersion).toBeGreaterThan(10); // people differ: the peer test's spread
    expect(peers.daily).toBe(2); // the typical day: the spread of one rep's own pace
    expect(peerYardstick([ratioResult(5, 10), ratioResult(5, 10), ratioResult(5, 10)]).daily).toBe(1);
  });
});

describe('the peers a rep is held to once the outliers are known', () => {
  const outliers = new Set([2]);
  const isOutlier = (index: number): boolean => outliers.has(index);

  it('given a colleague clearly worse than their own peers, then the rate and the volume are judged without them', () => {
    expect(typicalPeers(ratioResult(10, 40), [1, 2, 3], isOutlier, true)).toEqual([1, 3]);
    expect(typicalPeers(callsResult(100, 200), [1, 2, 3], isOutlier, true)).toEqual([1, 3]);
  });

  it('given no outlier among the peers, or nobody else left, then the whole group', () => {
    const group = [1, 3];
    expect(typicalPeers(ratioResult(10, 40), group, isOutlier, true)).toBe(group);
    expect(typicalPeers(ratioResult(10, 40), [2], isOutlier, true)).toEqual([2]);
  });

  it('given open items, then every peer stays: their allowance is no test, the peers are the only one', () => {
    expect(typicalPeers(overdueResult(6), [1, 2, 3], isOutlier, true)).toEqual([1, 2, 3]);
    expect(typicalPeers(staleResult(9), [1, 2, 3], isOutlier, true)).toEqual([1, 2, 3]);
  });

  it('given peers from other stores too, then every peer stays: the worse ones may be the rep’s own team', () => {
    expect(typicalPeers(ratioResult(10, 40), [1, 2, 3], isOutlier, false)).toEqual([1, 2, 3]);
  });
});

describe('the test against the peers, for each kind', () => {
  const peersAt = (results: Parameters<typeof peerYardstick>[0]) => peerYardstick(results);

  it('given response times, then answering fewer in time is the bad side', () => {
    const peers = peersAt([responseResult(80, 100), responseResult(80, 100)]);
    expect(peerPValue(responseResult(40, 100), peers, 0.05)).toBeLessThan(0.001);
    expect(peerPValue(responseResult(95, 100), peers, 0.05)).toBeGreaterThan(0.99);
  });

  it('given skips or suspicious calls, then more is the bad side', () => {
    const skips = peersAt([sequenceResult(5, 100), sequenceResult(5, 100)]);
    expect(peerPValue(sequenceResult(40, 100), skips, 0.05)).toBeLessThan(0.001);
    expect(peerPValue(sequenceResult(0, 100), skips, 0.05)).toBe(1);
    const fakes = peersAt([integrityResult(2, 100), integrityResult(2, 100)]);
    expect(peerPValue(integrityResult(30, 100), fakes, 0.05)).toBeLessThan(0.001);
    expect(peerPValue(integrityResult(0, 100), fakes, 0.05)).toBe(1);
  });

  it('given a rate compared with peers who have no counts behind their value, then it cannot be worse (1)', () => {
    const peers = { ...peersAt([ratioResult(5, 10)]), pooled: null };
    expect(peerPValue(ratioResult(0, 40), peers, 0.05)).toBe(1);
  });

  it('given open items, then the margin raises what the peers allow', () => {
    const peers = peersAt([overdueResult(2), overdueResult(2), overdueResult(2)]);
    // 5 overdue against peers at 2, with a margin of a half: tested against 3, not 1.
    expect(peerPValue(overdueResult(5), peers, 0.5)).toBeCloseTo(countPValue(5, 3, peers.dispersion, 'above'), 12);
    expect(peerPValue(staleResult(5), peersAt([staleResult(2), staleResult(2), staleResult(2)]), 0.5)).toBeCloseTo(
      countPValue(5, 3, 1, 'above'),
      12,
    );
  });
});
