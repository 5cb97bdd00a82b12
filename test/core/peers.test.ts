import type { CoachingResult } from '../../src/core/coach';
import { NO_PEERS, peerGroups, peerPValue, peerValue, peerYardstick, storeColleagues } from '../../src/core/peers';
import { DealershipCalendar } from '../../src/core/calendar';
import { event, events, local, modelBuilder, ratio, rep, run, volume, windowOf } from './builders';
import { callsResult, ratioResult } from './result-builders';

const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
const flaggedOf = (coaching: CoachingResult, repId: string) =>
  coaching.diagnoses.find((d) => d.repId === repId)?.flagged ?? [];

/** `contacts` contacts on distinct customers, the first `sets` of them followed by an appointment. */
function contactsAndSets(repId: string, contacts: number, sets: number) {
  return [
    ...events('contact', repId, contacts, day(2), (i) => `${repId}-C${i}`),
    ...Array.from({ length: sets }, (_, i) => event('appointment_set', repId, `${repId}-C${i}`, day(20) + i * 60_000)),
  ];
}

describe('who a rep is compared with', () => {
  it('given salespeople in two stores and a setter, then peers share the role, and the store when it has three', () => {
    const reps = [
      rep('A', { store: 'North' }),
      rep('B', { store: 'North' }),
      rep('C', { store: 'North' }),
      rep('D', { store: 'North' }),
      rep('E', { store: 'South' }),
      rep('S', { store: 'North', role: 'setter' }),
    ];
    expect(peerGroups(reps)).toEqual([
      [1, 2, 3], // A: three other salespeople in North
      [0, 2, 3],
      [0, 1, 3],
      [0, 1, 2],
      [0, 1, 2, 3], // E: alone in South, so the dealership's salespeople
      [], // the setter has no other setter: the target alone judges them
    ]);
  });

  it('given peers taken from the whole dealership, then the colleagues of their own store are named apart', () => {
    const reps = [
      rep('A', { store: 'North', role: 'setter' }),
      rep('B', { store: 'North', role: 'setter' }),
      rep('C', { store: 'South', role: 'setter' }),
      rep('D', { store: 'South', role: 'setter' }),
      rep('E', { store: 'South', role: 'setter' }),
      rep('F', { store: 'South', role: 'setter' }),
      rep('G', { store: null, role: 'setter' }),
    ];
    const groups = peerGroups(reps);
    expect(groups[0]).toEqual([1, 2, 3, 4, 5, 6]); // one colleague in North: the dealership's setters
    expect(groups[2]).toEqual([3, 4, 5]); // three in South: South's
    expect(storeColleagues(reps, groups)).toEqual([[1], [0], [], [], [], [], []]);
  });

  it("given the peers' results, then their value pools the counts, so a large sample weighs more", () => {
    const value = peerValue([
      ratioResult(10, 100, { low: 0.06, high: 0.16 }),
      ratioResult(9, 10, { low: 0.6, high: 0.98 }),
    ]);
    expect(value).toBeCloseTo(19 / 110, 10);
  });

  it('given a rep 10 points below peers on 100 customers, then worse than them by a 5-point margin; no peers, worse', () => {
    const rep = ratioResult(40, 100, { low: 0.32, high: 0.48 });
    const peers = peerYardstick([ratioResult(500, 1000, { low: 0.47, high: 0.53 })]);
    expect(peerPValue(rep, peers, 0.05)).toBeLessThan(0.2);
    expect(peerPValue(rep, peers, 0.05)).toBeGreaterThan(0.05); // 10 points on 100 is no proof of 5 beyond the margin
    expect(peerPValue(ratioResult(25, 100, { low: 0.18, high: 0.33 }), peers, 0.05)).toBeLessThan(0.001);
    expect(peerPValue(rep, NO_PEERS, 0.05)).toBe(0);
  });

  it('given peers with few customers, then their own uncertainty weakens the comparison', () => {
    const rep = ratioResult(30, 100, { low: 0.23, high: 0.38 });
    const many = peerYardstick([ratioResult(500, 1000, { low: 0.47, high: 0.53 })]);
    const few = peerYardstick([ratioResult(10, 20, { low: 0.32, high: 0.68 })]);
    expect(peerPValue(rep, few, 0.05)).toBeGreaterThan(peerPValue(rep, many, 0.05));
  });

  it('given peers whose call counts spread more than Poisson, then a rep 20% below them is within that spread', () => {
    const calls = (observed: number, dailyDispersion: number | null = null) =>
      callsResult(observed, 200, dailyDispersion);
    const steady = peerYardstick([calls(200), calls(205), calls(195)]);
    const spread = peerYardstick([calls(140), calls(260), calls(200)]);
    expect(steady).toMatchObject({ value: 10, attainment: 1, dispersion: 1 });
    expect(spread.dispersion).toBeGreaterThan(10);
    expect(peerPValue(calls(160), steady, 0.05)).toBeLessThan(0.05);
    expect(peerPValue(calls(160), spread, 0.05)).toBeGreaterThan(0.05);
    // Steady totals, but days that swing: the day-to-day spread widens the test too.
    const swinging = peerYardstick([calls(200, 4), calls(205, 4), calls(195, 4)]);
    expect(swinging.dispersion).toBe(4);
  });

  it('given peers with different goals, then the rep is compared with their share of their own expectation', () => {
    const calls = (observed: number, expected: number) => callsResult(observed, expected);
    const peers = peerYardstick([calls(400, 400), calls(200, 200), calls(300, 300)]);
    expect(peers.attainment).toBe(1);
    // 150 calls where 150 are expected is the peers' pace, though below their calls per day.
    expect(peerPValue(calls(150, 150), peers, 0.05)).toBeGreaterThan(0.3);
    expect(peerPValue(calls(150, 400), peers, 0.05)).toBeLessThan(0.001);
  });
});

describe('a weakness the whole team shares is not one rep’s', () => {
  const model = modelBuilder().measures(ratio()).build();
  const reps = ['A', 'B', 'C', 'D', 'E'].map((id) => rep(id));

  it('given every rep setting 25% of contacts against a 60% target, then nobody gets a flag of their own', () => {
    const coaching = run(model, { reps, events: reps.flatMap((r) => contactsAndSets(r.id, 40, 10)) });
    expect(reps.flatMap((r) => flaggedOf(coaching, r.id))).toEqual([]);
  });

  it('given a rep at 35% beside a colleague at 10% and peers at 65%, then the weak colleague does not hide them', () => {
    const six = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => rep(id));
    const coaching = run(model, {
      reps: six,
      events: [
        ...contactsAndSets('A', 40, 14),
        ...contactsAndSets('B', 40, 4),
        ...six.slice(2).flatMap((r) => contactsAndSets(r.id, 40, 26)),
      ],
    });
    // Pooled with B the peers set 54%, and 35% is no proof of 8 points below that; without B they set 65%.
    const [finding] = flaggedOf(coaching, 'A');
    expect(finding?.measure).toBe('set_rate');
    expect(finding?.evidence).toContain('Peers (4 other salespeople of North): 65%.');
    expect(flaggedOf(coaching, 'B').map((f) => f.measure)).toEqual(['set_rate']);
    expect(six.slice(2).flatMap((r) => flaggedOf(coaching, r.id))).toEqual([]);
  });

  it('given two stores of three, one whole store setting less, then none of its reps is flagged for it', () => {
    // Three a store is too few to be one's own peers: each is held to the dealership's five others.
    const north = ['A', 'B', 'C'].map((id) => rep(id, { store: 'North' }));
    const south = ['D', 'E', 'F'].map((id) => rep(id, { store: 'South' }));
    /** `contacts` contacts a minute apart on one day, the first `sets` booked later. */
    const booked = (repId: string, contacts: number, sets: number) => [
      ...Array.from({ length: contacts }, (_, i) => event('contact', repId, `${repId}-C${i}`, day(2) + i * 60_000)),
      ...Array.from({ length: sets }, (_, i) => event('appointment_set', repId, `${repId}-C${i}`, day(9) + i * 60_000)),
    ];
    const coaching = run(model, {
      reps: [...north, ...south],
      events: [...north.flatMap((r) => booked(r.id, 300, 142)), ...south.flatMap((r) => booked(r.id, 232, 155))],
    });
    // North's two colleagues are clearly worse than the pool, as North is: left out, South alone would be the bar.
    expect(north.flatMap((r) => flaggedOf(coaching, r.id))).toEqual([]);
  });

  it("given a rep alone in their store, then the dealership's peers they are held to keep the clearly worse", () => {
    // E's peers are North's four, one of them far below the rest: they may be E's own team's gap, so none is left out.
    const north = ['A', 'B', 'C', 'D'].map((id) => rep(id, { store: 'North' }));
    const e = rep('E', { store: 'South' });
    const coaching = run(model, {
      reps: [...north, e],
      events: [
        ...north.slice(0, 3).flatMap((r) => contactsAndSets(r.id, 200, 130)),
        ...contactsAndSets('D', 200, 20),
        ...contactsAndSets('E', 200, 90),
      ],
    });
    // Against all four (51% pooled) 45% is within the margin; against the three typical ones (65%) it would not be.
    expect(flaggedOf(coaching, 'E')).toEqual([]);
    expect(flaggedOf(coaching, 'D').map((f) => f.measure)).toEqual(['set_rate']);
  });

  it("given a rep held to two stores' peers, then the clearly worse of the other store are not left out either", () => {
    // A and B are North's two; South's four are their own peers. A's yardstick is B and South's four, F included.
    const reps = [
      ...['A', 'B'].map((id) => rep(id, { store: 'North' })),
      ...['C', 'D', 'E', 'F'].map((id) => rep(id, { store: 'South' })),
    ];
    const coaching = run(model, {
      reps,
      events: [
        ...contactsAndSets('A', 200, 90),
        ...['B', 'C', 'D', 'E'].flatMap((id) => contactsAndSets(id, 200, 130)),
        ...contactsAndSets('F', 200, 20),
      ],
    });
    // Against all five (54% pooled) 45% on 200 is no proof of 8 points below; without F (65%) it would be.
    expect(flaggedOf(coaching, 'A')).toEqual([]);
    expect(flaggedOf(coaching, 'F').map((f) => f.measure)).toEqual(['set_rate']);
  });

  describe('given setters too few in each store to be their own peers', () => {
    const setters = ['N1', 'N2']
      .map((id) => rep(id, { store: 'North', role: 'setter' }))
      .concat(['S1', 'S2', 'S3'].map((id) => rep(id, { store: 'South', role: 'setter' })));
    const south = setters.slice(2).flatMap((r) => contactsAndSets(r.id, 200, 130));

    it("when North's two both set 35% and South's 65%, then neither is flagged: it is their store's gap", () => {
      const north = [...contactsAndSets('N1', 200, 70), ...contactsAndSets('N2', 200, 70)];
      const coaching = run(model, { reps: setters, events: [...north, ...south] });
      // Against the four others (57.5% pooled) each would be 22 points below; against the other of North, 0.
      expect(setters.flatMap((r) => flaggedOf(coaching, r.id))).toEqual([]);
    });

    it('when one of North sets 35% and the other 65%, then the one is flagged, below both yardsticks', () => {
      const north = [...contactsAndSets('N1', 200, 70), ...contactsAndSets('N2', 200, 130)];
      const coaching = run(model, { reps: setters, events: [...north, ...south] });
      const [finding] = flaggedOf(coaching, 'N1');
      expect(finding?.measure).toBe('set_rate');
      expect(finding?.evidence).toContain(
        'Peers (4 other setters): 65%. This rep is clearly below them too and below the other setter of North (65%), so',
      );
      expect(setters.slice(1).flatMap((r) => flaggedOf(coaching, r.id))).toEqual([]);
    });
  });

  it('given one rep at 5% among peers at 25%, then only that rep is flagged, and the evidence names the peers', () => {
    const weak = contactsAndSets('A', 40, 2);
    const others = reps.slice(1).flatMap((r) => contactsAndSets(r.id, 40, 10));
    const coaching = run(model, { reps, events: [...weak, ...others] });
    const [finding] = flaggedOf(coaching, 'A');
    expect(finding?.measure).toBe('set_rate');
    expect(finding?.evidence).toContain('Peers (4 other salespeople of North): 25%.');
    expect(reps.slice(1).flatMap((r) => flaggedOf(coaching, r.id))).toEqual([]);
  });
});

describe('volume against the peers', () => {
  const model = modelBuilder()
    .measures(volume({ perDay: 10 }))
    .build();

  it('given a rep below the expectation but calling as much as the peers, then no Activity flag', () => {
    const reps = ['A', 'B', 'C'].map((id) => rep(id));
    const coaching = run(model, {
      reps,
      events: reps.flatMap((r) => events('attempt', r.id, 120, day(1), (i) => `${r.id}-L${i}`)),
    });
    expect(reps.flatMap((r) => flaggedOf(coaching, r.id))).toEqual([]);
  });

  it('given peers calling half again the expectation and differing widely, then a rep at 70% of it is flagged', () => {
    const calendar = new DealershipCalendar(model.dealership);
    const { startDay, endDay } = windowOf(model);
    const workingDays = Array.from({ length: endDay - startDay + 1 }, (_, i) => startDay + i).filter((d) =>
      calendar.isWorkingDay(d),
    );
    /** `perDay` calls on each working day of the window: steady days, whatever the total. */
    const steady = (repId: string, perDay: number) =>
      workingDays.flatMap((d) => events('attempt', repId, perDay, calendar.instantAt(d, 9 * 60)));
    const reps = ['A', 'B', 'C', 'D'].map((id) => rep(id));
    const coaching = run(model, {
      reps,
      events: [...steady('A', 7), ...steady('B', 13), ...steady('C', 15), ...steady('D', 17)],
    });
    // Held to the peers' spread, 7 a day against 10 expected could be a pace of 10 (p ≈ 0.1); the
    // rep's own steady days say it is not, and 7 against the peers' 15 is beyond how they differ.
    expect(flaggedOf(coaching, 'A').map((f) => f.measure)).toEqual(['calls']);
    expect(reps.slice(1).flatMap((r) => flaggedOf(coaching, r.id))).toEqual([]);
  });

  it('given a rep calling a third of what the peers call, then the Activity flag is theirs', () => {
    const reps = ['A', 'B', 'C'].map((id) => rep(id));
    const coaching = run(model, {
      reps,
      events: [
        ...events('attempt', 'A', 40, day(1), (i) => `A-L${i}`),
        ...events('attempt', 'B', 120, day(1), (i) => `B-L${i}`),
        ...events('attempt', 'C', 120, day(1), (i) => `C-L${i}`),
      ],
    });
    expect(flaggedOf(coaching, 'A').map((f) => f.measure)).toEqual(['calls']);
    expect([...flaggedOf(coaching, 'B'), ...flaggedOf(coaching, 'C')]).toEqual([]);
  });
});
