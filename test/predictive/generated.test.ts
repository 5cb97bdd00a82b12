/**
 * The predictive analysis's bars in npm test: a quick pass over 8 generated stores and 2 thin
 * ones (seed 3, one of the seeds looked at while building) held to the bars of `npm run
 * predictive` (scripts/predictive/score.ts), so a change that makes the analysis worse fails
 * here. The full run (20 stores on six seeds, three of them held out) is the command; its
 * figures are in the README.
 */
import { runPredictive } from '../../scripts/predictive/benchmark';
import { MAX_NOISE_PREDICTIVE, MIN_DRIVER_FIRST, scorePredictive } from '../../scripts/predictive/score';

describe('the predictive analysis on generated stores (quick pass)', () => {
  const score = scorePredictive(runPredictive(8, 2, 3));

  it(`given stores with a planted driver, then it is ranked first and predictive in at least ${MIN_DRIVER_FIRST * 100}% of them`, () => {
    expect(score.driverStores).toBeGreaterThanOrEqual(4);
    expect(score.driverFirst / score.driverStores).toBeGreaterThanOrEqual(MIN_DRIVER_FIRST);
  });

  it(`given an e-mail volume that drives nothing, then it is called predictive in at most ${MAX_NOISE_PREDICTIVE * 100}% of stores`, () => {
    expect(score.noisePredictive).toBeLessThanOrEqual(MAX_NOISE_PREDICTIVE * score.noiseCases);
  });

  // About a dozen cases cannot hold a 5% bar (one false call is 8%): the full run holds it (README);
  // this coarse guard fails when the shares go wrong for good, e.g. a ratio that counts the outcome.
  it('given a ratio and an integrity share that drive nothing, then they are called predictive in at most 1 case in 10', () => {
    expect(score.shareNoiseCases).toBeGreaterThanOrEqual(10);
    expect(score.shareNoisePredictive).toBeLessThanOrEqual(0.1 * score.shareNoiseCases);
  });

  // Six cases: a guard against a share gone wrong for good (one that counts the sales it predicts), not the 5% bar.
  it('given the share of new inquiries touched within three days, which drives nothing, then it is called predictive in at most one store', () => {
    expect(score.touchedNoiseCases).toBeGreaterThanOrEqual(5);
    expect(score.touchedNoisePredictive).toBeLessThanOrEqual(1);
  });

  it('given stores with four weeks and four people, then every measure is "not enough data"', () => {
    expect(score.thinStores).toBe(2);
    expect(score.thinNotEnough).toBe(2);
  });

  it('given stores with a driver, then the ranked measure predicts later sales better than past sales alone', () => {
    expect(score.errorRatio).toBeLessThan(1);
  });
});
