/**
 * The store sizes `npm run bench` measures, and the table that sets them side by side. The 3M store is the 1M one
 * with three times its history (270 days instead of 90, the same 1,008 reps), read whole on the first run
 * (sync.backfillDays 270): the history grows, the measured window (windowDays) does not. So what grows with the size
 * is the cost of reading and storing, and what should not grow is memory, which the design bounds by the window.
 */
import { type BenchedRun, figuresOf, mb } from './bench-figures';
import { table } from './bench-report';

export interface StoreSize {
  /** As the report and `--sizes` name it. */
  name: string;
  /** Days of history the sandbox holds, all read by the first run. */
  days: number;
  /** The activity records (Task + Event) the size stands for: fewer is reported as too small. */
  minActivity: number;
}

export const STORE_SIZES: readonly StoreSize[] = [
  { name: '1M', days: 90, minActivity: 1_000_000 },
  { name: '3M', days: 270, minActivity: 3_000_000 },
];

/** `--sizes 1m,3m` (the default: both). */
export function sizesNamed(text: string | null): StoreSize[] {
  if (text === null) return [...STORE_SIZES];
  return text.split(',').map((name) => {
    const size = STORE_SIZES.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
    if (!size) throw new Error(`--sizes knows ${STORE_SIZES.map((s) => s.name).join(', ')}; got "${name}"`);
    return size;
  });
}

export interface MeasuredSize {
  size: StoreSize;
  activity: number;
  runs: readonly BenchedRun[];
}

const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Each run at each size: records read, wall against its floor, peak RSS, so the growth is read along a row. */
export function growthTable(measured: readonly MeasuredSize[]): string {
  const rows = measured.flatMap(({ size, activity, runs }) =>
    runs.map((benched) => {
      const f = figuresOf(benched);
      return [
        `${size.name} (${int(activity)} activity, ${size.days} days): ${f.name}`,
        int(f.recordsRead),
        `${int(f.apiCalls)} (min ${int(f.minimumCalls)})`,
        sec(f.commandMs),
        sec(f.floorMs),
        `${(f.commandMs / f.floorMs).toFixed(2)}×`,
        mb(f.peakRssBytes),
      ];
    }),
  );
  return table(['store: run', 'records read', 'API calls', 'wall (sync)', 'floor', 'wall/floor', 'peak RSS'], rows);
}
