/**
 * The fleet's figures over several rounds (scripts/bench-fleet-figures.ts): its schedule, overlaps of one
 * dealership's runs, runs at once against the limit, and memory from round to round.
 */
import { createTask } from 'node-cron';
import {
  everyMinutesAt,
  fleetTickAtOrAfter,
  memoryFlat,
  mostAtOnce,
  overlapping,
  roundMemory,
} from '../../scripts/bench-fleet-figures';
import type { ServedRun } from '../../scripts/bench-serve-figures';

const T0 = Date.parse('2026-12-05T09:40:34.000Z');
const S = 1_000;
const MB = 1024 * 1024;

function run(org: string, fromS: number, toS: number): ServedRun {
  return { org, runId: 'run-x', startedAt: T0 + fromS * S, finishedAt: T0 + toS * S, result: 'ok', apiCalls: 24 };
}

describe('the fleet’s schedule', () => {
  it('given an interval of three minutes from minute 41, when node-cron reads the cron, then it fires three minutes apart at the second, in any whole-hour zone', () => {
    const cron = everyMinutesAt(34, 3, 41);
    expect(cron).toBe('34 2,5,8,11,14,17,20,23,26,29,32,35,38,41,44,47,50,53,56,59 * * * *');
    const task = createTask(cron, () => undefined, { timezone: 'America/Chicago' });
    const [a, b, c] = task.getNextRuns(3).map((d) => d.getTime());
    void task.destroy();
    expect([(b ?? 0) - (a ?? 0), (c ?? 0) - (b ?? 0)]).toEqual([180 * S, 180 * S]);
    expect(new Date(a ?? 0).getUTCSeconds()).toBe(34);
  });

  it('given an instant, then the first tick is the next whole second at that second on a minute of the schedule', () => {
    const at = Date.parse('2026-12-05T09:40:20.000Z');
    expect(fleetTickAtOrAfter(at, 34, 3, 41)).toBe(Date.parse('2026-12-05T09:41:34.000Z'));
    expect(fleetTickAtOrAfter(at, 34, 3, 40)).toBe(Date.parse('2026-12-05T09:40:34.000Z'));
    expect(fleetTickAtOrAfter(at, 10, 3, 40)).toBe(Date.parse('2026-12-05T09:43:10.000Z'));
    expect(fleetTickAtOrAfter(at, 34, 1, 0)).toBe(Date.parse('2026-12-05T09:40:34.000Z'));
  });

  it('given one minute, then it is every minute; an interval that does not divide the hour is refused', () => {
    expect(everyMinutesAt(5, 1, 17)).toBe('5 * * * * *');
    expect(() => everyMinutesAt(5, 7, 0)).toThrow(RangeError);
  });
});

describe('the fleet’s guarantees', () => {
  it('given a dealership whose second run starts before its first ends, then it is named; back to back is no overlap', () => {
    const byOrg = new Map([
      ['a.yaml', [run('a.yaml', 0, 5), run('a.yaml', 5, 9)]],
      ['b.yaml', [run('b.yaml', 185, 190), run('b.yaml', 0, 186)]],
    ]);
    expect(overlapping(byOrg)).toEqual(['b.yaml']);
  });

  it('given runs whose spans cross, then the most at once is counted; a slot handed over at one instant is not two', () => {
    expect(mostAtOnce([run('a', 0, 4), run('b', 1, 3), run('c', 4, 6), run('d', 2, 5)])).toBe(3);
    expect(mostAtOnce([run('a', 0, 4), run('b', 4, 8)])).toBe(1);
    expect(mostAtOnce([])).toBe(0);
  });
});

describe('memory from round to round', () => {
  const samples = [
    { atMs: T0 - 100, bytes: 150 * MB },
    { atMs: T0 + 1_000, bytes: 300 * MB },
    { atMs: T0 + 170_000, bytes: 160 * MB },
    { atMs: T0 + 181_000, bytes: 320 * MB },
    { atMs: T0 + 361_000, bytes: 329 * MB },
  ];
  const ticks = [T0, T0 + 180_000, T0 + 360_000];

  it('given samples over three rounds, then each round has the RSS before its tick and its own peak', () => {
    expect(roundMemory(samples, ticks)).toEqual([
      { tick: T0, beforeBytes: 150 * MB, peakBytes: 300 * MB },
      { tick: T0 + 180_000, beforeBytes: 160 * MB, peakBytes: 320 * MB },
      { tick: T0 + 360_000, beforeBytes: 320 * MB, peakBytes: 329 * MB },
    ]);
  });

  it('given steady rounds within a tenth of the first steady round’s peak, then memory is flat; one above it is not', () => {
    const rounds = roundMemory(samples, ticks);
    expect(memoryFlat(rounds)).toBe(true);
    expect(memoryFlat([...rounds, { tick: T0 + 540_000, beforeBytes: 0, peakBytes: 353 * MB }])).toBe(false);
  });

  it('given an initial round far above the steady ones, then it does not count; one steady round proves nothing', () => {
    const round = (peakMb: number) => ({ tick: T0, beforeBytes: 0, peakBytes: peakMb * MB });
    expect(memoryFlat([round(500), round(300), round(310)])).toBe(true);
    expect(memoryFlat([round(300), round(300)])).toBe(false);
  });
});
