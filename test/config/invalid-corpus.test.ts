/**
 * The broken-config corpus: every file under test/fixtures/config/invalid (with the lines its
 * message must contain in `<name>.expected.txt`) and the generated ones, each run through
 * `validate` and `sync` as an admin would. Each must end in exit 2 with a message that says
 * where, what and what to do, no stack trace, nothing flooding the terminal, and nothing read
 * from the org or written to disk.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEMS_SHOWN } from '../../src/config/format';
import { secretKind } from '../../src/config/secrets';
import { LINE_MAX } from '../../src/config/shown';
import { GENERATED, type GeneratedCase } from './corpus-generated';
import { fakeOrg, orgEnv, runIn, runProcess, scratchFolder, type FakeOrg } from './corpus-support';

const FIXTURES = join(__dirname, '..', 'fixtures', 'config', 'invalid');

const committed: GeneratedCase[] = readdirSync(FIXTURES)
  .filter((file) => /\.(yaml|json)$/.test(file))
  .map((file) => ({
    name: file,
    config: file,
    make: (folder: string) => copyFileSync(join(FIXTURES, file), join(folder, file)),
    expected: readFileSync(join(FIXTURES, file.replace(/\.(yaml|json)$/, '.expected.txt')), 'utf8')
      .split('\n')
      .filter((line) => line !== ''),
    located: true,
  }));

const CASES = [...committed, ...GENERATED];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the broken-config corpus', () => {
  let org: FakeOrg;
  beforeAll(async () => (org = await fakeOrg()));
  afterAll(() => org.close());

  it('given the corpus, then it holds at least 30 broken configs', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((item) => [item.name, item] as const))(
    'given %s, when it is validated and synced, then exit 2 says where, what and what to do, and nothing is read or written',
    async (_name, item) => {
      const folder = scratchFolder();
      try {
        item.make(folder.path);
        const before = folder.listing();

        const { code, stdout, stderr } = await runIn(folder.path, ['validate', '--config', item.config], orgEnv(org));

        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(/^error \[CONFIG_[A-Z_]+\]: /);
        for (const line of item.expected) expect(stderr).toContain(line);
        const located = stderr
          .split('\n')
          .filter((line) => new RegExp(`^${escape(item.config)}:\\d+:\\d+ `).test(line));
        if (item.located) expect(located.length).toBeGreaterThan(0);
        for (const line of located) expect(line).toContain(' — ');
        expect(stderr).toContain('\n  → ');
        expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(stderr).not.toMatch(/UNEXPECTED|This is a bug/);
        // eslint-disable-next-line no-control-regex
        expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
        expect(stderr.split('\n').length).toBeLessThanOrEqual(PROBLEMS_SHOWN + 6);
        for (const line of stderr.split('\n')) expect(line.length).toBeLessThanOrEqual(LINE_MAX + 100);
        expect(secretKind(stderr)).toBeUndefined();

        const sync = await runIn(folder.path, ['sync', '--config', item.config], orgEnv(org));
        expect(sync.code).toBe(2);
        expect(sync.stderr).toMatch(/error \[CONFIG_[A-Z_]+\]: /);

        expect(folder.listing()).toEqual(before);
        expect(org.connections()).toBe(0);
      } finally {
        folder.dispose();
      }
    },
  );

  // The cases the review saw crash or flood, once more as the admin runs them: a process of its own.
  it.each(['alias-bomb.yaml', 'binary-4k', 'five-megabytes'])(
    'given %s, when the real command runs in its own process, then it exits 2 with no stack trace',
    async (name) => {
      const item = CASES.find((candidate) => candidate.name === name);
      if (item === undefined) throw new Error(`no case ${name}`);
      const folder = scratchFolder();
      try {
        item.make(folder.path);
        const run = await runProcess(['validate', '--config', join(folder.path, item.config)], orgEnv(org));
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^error \[CONFIG_[A-Z_]+\]: /);
        expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(run.stderr.length).toBeLessThan(2000);
      } finally {
        folder.dispose();
      }
    },
    30_000,
  );
});
