/**
 * The accuracy benchmark (`npm run accuracy`): generated dealerships with planted weaknesses,
 * independent of the demo's profiles, through the real mapper and judgement, scored against
 * what was planted; the first stores also end to end, through the real sync against a sandbox
 * org, whose written flags must be the core pass's. A measurement: it exits 0 whatever it
 * finds, unless --check is given, when it exits 1 below the bars (bars.ts).
 *
 * Options: --stores N (default 20), --seed N (default 1), --simulate N (runs of a clean team
 * at target; off by default), --e2e N (stores end to end, at most --stores; default 3, 0 skips
 * it), --check. An unknown option exits 2.
 */
import { join } from 'node:path';
import { loadConfig, toCoachModel } from '../src/config';
import { bars } from './accuracy/bars';
import { runBenchmark } from './accuracy/benchmark';
import { type EndToEnd, runEndToEnd } from './accuracy/end-to-end';
import { type AccuracyOptions, parseOptions } from './accuracy/options';
import { barsReport, endToEndReport, orderReport, scoreReport, simulationReport } from './accuracy/report';
import { SIMULATED_TEAM, simulate, type Simulation } from './accuracy/simulate';

const CONFIG = 'config/dealership.yaml';

async function main(): Promise<number> {
  let options: AccuracyOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const model = toCoachModel(loadConfig(CONFIG, { cwd: join(__dirname, '..') }));
  const started = process.hrtime.bigint();
  const { score, order, sample } = runBenchmark(model, options.stores, options.seed, options.e2e);
  const lines = [`Accuracy of the coaching judgement: core-level pass over ${CONFIG}, seed ${options.seed}`];
  lines.push(...scoreReport(score, model.coaching.minSample));
  if (order) lines.push(orderReport(order));
  let e2e: EndToEnd | null = null;
  if (sample.length > 0) {
    e2e = await runEndToEnd(model, CONFIG, sample);
    lines.push('', ...endToEndReport(e2e));
  }
  let simulation: Simulation | null = null;
  if (options.simulate > 0) {
    simulation = simulate(model, options.simulate, options.seed);
    lines.push('', ...simulationReport(simulation, SIMULATED_TEAM));
  }
  const list = bars(score, order, simulation, e2e);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  lines.push('', ...barsReport(list), '', `Time: ${seconds.toFixed(1)} s`);
  console.log(lines.join('\n'));
  return options.check && list.some((bar) => !bar.pass) ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
