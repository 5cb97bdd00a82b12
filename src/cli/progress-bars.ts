/**
 * The read's progress on a terminal: one bar per object whose read lasts more than a moment (a backfill, a large
 * catch-up), with the records read of those expected, the rate and the time left. cli-progress redraws the lines in
 * place and throttles the redraws; the line itself is ours, so it says what the log line says. An hourly incremental
 * sync ends its reads before any bar appears.
 */
import { MultiBar, type SingleBar } from 'cli-progress';
import { readRateOf, type ReadProgress, timeLeftText } from '../sync/read-progress';
import { number } from './wording';

/** A read shorter than this shows no bar. */
const SHOW_AFTER_MS = 1_000;
const BAR_WIDTH = 24;
const NAME_WIDTH = 22;

export interface ProgressBars extends ReadProgress {
  /**
   * A writer for log lines on the same terminal: written above the bars while they are drawn (a line written
   * straight to the terminal would be drawn over), directly otherwise.
   */
  above(write: (text: string) => void): (text: string) => void;
  /** Draws the bars one last time, with any log line still held, and gives the terminal back. */
  stop(): void;
}

/** What one bar shows; cli-progress hands it back to `line` as the payload. */
interface BarState {
  object: string;
  read: number;
  expected: number | null;
  startedAt: number;
  at: number;
  done: boolean;
}

/** One bar's line: `Task  ██████░░░░  120,000 of 1,011,350 (12%)  8,300/s  about 2 min left`. */
export function progressLine(state: BarState): string {
  const { read, expected } = state;
  const share = expected !== null && expected > 0 ? Math.min(1, read / expected) : null;
  const filled = share === null ? 0 : Math.round(share * BAR_WIDTH);
  const bar = share === null ? '·'.repeat(BAR_WIDTH) : '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const rate = readRateOf(read, expected, state.at - state.startedAt);
  const of =
    expected === null ? number(read) : `${number(read)} of ${number(expected)} (${Math.floor((share ?? 0) * 100)}%)`;
  const ended = expected === null || read >= expected ? 'done' : 'stopped';
  const tail = state.done ? ended : `${number(Math.round(rate.perSecond))}/s  ${timeLeftText(rate.secondsLeft)}`;
  return `${state.object.padEnd(NAME_WIDTH)} ${bar}  ${of}  ${tail}`;
}

/** Bars on `stream` (a terminal), timed by `now`. */
export function progressBars(stream: NodeJS.WritableStream, now: () => number = Date.now): ProgressBars {
  const multibar = new MultiBar({
    stream,
    format: (_options, _params, payload: BarState) => progressLine(payload),
    // A process killed mid-read would leave a hidden cursor behind.
    hideCursor: false,
    clearOnComplete: false,
    stopOnComplete: false,
    fps: 4,
  });
  const reads = new Map<string, { state: BarState; bar: SingleBar | null }>();
  let drawing = false;
  const draw = (entry: { state: BarState; bar: SingleBar | null }): void => {
    entry.state.at = now();
    if (entry.bar === null && !entry.state.done && entry.state.at - entry.state.startedAt < SHOW_AFTER_MS) return;
    const total = entry.state.expected ?? entry.state.read;
    if (entry.bar === null) {
      entry.bar = multibar.create(total, entry.state.read, entry.state);
      drawing = true;
    } else entry.bar.setTotal(total);
    entry.bar.update(entry.state.read, entry.state);
  };
  return {
    start: (object) => {
      const at = now();
      reads.set(object, { state: { object, read: 0, expected: null, startedAt: at, at, done: false }, bar: null });
    },
    page: (object, read, expected) => {
      const entry = reads.get(object);
      if (entry === undefined) return;
      entry.state.read = read;
      entry.state.expected = expected;
      draw(entry);
    },
    end: (object) => {
      const entry = reads.get(object);
      if (entry === undefined || entry.bar === null) return;
      entry.state.done = true;
      draw(entry);
    },
    above: (write) => (text) => (drawing ? multibar.log(text) : write(text)),
    stop: () => {
      if (!drawing) return;
      multibar.update(); // writes the log lines still held
      multibar.stop();
      drawing = false;
    },
  };
}
