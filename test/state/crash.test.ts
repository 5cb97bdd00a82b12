/**
 * A process killed with SIGKILL in the middle of writing pages leaves the state exactly as it
 * was after some whole page: never half a page, never a checkpoint ahead of its records.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStateStore } from '../../src/state/state-store';
import { idsAfter, pageNumberOf } from './fixtures/numbered-pages';
import { storedEvents } from './stored';

const CHILD = join(__dirname, 'fixtures', 'apply-pages-until-killed.ts');
const KILLS = 4;

/** Starts the child, kills it after it reports `afterPages` commits (plus a random moment). */
function runAndKill(path: string, afterPages: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastReported = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      lastReported = Number(lines.at(-1));
      if (lastReported >= afterPages && !child.killed) setTimeout(() => child.kill('SIGKILL'), Math.random() * 5);
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(lastReported) : reject(new Error(`child ended without being killed: ${stderr}`)),
    );
  });
}

describe('a writer killed mid-page', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coach-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`given a child applying pages, when it is SIGKILLed ${KILLS} times at random moments, then each time the store holds exactly the pages up to its checkpoint`, async () => {
    const path = join(dir, 'state.db');
    let atLeast = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const reported = await runAndKill(path, atLeast + 3);
      const store = openStateStore(path);
      const checkpoint = store.getCheckpoint('Task');
      expect(checkpoint).not.toBeNull();
      const page = pageNumberOf(checkpoint!);
      // What the child reported is committed; the kill may land after one more commit.
      expect(page).toBeGreaterThanOrEqual(Math.max(reported, atLeast));
      const expected = idsAfter(page).sort();
      expect(
        store
          .loadFacts()
          .map((f) => f.recordId)
          .sort(),
      ).toEqual(expected);
      expect(
        storedEvents(store)
          .map((e) => e.recordId)
          .sort(),
      ).toEqual(expected);
      store.close();
      atLeast = page;
    }
  });
});
