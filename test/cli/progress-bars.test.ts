/**
 * Progress bars on a terminal: a bar per object whose read lasts more than a moment, with records of those expected,
 * the rate and the time left; log lines written above the bars; nothing for a quick read.
 */
import { progressBars, progressLine } from '../../src/cli/progress-bars';
import { aTerminal } from './terminal';

describe('a progress line', () => {
  it('given 120,000 of 1,000,000 Tasks read in 15 s, then the bar, the count with its share, the rate and the time left', () => {
    const line = progressLine({
      object: 'Task',
      read: 120_000,
      expected: 1_000_000,
      startedAt: 0,
      at: 15_000,
      done: false,
    });
    expect(line).toBe(
      `${'Task'.padEnd(22)} ${'█'.repeat(3)}${'░'.repeat(21)}  120,000 of 1,000,000 (12%)  8,000/s  about 2 min left`,
    );
  });

  it('given no total known, then a dotted bar and the count alone; when ended short of the total, stopped', () => {
    expect(progressLine({ object: 'Lead', read: 500, expected: null, startedAt: 0, at: 1_000, done: false })).toContain(
      `${'·'.repeat(24)}  500  500/s  time left unknown`,
    );
    expect(progressLine({ object: 'Lead', read: 500, expected: 900, startedAt: 0, at: 1_000, done: true })).toMatch(
      /500 of 900 \(55%\) {2}stopped$/,
    );
    expect(progressLine({ object: 'Lead', read: 900, expected: 900, startedAt: 0, at: 1_000, done: true })).toMatch(
      / done$/,
    );
  });
});

describe('progress bars', () => {
  it('given a read that ends within a second, then nothing is drawn and log lines go straight through', () => {
    let now = 0;
    const terminal = aTerminal();
    const logged: string[] = [];
    const bars = progressBars(terminal, () => now);
    const log = bars.above((text) => logged.push(text));
    bars.start('Task');
    now = 400;
    bars.page('Task', 2_000, 2_000);
    bars.end('Task');
    log('read Task\n');
    bars.stop();
    expect([terminal.text(), logged]).toEqual(['', ['read Task\n']]);
  });

  it('given a read that lasts, then its bar is drawn, a log line appears above it, and the final bar says done', () => {
    let now = 0;
    const terminal = aTerminal();
    const logged: string[] = [];
    const bars = progressBars(terminal, () => now);
    const log = bars.above((text) => logged.push(text));
    bars.start('Task');
    now = 2_000;
    bars.page('Task', 4_000, 10_000);
    log('retrying a Salesforce request\n');
    now = 5_000;
    bars.page('Task', 10_000, 10_000);
    bars.end('Task');
    bars.stop();
    const text = terminal.text();
    expect(logged).toEqual([]);
    expect(text).toContain('retrying a Salesforce request\n');
    expect(text).toMatch(/Task +█{24} {2}10,000 of 10,000 \(100%\) {2}done\n$/);
  });
});
