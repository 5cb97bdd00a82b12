/**
 * Progress of a backfill as its user sees it (issue 11, item 5): on a terminal, a bar per object with the records
 * read of those expected, the rate and the time left, ending "done"; in logs (not a terminal), a `reading` line
 * every few seconds with the same figures. A sandbox answering each call in about 0.1 s and 200-record pages
 * stretch the demo's backfill over several seconds.
 */
import type { Writable } from 'node:stream';
import path from 'node:path';
import { runCli } from '../../src/cli/program';
import { configWith, SMALL_PAGE } from './fault-support';
import { type DemoOrg, ROOT, runAt, startDemoOrg } from './support';
import { aTerminal } from '../cli/terminal';

const SLOW = { latencyMinMs: 100, latencyMaxMs: 130 };

describe('end to end: the progress of a backfill', () => {
  let org: DemoOrg;
  let config: string;
  beforeAll(async () => {
    org = await startDemoOrg({ faults: SLOW });
    config = configWith(org, { pageSize: SMALL_PAGE });
  });
  afterAll(() => org.close());

  const sync = async (state: string, terminal?: Writable) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      ['sync', '--config', config, '--state', path.join(org.dir, state), '--now', runAt(0), '--log-level', 'info'],
      {
        out: (text) => void (stdout += text),
        err: (text) => void (stderr += text),
        env: org.env,
        cwd: ROOT,
        isTTY: terminal !== undefined,
        ...(terminal ? { terminal: terminal } : {}),
      },
    );
    return { code, stdout, stderr };
  };

  it('given a terminal, when a backfill runs, then each long read has a bar with its count of the expected, rate and time left, ending done', async () => {
    const terminal = aTerminal();
    const run = await sync('terminal.db', terminal);
    expect(run.code).toBe(0);
    const text = terminal.text();
    expect(text).toMatch(/Task +░*█+░* {2}[\d,]+ of [\d,]+ \(\d+%\) {2}[\d,]+\/s {2}(about \d+ (s|min) left)/);
    expect(text).toMatch(/Task +█{24} {2}([\d,]+) of \1 \(100%\) {2}done/);
    // Log lines written while the bars are drawn go above them, not through them; the report goes to standard output.
    expect(text).toMatch(/ info \[run-[^\]]+\] read \{"object":"Task"/);
    expect(run.stdout).toMatch(/^Run run-\S+: ok\. Read [\d,]+ records from 6 objects/);
  }, 90_000);

  it('given logs that are not a terminal, when a backfill runs, then a reading line every few seconds gives the count, expected, rate and seconds left', async () => {
    const run = await sync('logs.db');
    expect(run.code).toBe(0);
    const lines = run.stderr
      .split('\n')
      .filter((line) => line.includes('"message":"reading"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // Three objects are read at once, so which one passes its first few seconds first depends on the machine's
    // load; the Task read, by far the longest, always has its lines.
    expect(lines.length).toBeGreaterThan(0);
    const shape = {
      records: expect.any(Number),
      expected: expect.any(Number),
      perSecond: expect.any(Number),
      secondsLeft: expect.any(Number),
    };
    for (const line of lines)
      expect(line).toMatchObject({ records: expect.any(Number), perSecond: expect.any(Number) });
    expect(lines.find((line) => line.object === 'Task')).toMatchObject({ object: 'Task', ...shape });
  }, 90_000);
});
