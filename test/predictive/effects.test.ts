import { outOfSampleCheck } from '../../src/core/predictive-check';
import { estimateEffects, MIN_PEOPLE, MIN_PERSON_WEEKS } from '../../src/core/predictive-effects';
import type { Panel } from '../../src/core/predictive-panel';
import { seededRandom } from '../../src/core/seeded-random';
import { panelOf } from './builders';
import { studentTQuantile } from '../../src/lib/student-t';

const SEED = { seed: 7, tQuantile: studentTQuantile };

/** Each person has their own level of x (person × 2) and of sales; within them, sales follow x with `slope`. */
function driven(slope: number, people = 10, weeks = 20): Panel {
  return panelOf(
    people,
    weeks,
    (p, _w, noise) => 2 * p + noise(),
    (p, _w, x, noise) => 5 * p + slope * (x - 2 * p) + 0.3 * noise(),
  );
}

describe('the bootstrap of a large store', () => {
  it('given 120 people, when estimated, then the draws over the once-demeaned rows give the exact draws’ verdict and an interval within 3% of theirs', () => {
    const panel = driven(0.05, 120, 30);

    const [fast] = estimateEffects(panel, SEED);
    const [exact] = estimateEffects(panel, { ...SEED, onceDemeanedFromPeople: Number.POSITIVE_INFINITY });

    expect(fast!.slope).toBe(exact!.slope);
    expect(fast!.verdict).toBe(exact!.verdict);
    const width = (e: typeof fast): number => e!.slopeInterval!.high - e!.slopeInterval!.low;
    expect(Math.abs(width(fast) / width(exact) - 1)).toBeLessThan(0.03);
  });

  it('given 120 people of whom only two ever vary, then the once-demeaned draws find no variation as often as the exact ones: not enough data', () => {
    const panel = panelOf(
      120,
      20,
      (p, _w, noise) => (p < 2 ? 3 + noise() : 3),
      (p, _w, _x, noise) => p + 0.3 * noise(),
    );

    const [fast] = estimateEffects(panel, SEED);
    const [exact] = estimateEffects(panel, { ...SEED, onceDemeanedFromPeople: Number.POSITIVE_INFINITY });

    expect([fast!.verdict, exact!.verdict]).toEqual(['not enough data', 'not enough data']);
  });

  it('given fewer people than the threshold, then every draw re-demeans: the same bits as forcing it', () => {
    const panel = driven(0.5, 30, 20);

    expect(estimateEffects(panel, SEED)).toEqual(
      estimateEffects(panel, { ...SEED, onceDemeanedFromPeople: Number.POSITIVE_INFINITY }),
    );
    expect(estimateEffects(panel, { ...SEED, onceDemeanedFromPeople: 30 })).not.toEqual(estimateEffects(panel, SEED));
  });
});

describe('the effect of a measure on later sales', () => {
  it('given sales that follow x within each person, when estimated, then the slope is found and the measure is predictive here', () => {
    const [effect] = estimateEffects(driven(1.5), SEED);

    expect(effect!.slope).toBeCloseTo(1.5, 1);
    expect(effect!.slopeInterval!.low).toBeGreaterThan(0);
    expect(effect!.verdict).toBe('predictive here');
  });

  it('given people who sell more and also do more x, but no link within any person, then it is not predictive here', () => {
    const [effect] = estimateEffects(driven(0), SEED);

    expect(Math.abs(effect!.slope!)).toBeLessThan(0.2);
    expect(effect!.verdict).toBe('not predictive here');
  });

  it('given a busy season that raises everyone’s x and sales in the same weeks, and no link within a person, then it is not predictive here', () => {
    const season = (w: number): number => 3 * Math.sin(w / 3);
    const panel = panelOf(
      10,
      20,
      (p, w, noise) => p + season(w) + noise(),
      (p, w, _x, noise) => p + 2 * season(w) + 0.3 * noise(),
    );

    const [effect] = estimateEffects(panel, SEED);

    expect(effect!.verdict).toBe('not predictive here');
  });

  it(`given fewer than ${MIN_PEOPLE} people or ${MIN_PERSON_WEEKS} person-weeks, then there is not enough data and no slope`, () => {
    const fewPeople = estimateEffects(driven(1.5, MIN_PEOPLE - 1, 30), SEED)[0]!;
    const fewWeeks = estimateEffects(driven(1.5, MIN_PEOPLE, Math.floor(MIN_PERSON_WEEKS / MIN_PEOPLE) - 1), SEED)[0]!;

    expect([fewPeople.verdict, fewWeeks.verdict]).toEqual(['not enough data', 'not enough data']);
    expect(fewPeople.slope).toBeNull();
  });

  it('given the same panel and seed twice, then the intervals are identical; given another seed, they differ', () => {
    const panel = driven(1.5);

    expect(estimateEffects(panel, SEED)).toEqual(estimateEffects(panel, SEED));
    expect(estimateEffects(panel, { ...SEED, seed: 8 })[0]!.slopeInterval).not.toEqual(
      estimateEffects(panel, SEED)[0]!.slopeInterval,
    );
  });

  it('given peers whose own averages of x are 0, 2, …, 18, then the worth is the slope times (p75 − median), the weeks of the lag window and a month of weeks', () => {
    const panel = driven(1.5);
    const [effect] = estimateEffects(panel, SEED);
    const lagWeeks = panel.lag.to - panel.lag.from + 1;

    expect(Math.abs(effect!.peers!.median - 9)).toBeLessThan(0.2);
    expect(Math.abs(effect!.peers!.p75 - 13.5)).toBeLessThan(0.2);
    const spread = effect!.peers!.p75 - effect!.peers!.median;
    expect(lagWeeks).toBeGreaterThan(1);
    expect(effect!.worth).toBeCloseTo(effect!.slope! * spread * lagWeeks * (52 / 12), 9);
    expect(effect!.worthInterval!.low).toBeCloseTo(effect!.slopeInterval!.low * spread * lagWeeks * (52 / 12), 9);
  });

  it('given a predictive measure and a larger but noisier one that is not, then the predictive one is ranked first', () => {
    const panel = driven(0.5);
    const noisy = Float64Array.from(panel.measures[0]!.values, (_, i) => 100 * Math.sin(i * 12.9898));
    const both: Panel = {
      ...panel,
      measures: [{ id: 'noisy', kind: 'per working day', values: noisy }, ...panel.measures],
    };

    const ranked = estimateEffects(both, SEED).map((e) => [e.id, e.verdict]);

    expect(ranked[0]).toEqual(['x', 'predictive here']);
  });

  it('given two predictive measures, one worth more on its face but far less surely, then the surer worth is ranked first', () => {
    const base = panelOf(
      10,
      20,
      (p, _w, noise) => 2 * p + noise(),
      () => 0,
    );
    const draw = seededRandom(99);
    // "loose": people far apart (5 a person) but small swings within each, so its slope is loosely pinned down.
    const loose = Float64Array.from(base.person, (p) => 5 * p + 0.4 * (draw() - 0.5));
    const precise = base.measures[0]!.values;
    const outcome = Float64Array.from(
      base.person,
      (p, i) => precise[i]! - 2 * p + (loose[i]! - 5 * p) + 0.3 * (draw() - 0.5),
    );
    const panel: Panel = {
      ...base,
      outcome,
      measures: [
        { id: 'loose', kind: 'per working day', values: loose },
        { id: 'precise', kind: 'per working day', values: precise },
      ],
    };

    const [first, second] = estimateEffects(panel, SEED);

    expect([first!.id, second!.id]).toEqual(['precise', 'loose']);
    expect([first!.verdict, second!.verdict]).toEqual(['predictive here', 'predictive here']);
    expect(second!.worth!).toBeGreaterThan(first!.worth!);
    expect(second!.worthInterval!.low).toBeLessThan(first!.worthInterval!.low);
  });
});

describe('the out-of-sample check', () => {
  it('given sales that follow x, when later weeks are predicted from earlier ones, then x beats past sales alone', () => {
    const check = outOfSampleCheck(driven(1.5, 10, 30), SEED)!;

    expect(check.measure).toBe('x');
    expect(check.modelError).toBeLessThan(0.5 * check.baselineError);
  });

  it('given no measure that predicts, when checked, then the model is the baseline and both errors are equal', () => {
    const check = outOfSampleCheck(driven(0, 10, 30), SEED)!;

    expect(check.measure).toBeNull();
    expect(check.modelError).toBe(check.baselineError);
  });
});
