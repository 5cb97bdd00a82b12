/**
 * The sandbox side of `npm run bench`, run as a child process so that its memory (the whole
 * seeded org lives in it) is not counted against the connector. It seeds the demo dealership at
 * the scale asked, with its clock frozen so that every run of the benchmark sees the same data
 * and the same timestamps, then answers the benchmark's questions over IPC: move the clock,
 * hand out a fresh access token (for the floor's bare fetch loop), change 1% of the records,
 * report API calls and memory, stop.
 *
 * Usage (by bench.ts): bench-org.ts --seed N --reps N --scale N --seeded-at ISO --api-limit N [--days N]
 * (--days: the history's length, the demo's 90 by default; the 3M store is the 1M one with three times the history)
 * (by bench-serve.ts also --latency-ms N: every request answered that much later, as a distant org would)
 */
import { answer, type Message } from './bench-ipc';
import { type ChangePlan, changeRecords } from './bench-changes';
import type { ChangeAnswer, ClockAnswer, OrgReady, TokenAnswer, UsageAnswer } from './bench-messages';
import { startSandbox } from '../src/sandbox/server';

function numberOption(name: string): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = Number(index >= 0 ? process.argv[index + 1] : NaN);
  if (!Number.isFinite(value)) throw new Error(`bench-org.ts needs --${name} <number>`);
  return value;
}

function textOption(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (value === undefined) throw new Error(`bench-org.ts needs --${name} <value>`);
  return value;
}

/** An option the benchmark may leave out. */
function optionalNumber(name: string): number | undefined {
  return process.argv.includes(`--${name}`) ? numberOption(name) : undefined;
}

async function main(): Promise<void> {
  const seededAt = Date.parse(textOption('seeded-at'));
  const latencyMs = optionalNumber('latency-ms');
  const days = optionalNumber('days');
  const started = performance.now();
  const sandbox = await startSandbox({
    port: 0,
    now: seededAt,
    freezeClock: true,
    apiLimit: numberOption('api-limit'),
    ...(latencyMs === undefined ? {} : { faults: { latencyMinMs: latencyMs, latencyMaxMs: latencyMs } }),
    seed: {
      seed: numberOption('seed'),
      reps: numberOption('reps'),
      scale: numberOption('scale'),
      now: seededAt,
      ...(days === undefined ? {} : { days }),
    },
  });
  const seedMs = performance.now() - started;

  answer<ClockAnswer>('clock', (message) => {
    sandbox.clock.set(message.now);
    return { kind: 'clock', now: sandbox.clock.now() } satisfies ClockAnswer;
  });
  answer<Message>(
    'token',
    () =>
      ({
        kind: 'token',
        accessToken: sandbox.sessions.issue(sandbox.org.integrationUserId).accessToken,
      }) satisfies TokenAnswer,
  );
  answer<Message>('usage', () => {
    const { total, byKind } = sandbox.usage.counters();
    return { kind: 'usage', total, byKind, peakRssBytes: process.resourceUsage().maxRSS * 1024 } satisfies UsageAnswer;
  });
  answer<ChangePlan & Message>(
    'change',
    (plan) => ({ kind: 'change', changed: changeRecords(sandbox, plan) }) satisfies ChangeAnswer,
  );
  answer<Message>('stop', async () => {
    await sandbox.close();
    setImmediate(() => process.exit(0));
    return { kind: 'stop' };
  });
  // The benchmark died without saying stop: do not linger.
  process.on('disconnect', () => process.exit(0));

  const ready: OrgReady = {
    kind: 'ready',
    url: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    counts: sandbox.store.counts(),
    seedMs,
  };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
