import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TEST_ROOT = path.resolve(__dirname, '..');
const HELPER = path.join(TEST_ROOT, 'salesforce', 'use-nock.ts');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const importsNock = (text: string): boolean => /from 'nock'|require\('nock'\)/.test(text);

/*
 * Jest runs the files of a run in one process when the machine has two cores. A file that imports nock and never
 * restores it leaves every later file's HTTP going through nock's mock sockets: their socket errors then reach no
 * listener, and which tests fail depends on the order the files happen to run in.
 */
describe('where nock may be imported', () => {
  it('given the test files, then each one importing nock also calls useNock() to restore it', () => {
    const offenders = testFiles(TEST_ROOT)
      .filter((file) => file !== HELPER)
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        return importsNock(text) && !(file.endsWith('.test.ts') && text.includes('useNock();'));
      })
      .map((file) => path.relative(TEST_ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('given a shared helper that imported nock, then the check would name it', () => {
    expect(importsNock("import nock from 'nock';\nexport const x = 1;")).toBe(true);
    expect(importsNock("import { useNock } from './use-nock';")).toBe(false);
  });
});
