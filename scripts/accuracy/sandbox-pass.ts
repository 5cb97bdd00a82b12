/**
 * The end-to-end pass: a generated dealership loaded into a sandbox org of its own on
 * 127.0.0.1, the real CLI `sync --live` run against it (jsforce over HTTP, a fresh state file,
 * the reference config whose credentials point at the sandbox, the dealership's clock and the
 * org's at the generated `now`), and what the sync wrote read back from the org: every
 * coaching flag and every Task carrying the product's key, in the generated ids.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliContext } from '../../src/cli/context';
import { runCli } from '../../src/cli/program';
import type { CoachModel, SfRecord } from '../../src/core/model';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/server';
import type { GeneratedDealership } from './dealership';
import { type OrgIds, orgDataOf } from './org-data';

const ROOT = path.resolve(__dirname, '../..');
/** The API version records are shaped for when read back (the config's). */
const API_VERSION = '62.0';

export interface WrittenRecords {
  flags: SfRecord[];
  /** Tasks the product keyed (stale-lead tasks, commitment checks, agendas). */
  tasks: SfRecord[];
  /** Scorecards and coaching effectiveness records, each under its key field. */
  scorecards: SfRecord[];
  effectiveness: SfRecord[];
}

export interface SandboxPass {
  /** The sync's exit code and its run result (`ok` when every write landed). */
  exitCode: number;
  runResult: string;
  /** The run's errors and anything printed on standard error. */
  errors: string[];
  written: WrittenRecords;
  /** Rows loaded into the org. */
  loaded: number;
  /** Wall time: org start and load, the sync, the read-back. */
  seconds: number;
  /** Wall time of the sync alone. */
  syncSeconds: number;
}

/** `configPath` is relative to the repository or absolute; its writeBack.mode is overridden by --live. */
export async function runSandbox(
  model: CoachModel,
  configPath: string,
  dealership: GeneratedDealership,
): Promise<SandboxPass> {
  const started = process.hrtime.bigint();
  const data = orgDataOf(dealership);
  const sandbox = await startSandbox({
    port: 0,
    now: dealership.now,
    freezeClock: true,
    timeZone: model.dealership.timeZone,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'execution-coach-accuracy-'));
  try {
    for (const [object, rows] of data.rows) sandbox.store.load(object, rows);
    const syncStarted = process.hrtime.bigint();
    const run = await sync(sandbox, configPath, path.join(dir, 'state.db'), dealership.now);
    const syncSeconds = secondsSince(syncStarted);
    const written = readWritten(sandbox, model, data.ids);
    return { ...run, written, loaded: data.count, seconds: secondsSince(started), syncSeconds };
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const secondsSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

async function sync(
  sandbox: RunningSandbox,
  configPath: string,
  statePath: string,
  now: number,
): Promise<Pick<SandboxPass, 'exitCode' | 'runResult' | 'errors'>> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    // Only the sandbox's credentials: nothing from the caller's environment can point the sync elsewhere.
    env: {
      SF_LOGIN_URL: sandbox.url,
      SF_CLIENT_ID: sandbox.clientId,
      SF_CLIENT_SECRET: sandbox.clientSecret,
      SF_DISABLE_LOG_FILE: 'true',
    },
    cwd: ROOT,
    isTTY: false,
  };
  const args = ['sync', '--config', configPath, '--state', statePath, '--live', '--json'];
  const exitCode = await runCli([...args, '--now', new Date(now).toISOString(), '--log-level', 'warn'], ctx);
  const report = (stdout.trim() ? JSON.parse(stdout) : {}) as { result?: string; errors?: string[] };
  const errors = [...(report.errors ?? []), ...(stderr.trim() ? [stderr.trim()] : [])];
  return { exitCode, runResult: report.result ?? 'no report', errors };
}

function readWritten(sandbox: RunningSandbox, model: CoachModel, ids: OrgIds): WrittenRecords {
  const { flagObject, taskKeyField, scorecard, effectiveness } = model.writeBack;
  return {
    flags: query(sandbox, flagObject, '').map((record) => ids.record(record)),
    tasks: query(sandbox, 'Task', `WHERE ${taskKeyField} != null`).map((record) => ids.record(record)),
    scorecards: query(sandbox, scorecard.object, '').map((record) => ids.record(record)),
    effectiveness: query(sandbox, effectiveness.object, '').map((record) => ids.record(record)),
  };
}

/** Every field of the object's records (the sandbox has no FIELDS(ALL)), inside the org: no API call counted. */
function query(sandbox: RunningSandbox, object: string, where: string): SfRecord[] {
  const type = sandbox.org.catalog.object(object);
  if (!type) throw new Error(`The sandbox has no ${object}.`);
  const soql = `SELECT ${type.fields.map((f) => f.name).join(', ')} FROM ${object} ${where}`.trim();
  const outcome = sandbox.org.queries.run(soql, { scanAll: false });
  if (outcome.kind !== 'records') throw new Error(`Not a record query: ${soql}`);
  return outcome.records.map((record) => outcome.projection.project(record, API_VERSION) as SfRecord);
}
