/**
 * The state holds customers' and salespeople's names: what the product creates is its owner's only. Modes are read
 * with stat, not by trying access: the tests may run as root, whom permissions do not stop.
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStateStore } from '../../src/state/state-store';
import { aRecord, checkpointAt, T0 } from './builders';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-mode-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the state file mode', () => {
  it('given no state file, when a store is opened and written, then the file, its -wal and -shm are 0600', () => {
    const path = join(dir, 'state.db');
    const store = openStateStore(path);
    try {
      store.applyPage('Task', [aRecord('00T1')], [], checkpointAt(T0, '00T1'));
      expect(modeOf(path)).toBe(0o600);
      expect(modeOf(`${path}-wal`)).toBe(0o600);
      expect(modeOf(`${path}-shm`)).toBe(0o600);
    } finally {
      store.close();
    }
  });

  it('given a state folder that does not exist, when a store is opened, then the folders made for it are 0700', () => {
    const path = join(dir, 'var', 'coach', 'state.db');
    openStateStore(path).close();
    expect(modeOf(join(dir, 'var'))).toBe(0o700);
    expect(modeOf(join(dir, 'var', 'coach'))).toBe(0o700);
  });

  it('given a state file someone made readable to its group, when opened, then its mode is left as it is', () => {
    const path = join(dir, 'state.db');
    openStateStore(path).close();
    chmodSync(path, 0o640);
    openStateStore(path).close();
    expect(modeOf(path)).toBe(0o640);
  });
});
