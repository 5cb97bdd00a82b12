import { renderHistory } from '../../src/cli/commands/history';
import type { RunSummary } from '../../src/sync/ports';

const T0 = Date.parse('2026-12-04T15:00:00Z');

function runOf(over: Partial<RunSummary>): RunSummary {
  return {
    runId: 'run-1',
    startedAt: T0,
    finishedAt: T0 + 12_400,
    result: 'ok',
    recordsRead: 1_250,
    reads: [
      { object: 'Task', records: 1_200, deleted: 3 },
      { object: 'Lead', records: 47, deleted: 0 },
      { object: 'User', records: 0, deleted: 0 },
    ],
    apiCalls: 9,
    writes: { created: 4, updated: 2, skipped: 90, failed: 0 },
    errors: [],
    ...over,
  };
}

describe('history as text', () => {
  it('given runs, then one line each in the dealership’s time: result, duration, reads per object that read anything, writes', () => {
    const text = renderHistory(
      [runOf({ runId: 'run-2', startedAt: T0 + 3_600_000, finishedAt: T0 + 3_600_000 + 185_000 }), runOf({})],
      'America/Chicago',
    );
    expect(text.split('\n')).toEqual([
      'Last 2 runs, newest first (times in America/Chicago):',
      '  started           result  took        read   created / updated / failed  API calls  read per object',
      '  2026-12-04 10:00  ok      3 min 05 s  1,250  4 / 2 / 0                   9          Task 1,203, Lead 47',
      '  2026-12-04 09:00  ok      12.4 s      1,250  4 / 2 / 0                   9          Task 1,203, Lead 47',
      '',
    ]);
  });

  it('given a run still running and one that failed, then "running" for the first and the failed run’s errors below', () => {
    const text = renderHistory(
      [
        runOf({ runId: 'run-2', result: 'running', finishedAt: null, reads: [] }),
        runOf({ result: 'failed', errors: ['Task v1:x: UNABLE_TO_LOCK_ROW'] }),
      ],
      'UTC',
    );
    expect(text).toMatch(/ running +running +/);
    expect(text).toContain('Errors (the first three of each run):\n  run-1: Task v1:x: UNABLE_TO_LOCK_ROW');
  });
});
