import type { RunningSandbox } from '../../../src/sandbox/server';

/**
 * Loads `n` Tasks as history (fast: no API calls), all owned by the integration user.
 * `modstamp(i)` chooses each row's SystemModstamp (default: one per second).
 */
export function loadTasks(
  sandbox: RunningSandbox,
  n: number,
  modstamp: (i: number) => string = secondsAfterEpochOfTest,
): string[] {
  const user = sandbox.org.integrationUserId;
  const rows = Array.from({ length: n }, (_, i) => ({
    Id: sandbox.store.newId('Task'),
    Subject: `Task ${i}`,
    Status: 'Completed',
    Type: 'Call',
    OwnerId: user,
    CreatedById: user,
    CreatedDate: modstamp(i),
    SystemModstamp: modstamp(i),
  }));
  sandbox.store.load('Task', rows);
  return rows.map((r) => r.Id);
}

function secondsAfterEpochOfTest(i: number): string {
  return new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString().replace('Z', '+0000');
}
