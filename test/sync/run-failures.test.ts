/**
 * How a run that fails ends: the result it records comes from the error, the lock is released
 * and the error that stopped it is the one thrown, even when recording or releasing fails too.
 */
import { CoachError, ExitCode } from '../../src/lib/errors';
import type { Logger, LogMeta } from '../../src/lib/logger';
import { openStateStore, StateErrorCode, type StateStore } from '../../src/state/state-store';
import type { RecordPage } from '../../src/sync/ports';
import type { FakeOrg } from './fake-org';
import { Clock, givenAnOrgWithStaleLeads, MODEL, NOW, run } from './story';

interface LoggedLine {
  level: string;
  message: string;
  meta: LogMeta | undefined;
}

function aRecordingLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at = (level: string) => (message: string, meta?: LogMeta) => void lines.push({ level, message, meta });
  const logger: Logger & { lines: LoggedLine[] } = {
    lines,
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: () => logger,
  };
  return logger;
}

const OUTAGE = 'Salesforce answered 503 (after 5 attempts).';
const unavailable = (): CoachError =>
  new CoachError({ code: 'SF_UNAVAILABLE', message: OUTAGE, exitCode: ExitCode.tryLater, retryable: true });
const busy = (operation: string): CoachError =>
  new CoachError({
    code: StateErrorCode.busy,
    message: `The state file stayed locked during ${operation}.`,
    exitCode: ExitCode.tryLater,
    retryable: true,
  });

/** Every read fails with `error`, as an outage that outlasted the retries does. */
function givenReadsFailWith(org: FakeOrg, error: Error): void {
  org.readIncremental = (): AsyncIterable<RecordPage> => ({
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }),
  });
}

/** True when another run can take the lock, i.e. the failed run released it. */
const lockIsFree = (state: StateStore): boolean => state.acquireLock('another-run', 60_000).ok;

describe('a run that fails', () => {
  it('given Salesforce stays unavailable after retries, then it exits 75 and records unavailable', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    givenReadsFailWith(org, unavailable());

    await expect(run(org, state, clock, 'r1')).rejects.toMatchObject({
      code: 'SF_UNAVAILABLE',
      exitCode: ExitCode.tryLater,
    });

    // Not stopped_api_limit, although both exit 75: the result comes from the code.
    expect(state.listRuns(1)[0]).toMatchObject({ runId: 'r1', result: 'unavailable', errors: [OUTAGE] });
    expect(lockIsFree(state)).toBe(true);
  });

  it('given the state file is busy while a page is stored, then the history says locked', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    state.applyPage = () => {
      throw busy('applyPage');
    };

    await expect(run(org, state, clock, 'r1')).rejects.toMatchObject({ code: StateErrorCode.busy });

    expect(state.listRuns(1)[0]?.result).toBe('locked');
    expect(lockIsFree(state)).toBe(true);
  });

  it('given recording the run throws too, then the first error is thrown, the second logged', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    const stopped = unavailable();
    givenReadsFailWith(org, stopped);
    state.finishRun = () => {
      throw busy('finishRun');
    };
    const logger = aRecordingLogger();

    await expect(run(org, state, clock, 'r1', 'test:r1', { logger })).rejects.toBe(stopped);

    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'the run could not be recorded in the run history',
        meta: { code: StateErrorCode.busy, error: 'The state file stayed locked during finishRun.' },
      },
    ]);
    expect(lockIsFree(state)).toBe(true);
    // The history keeps it running: the next run closes it as interrupted.
    expect(state.listRuns(1)[0]?.result).toBe('running');
  });

  it('given releasing the lock throws, then the error that stopped the run is still the one thrown', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    const stopped = unavailable();
    givenReadsFailWith(org, stopped);
    state.releaseLock = () => {
      throw busy('releaseLock');
    };
    const logger = aRecordingLogger();

    await expect(run(org, state, clock, 'r1', 'test:r1', { logger })).rejects.toBe(stopped);

    expect(logger.lines.map((line) => line.message)).toContain('the run lock could not be released');
    expect(state.listRuns(1)[0]?.result).toBe('unavailable');
  });

  it('given the core refuses the model (a holiday that is no date), then a coded error, and failed', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    const model = { ...MODEL, dealership: { ...MODEL.dealership, holidays: ['next tuesday'] } };

    const error: unknown = await run(org, state, clock, 'r1', 'test:r1', { model }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(CoachError);
    expect(error).toMatchObject({
      code: 'INVALID_DATE',
      exitCode: ExitCode.usage,
      actions: expect.arrayContaining([expect.stringMatching(/holidays/)]),
    });
    expect(state.listRuns(1)[0]?.result).toBe('failed');
    expect(lockIsFree(state)).toBe(true);
  });
});
