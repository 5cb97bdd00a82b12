import { StateErrorCode } from '../../src/state/state-store';
import { MAX_RUN_ERRORS } from '../../src/state/runs';
import { manualClock, memoryStore, MINUTE, T0 } from './builders';

describe('run history', () => {
  it('given a started run, when listed, then it is running with zero counts', () => {
    const store = memoryStore(() => T0);
    expect(store.startRun('run-1')).toEqual([]);
    expect(store.listRuns(10)).toEqual([
      {
        runId: 'run-1',
        startedAt: T0,
        finishedAt: null,
        result: 'running',
        recordsRead: 0,
        reads: [],
        apiCalls: 0,
        writes: { created: 0, updated: 0, skipped: 0, failed: 0 },
        errors: [],
      },
    ]);
  });

  it('given a run, when finished, then its result, counts, records read per object, errors and end time are kept', () => {
    const clock = manualClock();
    const store = memoryStore(clock.now);
    store.startRun('run-1');
    clock.advance(3 * MINUTE);
    store.finishRun('run-1', {
      result: 'ok',
      recordsRead: 1200,
      reads: [
        { object: 'Task', records: 1000, deleted: 2 },
        { object: 'Lead', records: 198, deleted: 0 },
      ],
      apiCalls: 9,
      writes: { created: 4, updated: 2 },
      errors: ['UNABLE_TO_LOCK_ROW on a0X1'],
    });
    expect(store.listRuns(1)[0]).toEqual({
      runId: 'run-1',
      startedAt: T0,
      finishedAt: T0 + 3 * MINUTE,
      result: 'ok',
      recordsRead: 1200,
      reads: [
        { object: 'Task', records: 1000, deleted: 2 },
        { object: 'Lead', records: 198, deleted: 0 },
      ],
      apiCalls: 9,
      writes: { created: 4, updated: 2, skipped: 0, failed: 0 },
      errors: ['UNABLE_TO_LOCK_ROW on a0X1'],
    });
  });

  it('given several runs, when listed with a limit, then the newest come first', () => {
    const clock = manualClock();
    const store = memoryStore(clock.now);
    for (const id of ['a', 'b', 'c']) {
      store.startRun(id);
      store.finishRun(id, { result: 'ok' });
      clock.advance(MINUTE);
    }
    expect(store.listRuns(2).map((r) => r.runId)).toEqual(['c', 'b']);
  });

  it('given runs that failed after one that succeeded, when asked for the last successful run, then it is the one that succeeded', () => {
    const clock = manualClock();
    const store = memoryStore(clock.now);
    expect(store.lastSuccessfulRun()).toBeNull();
    const results = [
      ['a', 'ok'],
      ['b', 'ok'],
      ['c', 'failed'],
      ['d', 'stopped_api_limit'],
    ] as const;
    for (const [id, result] of results) {
      store.startRun(id);
      store.finishRun(id, { result });
      clock.advance(MINUTE);
    }
    expect(store.lastSuccessfulRun()?.runId).toBe('b');
  });

  it('given a run left running by a killed process, when the next run starts, then the old one is marked interrupted', () => {
    const store = memoryStore();
    store.startRun('killed');
    expect(store.startRun('next')).toEqual(['killed']);
    expect(store.listRuns(5).map((r) => [r.runId, r.result])).toEqual(
      expect.arrayContaining([
        ['killed', 'interrupted'],
        ['next', 'running'],
      ]),
    );
  });

  it('given a run id already used, when started again, then STATE_RUN_EXISTS and the first run is untouched', () => {
    const store = memoryStore();
    store.startRun('run-1');
    expect(() => store.startRun('run-1')).toThrow(expect.objectContaining({ code: StateErrorCode.runExists }));
    expect(store.listRuns(5)).toHaveLength(1);
    expect(store.listRuns(1)[0]?.result).toBe('running');
  });

  it('given no such run, when finished, then STATE_RUN_UNKNOWN', () => {
    expect(() => memoryStore().finishRun('ghost', { result: 'ok' })).toThrow(
      expect.objectContaining({ code: StateErrorCode.runUnknown }),
    );
  });

  it('given a run with very many errors, when finished, then the first ones are kept with a count of the rest', () => {
    const store = memoryStore();
    store.startRun('r');
    store.finishRun('r', { result: 'failed', errors: Array.from({ length: MAX_RUN_ERRORS + 7 }, (_, i) => `e${i}`) });
    const errors = store.listRuns(1)[0]?.errors ?? [];
    expect(errors).toHaveLength(MAX_RUN_ERRORS + 1);
    expect(errors.at(-1)).toBe('… and 7 more');
  });
});
