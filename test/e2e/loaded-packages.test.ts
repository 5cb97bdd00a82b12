/**
 * The production dependencies a run loads (issue 13, item 3): `sync` and `report`, as the processes cron starts, load
 * none of the packages only the sandbox org, `serve` or the sf CLI path need (src/cli/on-demand.ts): none of the code
 * that parses HTTP requests, SOQL or XML from outside is reachable from a run. A preloaded hook lists, as the process
 * exits, the packages it loaded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG, type DemoOrg, runAt, startCli, startDemoOrg } from './support';

/**
 * Production dependencies that only the sandbox (and `demo`), `serve` or `--target-org` (the sf CLI) use, and the t
 * quantile only the predictive analysis uses (`analyze`, the HTML scorecard's section, `coaching.leakSource: store`).
 */
const NOT_FOR_A_RUN = [
  '@jetstreamapp/soql-parser-js',
  '@salesforce/core',
  '@stdlib/stats-base-dists-t-quantile',
  'express',
  'fast-xml-parser',
  'helmet',
  'prom-client',
];

/** Written into the scratch folder: on exit, the packages under node_modules the process required, one a line. */
const HOOK = `
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const names = new Set();
  for (const file of Object.keys(require.cache)) {
    const match = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
    if (match) names.add(match[1].replace('\\\\', '/'));
  }
  writeFileSync(process.env.LOADED_PACKAGES_FILE, [...names].sort().join('\\n'));
});
`;

describe('end to end: what a run loads', () => {
  let org: DemoOrg;
  let hook: string;
  beforeAll(async () => {
    org = await startDemoOrg();
    hook = path.join(org.dir, 'list-packages.js');
    writeFileSync(hook, HOOK);
  });
  afterAll(() => org.close());

  /** Runs the CLI as its own process and returns the packages it loaded. */
  async function packagesLoadedBy(args: string[]): Promise<string[]> {
    const list = path.join(org.dir, `loaded-${args[0] ?? ''}.txt`);
    const ended = await startCli(args, {
      ...org.env,
      NODE_OPTIONS: `--require ${hook}`,
      LOADED_PACKAGES_FILE: list,
    }).done;
    expect({ code: ended.code, stderr: ended.stderr }).toEqual({ code: 0, stderr: '' });
    return readFileSync(list, 'utf8').split('\n');
  }

  const onState = (command: string): string[] => [
    command,
    '--config',
    CONFIG,
    '--state',
    org.statePath,
    '--now',
    runAt(0),
  ];

  it('given sync --live and then report, when each runs as the process cron starts, then neither loads a package only the sandbox, serve or the sf CLI need', async () => {
    const sync = await packagesLoadedBy([...onState('sync'), '--live', '--log-level', 'warn']);
    const report = await packagesLoadedBy(onState('report'));

    expect(sync).toEqual(expect.arrayContaining(['@jsforce/jsforce-node', 'better-sqlite3', 'yaml']));
    expect(report).toEqual(expect.arrayContaining(['better-sqlite3', 'yaml']));
    expect(sync.filter((name) => NOT_FOR_A_RUN.includes(name))).toEqual([]);
    expect(report.filter((name) => NOT_FOR_A_RUN.includes(name))).toEqual([]);
  }, 60_000);
});
