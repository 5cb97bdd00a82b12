/**
 * What keeps a served dealership from being ready besides a late run: a state file that cannot be written, or an
 * org whose API usage is past the config's guard.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readinessProblem } from '../../src/cli/serve-readiness';

describe('readiness of a served dealership', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'readiness-'))));
  afterEach(() => {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a writable state file (or none yet in a writable folder) and usage below the guard, then nothing', () => {
    const statePath = path.join(dir, 'north.db');
    expect(readinessProblem({ statePath, maxApiUsage: 0.9, apiUsage: () => null })()).toBeNull();
    writeFileSync(statePath, '');
    expect(readinessProblem({ statePath, maxApiUsage: 0.9, apiUsage: () => 0.5 })()).toBeNull();
  });

  it('given usage at the guard, then it says so with both shares', () => {
    const problem = readinessProblem({ statePath: path.join(dir, 'north.db'), maxApiUsage: 0.9, apiUsage: () => 0.93 });
    expect(problem()).toBe(
      'its org has used 93% of its daily API allowance, past sync.maxApiUsage 90%: runs stop until it resets',
    );
  });

  it('given a folder that cannot be written and no state file yet, then it names the file', () => {
    const statePath = path.join(dir, 'read-only', 'north.db');
    const asked: string[] = [];
    const problem = readinessProblem({
      statePath,
      maxApiUsage: 0.9,
      apiUsage: () => null,
      assertWritable: (target) => {
        asked.push(target);
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      },
    });
    expect([problem(), asked]).toEqual([`its state file ${statePath} cannot be written`, [path.dirname(statePath)]]);
  });

  (process.getuid?.() === 0 ? it.skip : it)('given a real read-only folder (not as root), then the same', () => {
    const folder = path.join(dir, 'read-only');
    mkdirSync(folder);
    chmodSync(folder, 0o500);
    const statePath = path.join(folder, 'north.db');
    expect(readinessProblem({ statePath, maxApiUsage: 0.9, apiUsage: () => null })()).toBe(
      `its state file ${statePath} cannot be written`,
    );
  });
});
