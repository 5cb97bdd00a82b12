/**
 * One serve per state file: a second serve on any of the same state files is refused (exit 75) and takes nothing; a
 * released or dead serve's files can be served again; the serve lock does not stand in a run's way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { holdStateFiles } from '../../src/cli/serve-lock';
import { silentLogger } from '../../src/lib/logger';
import { lockHolder, openStateStore } from '../../src/state/state-store';

describe('the serve lock', () => {
  let dir: string;
  const state = (name: string): string => path.join(dir, `${name}.db`);
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'serve-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a serve holds north, when a second serve starts on south and north, then it is refused with exit 75 naming north, and south stays free', () => {
    const first = holdStateFiles([state('north')], silentLogger, lockHolder('serve', 'host-a', process.pid));
    let refusal: unknown;
    try {
      holdStateFiles([state('south'), state('north')], silentLogger, lockHolder('serve', 'host-b', 1));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'SERVE_LOCKED', exitCode: 75, data: { state: state('north') } });
    expect((refusal as Error).message).toContain(`Another serve (host-a:${process.pid}:serve)`);
    const third = holdStateFiles([state('south')], silentLogger, lockHolder('serve', 'host-c', 1));
    third.release();
    first.release();
  });

  it('given a serve released its files, then another serve can take them', () => {
    holdStateFiles([state('north')], silentLogger, lockHolder('serve', 'host-a', 1)).release();
    const next = holdStateFiles([state('north')], silentLogger, lockHolder('serve', 'host-b', 1));
    next.release();
  });

  it('given a serve on this machine died without releasing, then the next one takes its files at once', () => {
    const deadPid = 2 ** 22 + 12_345;
    const dead = holdStateFiles([state('north')], silentLogger, lockHolder('serve', undefined, deadPid));
    const next = holdStateFiles([state('north')], silentLogger);
    next.release();
    dead.release(); // closes its connection; the lock it names is no longer its own
  });

  it('given a serve holds a state file, then a sync run can still take the run lock of that file', () => {
    const serving = holdStateFiles([state('north')], silentLogger);
    const store = openStateStore(state('north'));
    try {
      expect(store.acquireLock(lockHolder('run-1'), 60_000).ok).toBe(true);
    } finally {
      store.close();
      serving.release();
    }
  });
});
