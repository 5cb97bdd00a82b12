/**
 * The accuracy bars in npm test: a quick pass over 8 generated stores (seed 1) held to the same
 * bars as `npm run accuracy` (scripts/accuracy/bars.ts), so a change that makes the judgement
 * worse on stores it was never tuned to fails here. The full benchmark (20 stores, any seed)
 * is the command; its figures are in the README.
 */
import {
  headline,
  MAX_FALSE_FLAGS_PER_50_CLEAN,
  MAX_NOISE_SHARE,
  MAX_SIMULATED_FLAGS_PER_RUN,
  MIN_RECALL,
} from '../../scripts/accuracy/bars';
import { runBenchmark } from '../../scripts/accuracy/benchmark';
import { SIMULATED_TEAM, simulate } from '../../scripts/accuracy/simulate';
import { referenceModel } from './builders';

const STORES = 8;
const SIMULATED_RUNS = 1000;

describe('the coaching judgement on generated stores (quick pass)', () => {
  const { score, order } = runBenchmark(referenceModel(), STORES, 1);
  const figures = headline(score);

  it(`given planted weaknesses, then at least ${MIN_RECALL * 100}% are flagged at their measure with their diagnosis`, () => {
    expect(figures.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it(`given clean reps, then at most ${MAX_FALSE_FLAGS_PER_50_CLEAN} false flag per 50 of them`, () => {
    expect(figures.falseFlagsPer50Clean).toBeLessThanOrEqual(MAX_FALSE_FLAGS_PER_50_CLEAN);
  });

  it('given stores whose whole team sits below a target, then no rep at the team’s level is flagged alone', () => {
    expect(score.peerLevelFlags).toBe(0);
  });

  it('given planted team-wide gaps, then their managers get team findings, and none where no gap was planted', () => {
    expect(score.teamGapsFound / score.teamGaps).toBeGreaterThanOrEqual(0.8);
    expect(score.teamFalseFindings).toBe(0);
  });

  it('given flags, then none rests on a sample below its measure’s minimum', () => {
    expect(figures.belowMinSample).toBe(0);
  });

  it(`given the stale-lead tasks, then at most ${MAX_NOISE_SHARE * 100}% go to a lead with an appointment or a call-back ahead`, () => {
    expect(figures.noiseShare).toBeLessThanOrEqual(MAX_NOISE_SHARE);
  });

  it('given the records shuffled, then the same findings and desired records', () => {
    expect(order?.identical).toBe(true);
  });
});

describe(`a team of ${SIMULATED_TEAM} exactly at every target, ${SIMULATED_RUNS} runs`, () => {
  it(`when each run is judged, then the mean flags per run stays below ${MAX_SIMULATED_FLAGS_PER_RUN}`, () => {
    const simulation = simulate(referenceModel(), SIMULATED_RUNS, 1);
    const mean = simulation.flags / simulation.runs;
    // The figure the issue asks to see printed: it lands in the test log.
    console.info(
      `simulation: ${simulation.runs} runs of ${SIMULATED_TEAM} salespeople at target, ` +
        `mean flags per run ${mean.toFixed(3)}, runs with any flag ${simulation.runsWithFlags}`,
    );
    expect(mean).toBeLessThan(MAX_SIMULATED_FLAGS_PER_RUN);
  }, 600_000);
});
