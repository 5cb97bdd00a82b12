import type { DemoDataset, DemoProfile } from '../../../src/sandbox/demo/types';
import { DEMO_NOW, generate } from './builders';
import { DemoMeasures, rate, wilsonUpper90, type Ratio, type RepMeasures } from './measures';
import { LocalTime } from './local-time';

/** The store's default targets: an ordinary salesperson must not be flagged on any. */
const TARGETS = { contact: 0.63, set: 0.6, show: 0.58, demo: 0.75, writeUp: 0.7, close: 0.6, respondedIn30: 0.8 };
const MAX_OVERDUE = 3;
const MAX_STALE = 5;
/** A Skill finding needs a sample well above the config's minimum (about 30). */
const SKILL_SAMPLE = 40;
const WINDOW_DAYS = 30;
/** The store whose whole team writes up few demos (profiles.ts, STORE_HABITS); the other store does not. */
const WRITE_UP_GAP_STORE = 'Cedar Park Honda';
/** The config's coaching.peerMargin: how far below their peers a rep must be for a flag of their own. */
const PEER_MARGIN = 0.08;

let data: DemoDataset;
let measures: DemoMeasures;
const byProfile = new Map<DemoProfile, RepMeasures[]>();
const storeOf = new Map<RepMeasures, string>();

beforeAll(() => {
  data = generate();
  measures = new DemoMeasures(data, 'America/Chicago', DEMO_NOW, WINDOW_DAYS);
  const users = new Map((data.records.User ?? []).map((u) => [u.Id, u]));
  for (const p of data.profiles) {
    // The new hire has worked only since their User record was created.
    const since = new LocalTime('America/Chicago').date(
      Date.parse(String(users.get(p.userId)?.CreatedDate).replace('+0000', 'Z')),
    );
    const m = measures.of(p.userId, since);
    byProfile.set(p.profile, [...(byProfile.get(p.profile) ?? []), m]);
    storeOf.set(m, p.store);
  }
});

const one = (profile: DemoProfile): RepMeasures => {
  const found = byProfile.get(profile)?.[0];
  if (found === undefined) throw new Error(`no ${profile} salesperson`);
  return found;
};
const team = (): RepMeasures[] => [...(byProfile.get('strong') ?? []), ...(byProfile.get('ordinary') ?? [])];
const sum = (ratios: Ratio[]): Ratio =>
  ratios.reduce((a, r) => ({ hits: a.hits + r.hits, of: a.of + r.of }), { hits: 0, of: 0 });
const pooled = (pick: (m: RepMeasures) => Ratio, reps = team()): number => rate(sum(reps.map(pick)));
/** The salespeople of one store, every profile (the BDC agent sells nothing). */
const salespeopleOf = (store: string): RepMeasures[] =>
  [...byProfile.entries()].flatMap(([profile, all]) =>
    profile === 'bdc' ? [] : all.filter((m) => storeOf.get(m) === store),
  );
/** A rate the store's whole team shares is the team's finding, not a flag on its reps (see the store test). */
const sharedByStore = (name: string, m: RepMeasures): boolean =>
  name === 'writeUp' && storeOf.get(m) === WRITE_UP_GAP_STORE;
const stageRatio = (m: RepMeasures, from: string, to: string): Ratio => ({
  hits: Math.min(m.stages[to] ?? 0, m.stages[from] ?? 0),
  of: m.stages[from] ?? 0,
});
const showRatio = (m: RepMeasures): Ratio => m.show;
const demoRatio = (m: RepMeasures): Ratio => ({ hits: Math.min(m.stages['Demo'] ?? 0, m.shown), of: m.shown });
const writeUpRatio = (m: RepMeasures): Ratio => stageRatio(m, 'Demo', 'Write-Up');
const callsPerDay = (m: RepMeasures) => m.attempts / m.workingDays;

describe('the planted profiles, measured plainly over the last 30 full days', () => {
  it('given the profiles list, then it names every planted salesperson, the BDC agent, and their stores', () => {
    expect(data.profiles.map((p) => p.profile)).toEqual([
      'strong',
      'strong',
      'strong',
      'low_activity',
      'rarely_sets',
      'no_shows',
      'skips_demo',
      'slow_responder',
      'fake_calls',
      'new_hire',
      'ordinary',
      'ordinary',
      'bdc',
    ]);
    expect(new Set(data.profiles.map((p) => p.store)).size).toBe(2);
  });

  it("given the store whose team writes up few demos, then the team is confidently below the target, the other store's is above, and no rep there stands out", () => {
    const gapStore = salespeopleOf(WRITE_UP_GAP_STORE);
    const otherStore = data.profiles.find((p) => p.profile !== 'bdc' && p.store !== WRITE_UP_GAP_STORE)?.store ?? '';
    expect(gapStore).toHaveLength(6);
    expect(sum(gapStore.map(writeUpRatio)).of).toBeGreaterThanOrEqual(2 * SKILL_SAMPLE);
    expect(wilsonUpper90(sum(gapStore.map(writeUpRatio)))).toBeLessThan(TARGETS.writeUp);
    expect(pooled(writeUpRatio, salespeopleOf(otherStore))).toBeGreaterThanOrEqual(TARGETS.writeUp);
    for (const m of gapStore) {
      const peers = pooled(
        writeUpRatio,
        gapStore.filter((other) => other !== m),
      );
      expect({ rep: gapStore.indexOf(m), atPeersLevel: wilsonUpper90(writeUpRatio(m)) >= peers - PEER_MARGIN }).toEqual(
        {
          rep: gapStore.indexOf(m),
          atPeersLevel: true,
        },
      );
    }
  });

  it("given the rarely-setting rep, then their contacted→set share is far below the team's on a large sample", () => {
    const m = one('rarely_sets');
    expect(m.set.of).toBeGreaterThanOrEqual(SKILL_SAMPLE);
    expect(rate(m.set)).toBeLessThan(0.2);
    expect(wilsonUpper90(m.set)).toBeLessThan(TARGETS.set);
    expect(pooled((t) => t.set)).toBeGreaterThanOrEqual(0.65);
    expect(callsPerDay(m)).toBeGreaterThanOrEqual(Math.min(...team().map(callsPerDay)));
  });

  it("given the low-activity rep, then their outbound calls per working day are well below the team's (a fifth to a half of it)", () => {
    const teamMean = team().reduce((a, m) => a + callsPerDay(m), 0) / team().length;
    const share = callsPerDay(one('low_activity')) / teamMean;
    // About a quarter in the 30 days measured (0.26, then 0.25 once the weekly swings of appointment setting
    // redrew the other salespeople's random streams): the bounds say "well below", not one dataset's figure.
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.5);
  });

  it('given the no-shows rep, then few of the appointments they set show', () => {
    const m = one('no_shows');
    expect(m.show.of).toBeGreaterThanOrEqual(SKILL_SAMPLE);
    expect(rate(m.show)).toBeLessThan(0.3);
    expect(wilsonUpper90(m.show)).toBeLessThan(TARGETS.show);
  });

  it('given the demo-skipping rep, then most of their sales have no Demo stage, and nobody else skips it', () => {
    const m = one('skips_demo');
    const sold = m.stages['Closed Won'] ?? 0;
    expect(sold).toBeGreaterThanOrEqual(8);
    expect(m.salesWithoutDemo / sold).toBeGreaterThan(0.6);
    expect(team().every((t) => t.salesWithoutDemo === 0)).toBe(true);
  });

  it('given the slow responder, then first calls take hours, follow-ups are overdue and leads go stale', () => {
    const m = one('slow_responder');
    expect(m.medianFirstCallMinutes).toBeGreaterThan(120);
    expect(rate(m.respondedIn30)).toBeLessThan(0.3);
    expect(m.overdueFollowUps).toBeGreaterThanOrEqual(5);
    expect(m.staleLeads).toBeGreaterThanOrEqual(MAX_STALE);
  });

  it('given the fake caller, then they log bursts of ≥10 calls within 5 minutes, some short ones marked Contacted', () => {
    expect(one('fake_calls').bursts).toBeGreaterThanOrEqual(10);
    const fakeId = data.profiles.find((p) => p.profile === 'fake_calls')?.userId;
    const shortContacts = (data.records.Task ?? []).filter(
      (t) => t.OwnerId === fakeId && t.CallDisposition === 'Contacted' && (t.CallDurationInSeconds as number) < 20,
    );
    expect(shortContacts.length).toBeGreaterThanOrEqual(10);
    expect([...team(), one('low_activity'), one('slow_responder')].every((t) => t.bursts === 0)).toBe(true);
  });

  it('given the new hire, then their sample is tiny', () => {
    const m = one('new_hire');
    expect(m.contact.hits).toBeGreaterThan(0);
    expect(m.contact.hits).toBeLessThanOrEqual(8);
  });

  it('given the strong and ordinary reps, then none is confidently below any target and the team sits above each', () => {
    const ratios: Array<[keyof typeof TARGETS, (m: RepMeasures) => Ratio]> = [
      ['contact', (m) => m.contact],
      ['set', (m) => m.set],
      ['show', showRatio],
      ['demo', demoRatio],
      ['writeUp', writeUpRatio],
      ['close', (m) => stageRatio(m, 'Write-Up', 'Closed Won')],
      ['respondedIn30', (m) => m.respondedIn30],
    ];
    const misses: string[] = [];
    for (const [name, pick] of ratios) {
      const judged = team().filter((m) => !sharedByStore(name, m));
      for (const m of judged)
        if (wilsonUpper90(pick(m)) < TARGETS[name]) misses.push(`rep ${team().indexOf(m)} confidently below ${name}`);
      if (pooled(pick, judged) < TARGETS[name]) misses.push(`team ${name} ${pooled(pick, judged).toFixed(3)}`);
    }
    team().forEach((m, i) => {
      if (rate(m.respondedIn30) < TARGETS.respondedIn30) misses.push(`rep ${i} responds late`);
      if (m.overdueFollowUps >= MAX_OVERDUE) misses.push(`rep ${i} overdue ${m.overdueFollowUps}`);
      if (m.staleLeads >= MAX_STALE) misses.push(`rep ${i} stale ${m.staleLeads}`);
    });
    expect(misses).toEqual([]);
    expect(team()).toHaveLength(5);
  });
});
