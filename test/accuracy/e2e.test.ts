/**
 * The accuracy benchmark's end-to-end pass on one small generated store: loaded into a sandbox
 * org on 127.0.0.1, synced live by the real CLI over HTTP, and what the sync wrote read back.
 * Whatever the judgement flags, the org must hold exactly what the core pass wants: a
 * difference is the read, the store, the plan or the writer changing what the core decided.
 */
import { runCore } from '../../scripts/accuracy/core-pass';
import { runSandbox, type SandboxPass } from '../../scripts/accuracy/sandbox-pass';
import { emptyScore, minSampleByMeasure, type Score, scoreDealership } from '../../scripts/accuracy/score';
import { compareWrites, flagIdentityFields } from '../../scripts/accuracy/write-comparison';
import { writtenResult } from '../../scripts/accuracy/written-flags';
import type { CoachingResult } from '../../src/core/coach';
import type { SfRecord } from '../../src/core/model';
import { generated, referenceModel, storeAtThresholds } from './builders';

const CONFIG = 'config/dealership.yaml';
/** Loading, syncing and reading back about 12,000 rows takes a few seconds; this is the ceiling. */
const PASS_TIMEOUT_MS = 60_000;

describe('end to end: a small generated store through the real sync against the sandbox org', () => {
  const model = referenceModel();
  // Four salespeople and two setters (both roles, agendas, stale leads), weaknesses planted on two.
  const shape = storeAtThresholds({ size: 6, bdc: true, plant: [['low_close_rate'], ['skips_demo']] });
  const store = generated(3, [shape]);
  const core = runCore(model, store.users, store.records, store.now).result;
  let pass: SandboxPass;

  beforeAll(async () => {
    pass = await runSandbox(model, CONFIG, store);
  }, PASS_TIMEOUT_MS);

  const identity = (records: SfRecord[]): string[] =>
    records
      .map((r) =>
        flagIdentityFields(model)
          .map((field) => String(r[field]))
          .join(' '),
      )
      .sort();
  const scored = (result: Pick<CoachingResult, 'diagnoses' | 'desired'>): Score => {
    const score = emptyScore();
    scoreDealership(score, store.truth, result, minSampleByMeasure(model));
    return score;
  };

  it('given the store in the org, when the CLI syncs it live, then the run ends ok with nothing on stderr', () => {
    expect({ exitCode: pass.exitCode, runResult: pass.runResult, errors: pass.errors }).toEqual({
      exitCode: 0,
      runResult: 'ok',
      errors: [],
    });
  });

  it('given the sync, then the org holds the flags of the core pass: same reps, measures, diagnoses and steps', () => {
    const coreFlags = core.desired
      .filter((record) => record.object === model.writeBack.flagObject)
      .map((record) => ({ ...record.createOnly, ...record.fields }));
    expect(coreFlags.length).toBeGreaterThan(0);
    expect(identity(pass.written.flags)).toEqual(identity(coreFlags));
  });

  it('given the sync, then every record the core pass wants is in the org field for field, and no other', () => {
    expect(compareWrites(model, core.desired, pass.written)).toEqual([]);
  });

  it('given the written flags and tasks read back, then they score exactly as the core result does', () => {
    expect(scored(writtenResult(model, pass.written))).toEqual(scored(core));
  });
});
