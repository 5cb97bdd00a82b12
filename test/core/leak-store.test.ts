import type { Conversions } from '../../src/core/conversion';
import { type StoreEffect, type StoreEffects, storeLeakOf } from '../../src/core/leak-store';
import { weaknessOf } from '../../src/core/weakness';
import { events, local, modelBuilder, rep, responseTime, run, volume } from './builders';
import { callsResult, ratioResult, responseResult } from './result-builders';

const WEEKS_A_MONTH = 52 / 12;

/** An effect as the analysis reports it; by default calls per working day, predictive, 0.3…0.9 units a week. */
function effect(over: Partial<StoreEffect> = {}): StoreEffect {
  return {
    id: 'attempt',
    kind: 'per working day',
    verdict: 'predictive here',
    slope: 0.6,
    slopeInterval: { low: 0.3, high: 0.9 },
    people: 11,
    personWeeks: 99,
    ...over,
  };
}
const responseEffect = (over: Partial<StoreEffect> = {}): StoreEffect =>
  effect({ id: 'lead_response', kind: 'share', slope: 2, slopeInterval: { low: 1.2, high: 2.8 }, ...over });
/** The analysis' effects over its default lag window, weeks 1–4 after. */
const analysed = (...measures: StoreEffect[]): StoreEffects => ({ lag: { from: 1, to: 4 }, measures });

const conversions = {
  teamToGoal: (): number => 0.1,
  repToGoal: (): number => 0.05,
} as unknown as Conversions;
const forRep = { conversions, monthScale: 1.25, rep: { rep: rep('A'), index: 0 } };
const model = modelBuilder().build();

describe('a leak priced by the store’s own effect', () => {
  it('given calls short by 100 over 20 working days and calls predictive here, then 5 a day × the low end in each of the 4 weeks after × weeks a month', () => {
    const leak = storeLeakOf(callsResult(150, 250), volume(), analysed(effect()));

    expect(leak?.units).toBeCloseTo(5 * 0.3 * 4 * WEEKS_A_MONTH, 12);
    expect(leak?.formula).toBe(
      "by this store's own history (analyze: predictive here, from 11 salespeople and 99 person-weeks: one more a " +
        'working day goes with 0.3…0.9 more units a week, 95% interval, in each of weeks 1–4 after; the low end is ' +
        'used): shortfall 5 a working day × 0.3 × 4 weeks after × 4.333 weeks a month',
    );
  });

  it('given a lag window of one week, then the effect counts once and the text names the week', () => {
    const leak = storeLeakOf(callsResult(150, 250), volume(), { lag: { from: 2, to: 2 }, measures: [effect()] });

    expect(leak?.units).toBeCloseTo(5 * 0.3 * WEEKS_A_MONTH, 12);
    expect(leak?.formula).toContain('0.3…0.9 more units a week, 95% interval, in week 2 after;');
    expect(leak?.formula).toMatch(/× 0\.3 × 1 weeks after × 4\.333 weeks a month$/);
  });

  it('given late answers and the response share predictive here, then the share gap × the low end × 4 weeks × weeks a month', () => {
    const leak = storeLeakOf(responseResult(20, 40, 0.8), responseTime(), analysed(effect(), responseEffect()));

    expect(leak?.units).toBeCloseTo((0.8 - 0.5) * 1.2 * 4 * WEEKS_A_MONTH, 12);
    expect(leak?.formula).toBe(
      "by this store's own history (analyze: predictive here, from 11 salespeople and 99 person-weeks: 100% of leads " +
        'answered within 30 min goes with 1.2…2.8 more units a week, 95% interval, in each of weeks 1–4 after; the ' +
        'low end is used): (0.8 − 0.5) × 1.2 × 4 weeks after × 4.333 weeks a month',
    );
  });

  it('given a volume at or above its expectation, then it loses nothing by the store’s effect either', () => {
    expect(storeLeakOf(callsResult(300, 250), volume(), analysed(effect()))?.units).toBe(0);
  });

  it('given the analysis is not confident, or measured something else, then the chain must price it (null)', () => {
    const calls = callsResult(150, 250);
    expect(storeLeakOf(calls, volume(), analysed(effect({ verdict: 'not predictive here' })))).toBeNull();
    expect(
      storeLeakOf(calls, volume(), analysed(effect({ verdict: 'not enough data', slope: null, slopeInterval: null }))),
    ).toBeNull();
    expect(storeLeakOf(calls, volume(), analysed())).toBeNull();
    // The same id as a share is not the step's count a working day.
    expect(storeLeakOf(calls, volume(), analysed(effect({ kind: 'share' })))).toBeNull();
    const contacts = callsResult(150, 250, null, { step: 'contact' });
    expect(storeLeakOf(contacts, volume({ step: 'contact' }), analysed(effect()))).toBeNull();
    expect(storeLeakOf(callsResult(150, null), volume(), analysed(effect()))).toBeNull();
    expect(storeLeakOf(responseResult(20, 40), responseTime(), analysed(effect()))).toBeNull();
    // Only volume and response time have a candidate in the analysis.
    expect(storeLeakOf(ratioResult(10, 40), volume(), analysed(effect()))).toBeNull();
  });
});

describe('which source a weakness is priced by', () => {
  it('given no store effects, then the chain, as before', () => {
    const { leak, weakness } = weaknessOf(callsResult(150, 250), volume(), model, forRep);

    expect(leak.formula).toBe('shortfall 100 × conversion 0.05 × 1.25 (month ÷ window working days)');
    expect(weakness.lostUnits).toBe(6.25);
  });

  it('given a confident effect, then the store’s; given an unsure one, then the chain', () => {
    const sure = weaknessOf(callsResult(150, 250), volume(), model, { ...forRep, storeEffects: analysed(effect()) });
    const unsure = weaknessOf(callsResult(150, 250), volume(), model, {
      ...forRep,
      storeEffects: analysed(effect({ verdict: 'not predictive here', slopeInterval: { low: -0.1, high: 0.9 } })),
    });

    expect(sure.weakness.lostUnits).toBe(26);
    expect(sure.leak.formula).toMatch(/^by this store's own history/);
    expect(unsure.leak.formula).toBe('shortfall 100 × conversion 0.05 × 1.25 (month ÷ window working days)');
  });
});

describe('the store’s effect through a run', () => {
  const day = local('2026-11-02', '09:00');
  const calls = (repId: string, n: number) =>
    events('attempt', repId, n, day).map((e, i) => ({ ...e, at: day + i * 600_000 }));
  const callsModel = modelBuilder()
    .measures(volume({ perDay: 10 }))
    .build();

  it('given a salesperson short on calls and calls predictive here, then the flag is priced and explained by the store’s history', () => {
    // 200 calls in 24 working days against 10 a day: 40 short, 1.667 a day.
    const coaching = run(callsModel, { events: calls('A', 200), storeEffects: analysed(effect()) });
    const [finding] = coaching.findings;

    expect(finding?.lostUnits).toBe(Math.round((40 / 24) * 0.3 * 4 * WEEKS_A_MONTH * 100) / 100);
    expect(finding?.evidence).toContain(
      "Estimated cost: by this store's own history (analyze: predictive here, from 11 salespeople and 99 " +
        'person-weeks: one more a working day goes with 0.3…0.9 more units a week, 95% interval, in each of weeks 1–4 ' +
        'after; the low end is used): shortfall 1.667 a working day × 0.3 × 4 weeks after × 4.333 weeks a month = ' +
        '8.67 units a month.',
    );
  });

  it('given the same run without store effects, then the chain’s wording and price', () => {
    const [finding] = run(callsModel, { events: calls('A', 200) }).findings;

    expect(finding?.evidence).toMatch(/\nEstimated cost: shortfall 40 × conversion 0 × [\d.]+ \(month ÷ window/);
    expect(finding?.lostUnits).toBe(0);
  });

  it('given a setter short on calls, then the chain: the effect is measured on salespeople’s own sales', () => {
    const coaching = run(callsModel, {
      reps: [rep('A', { role: 'setter' })],
      events: calls('A', 200),
      storeEffects: analysed(effect()),
    });
    const [finding] = coaching.findings;

    expect(finding?.measure).toBe('calls');
    expect(finding?.evidence).toMatch(/\nEstimated cost: shortfall 40 × conversion 0 × /);
  });
});
