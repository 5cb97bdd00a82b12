import { type Command, InvalidArgumentError } from 'commander';
import { CoachError, ExitCode } from '../../lib/errors';
import { DEMO_DEFAULTS } from '../../sandbox/demo/generate';
import { FAULT_SPEC_HELP, parseFaultSpecs } from '../../sandbox/faults/parse-fault';
import { DEFAULT_PORT } from '../../sandbox/address';
import type { RunningSandbox, SandboxOptions } from '../../sandbox/server';
import type { CliContext } from '../context';
import { sandboxServer } from '../on-demand';
import { wholeNumber } from '../options';

/**
 * `execution-coach sandbox`: runs the local Salesforce-compatible org on 127.0.0.1 until
 * SIGINT/SIGTERM, printing what a client needs to connect (ARCHITECTURE.md §9).
 */

export interface SandboxFlags {
  port: number;
  seed: number | false;
  reps?: number;
  days?: number;
  scale?: number;
  now?: string;
  timeZone?: string;
  latencyMs?: number;
  fault: string[];
  data?: string;
  apiLimit?: number;
}

function positive(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError('must be a positive number.');
  return n;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerSandbox(program: Command, ctx: CliContext): void {
  program
    .command('sandbox')
    .description('Run a local Salesforce-compatible org (REST, OAuth, Bulk 2.0) seeded with a demo dealership')
    .option('--port <n>', 'TCP port on 127.0.0.1 (0 picks a free one)', wholeNumber('--port', 0), DEFAULT_PORT)
    .option('--seed <n>', 'seed of the demo dealership', wholeNumber('--seed', 0), DEMO_DEFAULTS.seed)
    .option('--no-seed', 'start with an empty org')
    .option('--reps <n>', `salespeople (default ${DEMO_DEFAULTS.reps})`, wholeNumber('--reps', 1))
    .option('--days <n>', `days of history (default ${DEMO_DEFAULTS.days})`, wholeNumber('--days', 1))
    .option('--scale <n>', 'volume multiplier (large values make millions of activities)', positive)
    .option('--now <iso>', 'start the clock at this instant; it then runs in real time')
    .option('--time-zone <tz>', `the org's time zone (default ${DEMO_DEFAULTS.timeZone})`)
    .option('--latency-ms <n>', 'latency added to every request', wholeNumber('--latency-ms', 0))
    .option('--fault <spec>', `inject a fault, repeatable: ${FAULT_SPEC_HELP}`, collect, [])
    .option('--data <file>', 'load the org from this snapshot if it exists, save it there on exit')
    .option('--api-limit <n>', 'daily API request allocation', wholeNumber('--api-limit', 1))
    .action(async (flags: SandboxFlags) => {
      const sandbox = await start(sandboxOptionsFrom(flags));
      ctx.out(describeSandbox(sandbox, flags));
      await untilStopped();
      ctx.out('Stopping the sandbox…\n');
      await sandbox.close();
    });
}

/** Maps the command's flags onto startSandbox options (usage errors exit 2). */
export function sandboxOptionsFrom(flags: SandboxFlags): SandboxOptions {
  let faults;
  try {
    faults = parseFaultSpecs(flags.fault);
  } catch (error) {
    throw new CoachError({
      code: 'SANDBOX_BAD_FAULT',
      message: (error as Error).message,
      exitCode: ExitCode.usage,
      actions: [`Use one of: ${FAULT_SPEC_HELP}.`],
    });
  }
  if (flags.latencyMs !== undefined)
    faults = { ...faults, latencyMinMs: flags.latencyMs, latencyMaxMs: flags.latencyMs };
  if (flags.now !== undefined && !Number.isFinite(Date.parse(flags.now))) {
    throw new CoachError({
      code: 'SANDBOX_BAD_NOW',
      message: `--now ${flags.now} is not an ISO datetime.`,
      exitCode: ExitCode.usage,
      actions: ['Pass e.g. --now 2026-11-20T15:00:00Z.'],
    });
  }
  return {
    port: flags.port,
    ...(flags.now === undefined ? {} : { now: flags.now }),
    ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }),
    ...(flags.data === undefined ? {} : { dataFile: flags.data }),
    ...(flags.apiLimit === undefined ? {} : { apiLimit: flags.apiLimit }),
    seed: flags.seed === false ? false : { seed: flags.seed, reps: flags.reps, days: flags.days, scale: flags.scale },
    faults,
  };
}

async function start(options: SandboxOptions): Promise<RunningSandbox> {
  try {
    return await sandboxServer().startSandbox(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CoachError({
        code: 'SANDBOX_PORT_IN_USE',
        message: `Port ${String(options.port)} on 127.0.0.1 is already in use.`,
        actions: ['Stop whatever listens there (another sandbox?), or pass --port 0 to pick a free port.'],
        cause: error,
      });
    }
    if (error instanceof RangeError) {
      throw new CoachError({
        code: 'SANDBOX_BAD_TIME_ZONE',
        message: error.message,
        exitCode: ExitCode.usage,
        actions: ['Pass an IANA time zone, e.g. --time-zone America/Chicago.'],
        cause: error,
      });
    }
    throw error;
  }
}

export function describeSandbox(sandbox: RunningSandbox, flags: Pick<SandboxFlags, 'data'>): string {
  const counts = sandbox.store.counts();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const seeded = sandbox.seeded;
  const data = seeded
    ? `demo dealership (seed ${seeded.options.seed}, ${seeded.options.reps} reps, ${seeded.options.days} days, scale ${seeded.options.scale})`
    : flags.data
      ? `loaded from ${flags.data}`
      : 'empty org';
  return [
    `Sandbox org running at ${sandbox.url}`,
    `  instance URL   ${sandbox.url}   (also the login URL)`,
    `  access token   ${sandbox.accessToken}`,
    `  client id      ${sandbox.clientId}`,
    `  client secret  ${sandbox.clientSecret}`,
    `  username       ${sandbox.username}   password ${sandbox.userPassword}`,
    `  admin token    ${sandbox.adminToken}   (Authorization: Bearer … on ${sandbox.url}/__sandbox/*)`,
    `  data           ${data}: ${total.toLocaleString('en-US')} records`,
    ...(flags.data ? [`  saved to       ${flags.data} on exit`] : []),
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
