/**
 * report, plan, history and analyze only read the state: they work on a state file 0444 in a folder 0555 (a copy
 * handed over, a volume mounted read-only) and leave it exactly as it was. The tests may run as root, whom
 * permissions do not stop, so what is checked is what can fail either way: no -wal or -shm appears, the bytes and
 * mtime stay.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program';
import { openStateStore, StateStore } from '../../src/state/state-store';
import { Clock, givenAnOrgWithStaleLeads, NOW, run } from '../sync/story';
import { capture } from './capture';

let dir: string;
let frozen: string;
let state: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coach-ro-'));
  const synced = join(dir, 'synced.db');
  const store = openStateStore(synced);
  const clock = new Clock(NOW);
  await run(givenAnOrgWithStaleLeads(clock).org, store, clock, 'r1');
  store.close();
  frozen = join(dir, 'frozen');
  mkdirSync(frozen);
  state = join(frozen, 'state.db');
  copyFileSync(synced, state);
  chmodSync(state, 0o444);
  chmodSync(frozen, 0o555);
});

afterAll(() => {
  chmodSync(frozen, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const fingerprint = (path: string) => ({
  sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
  mtimeMs: statSync(path).mtimeMs,
  mode: statSync(path).mode & 0o777,
});

describe('read-only commands on a state file 0444 in a folder 0555', () => {
  it.each([
    ['report', ['--now', new Date(NOW).toISOString()]],
    ['plan', ['--now', new Date(NOW).toISOString()]],
    ['history', []],
    ['analyze', ['--now', new Date(NOW).toISOString()]],
  ])(
    'given the synced copy, when %s runs, then it exits 0 and the folder and file are as they were',
    async (command, extra) => {
      const before = fingerprint(state);
      // What the command opened, seen just before it closes it: SQLite removes a writer's -wal and -shm on close.
      const opened: Array<{ readonly: boolean; files: string[] }> = [];
      const close = StateStore.prototype.close;
      const closing = jest.spyOn(StateStore.prototype, 'close').mockImplementation(function (this: StateStore) {
        opened.push({ readonly: this.readonly, files: readdirSync(frozen) });
        close.call(this);
      });
      const ctx = capture();
      try {
        const code = await runCli([command, '--config', 'config/dealership.yaml', '--state', state, ...extra], ctx);
        expect({ code, stderr: ctx.stderr() }).toEqual({ code: 0, stderr: '' });
      } finally {
        closing.mockRestore();
      }
      expect(ctx.stdout().length).toBeGreaterThan(0);
      expect(opened).toEqual([{ readonly: true, files: ['state.db'] }]);
      expect(readdirSync(frozen)).toEqual(['state.db']);
      expect(fingerprint(state)).toEqual(before);
    },
  );
});
