/**
 * The end-to-end pass over the benchmark's first dealerships: each through the real sync
 * against a sandbox org (sandbox-pass.ts), its written records compared with the core pass's
 * desired records for the same dealership, store by store, and scored by the same scorer as
 * the core pass, so the two passes' figures on these stores can be read side by side.
 */
import { TASK } from '../../src/core/desired';
import type { CoachModel, SfRecord } from '../../src/core/model';
import type { CoreRun } from './benchmark';
import type { GeneratedDealership } from './dealership';
import { runSandbox, type SandboxPass } from './sandbox-pass';
import { emptyScore, minSampleByMeasure, type Score, scoreDealership } from './score';
import { compareWrites, isFlagDifference, type WriteDifference } from './write-comparison';
import { writtenResult } from './written-flags';

/** The store of records that name no user of a known store (none, with the reference config). */
export const NO_STORE = '(no store)';

export interface SyncRun {
  dealership: string;
  stores: number;
  /** Rows loaded into the org. */
  loaded: number;
  seconds: number;
  /** Of which the sync alone. */
  syncSeconds: number;
  exitCode: number;
  runResult: string;
  errors: string[];
}

export interface StoreCheck {
  dealership: string;
  store: string;
  reps: number;
  /** Flags the core pass wants in the org, and flags the sync wrote, for this store's people. */
  coreFlags: number;
  orgFlags: number;
  /** Flags on one side only, or differing in rep, measure, diagnosis or step. */
  flagDifferences: WriteDifference[];
  /** Every other difference: a flag's other fields, the product's tasks. */
  otherDifferences: WriteDifference[];
  /** Whether the dealership's sync ended ok (a failed sync compares nothing). */
  syncOk: boolean;
}

export interface EndToEnd {
  runs: SyncRun[];
  stores: StoreCheck[];
  /** The core pass's results on these dealerships, scored. */
  core: Score;
  /** What the syncs wrote on these dealerships, scored by the same scorer. */
  org: Score;
}

/** Same flags end to end: the sync ended ok and wrote exactly the core pass's flags. */
export function sameFlags(check: StoreCheck): boolean {
  return check.syncOk && check.flagDifferences.length === 0;
}

export async function runEndToEnd(
  model: CoachModel,
  configPath: string,
  sample: readonly CoreRun[],
): Promise<EndToEnd> {
  const e2e: EndToEnd = { runs: [], stores: [], core: emptyScore(), org: emptyScore() };
  const minSample = minSampleByMeasure(model);
  for (const { dealership, result } of sample) {
    const pass = await runSandbox(model, configPath, dealership);
    const syncOk = pass.exitCode === 0 && pass.runResult === 'ok';
    e2e.runs.push(syncRun(dealership, pass));
    scoreDealership(e2e.core, dealership.truth, result, minSample);
    scoreDealership(e2e.org, dealership.truth, writtenResult(model, pass.written), minSample);

    const storeOf = storeFinder(model, dealership);
    const differences = compareWrites(model, result.desired, pass.written);
    const coreFlags = result.desired.filter((r) => r.object === model.writeBack.flagObject);
    const stores = dealership.truth.stores.map((s) => s.store);
    const all = [...differences.map((d) => storeOf(d.record)), ...pass.written.flags.map(storeOf)];
    if (all.includes(NO_STORE)) stores.push(NO_STORE);
    for (const store of stores) {
      const here = differences.filter((d) => storeOf(d.record) === store);
      e2e.stores.push({
        dealership: dealership.name,
        store,
        reps: dealership.truth.reps.filter((rep) => rep.store === store).length,
        coreFlags: coreFlags.filter((r) => storeOf({ ...r.createOnly, ...r.fields }) === store).length,
        orgFlags: pass.written.flags.filter((flag) => storeOf(flag) === store).length,
        flagDifferences: here.filter((d) => isFlagDifference(model, d)),
        otherDifferences: here.filter((d) => !isFlagDifference(model, d)),
        syncOk,
      });
    }
  }
  return e2e;
}

function syncRun(dealership: GeneratedDealership, pass: SandboxPass): SyncRun {
  return {
    dealership: dealership.name,
    stores: dealership.truth.stores.length,
    loaded: pass.loaded,
    seconds: pass.seconds,
    syncSeconds: pass.syncSeconds,
    exitCode: pass.exitCode,
    runResult: pass.runResult,
    errors: pass.errors,
  };
}

/**
 * The store a product record belongs to: that of the rep it is about (a flag's salesperson,
 * a task's owner), else of the manager it goes to, read from the users' store field.
 */
function storeFinder(model: CoachModel, dealership: GeneratedDealership): (record: SfRecord) => string {
  const { storeField } = model.team;
  const only = dealership.truth.stores.length === 1 ? dealership.truth.stores[0]?.store : undefined;
  const storeOfUser = new Map<string, string>();
  for (const user of dealership.users) {
    const store = storeField ? user[storeField] : only;
    if (typeof store === 'string') storeOfUser.set(String(user.Id), store);
  }
  const f = model.writeBack.flagFields;
  return (record) => {
    for (const field of [f.salesperson, TASK.owner, f.manager]) {
      const store = storeOfUser.get(String(record[field]));
      if (store !== undefined) return store;
    }
    return NO_STORE;
  };
}
