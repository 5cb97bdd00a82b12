import { SandboxClock } from '../../../src/sandbox/clock';

/** A real clock that moves one millisecond every time it is read, like a busy CI machine. */
function tickingRealTime(start = 1_000_000): () => number {
  let t = start;
  return () => t++;
}

const START = Date.parse('2026-11-20T15:04:05.000Z');

describe('The sandbox clock', () => {
  it('given a jump and a stop in one move, when real time ticks between reads, then it stops exactly at the instant', () => {
    const clock = new SandboxClock(tickingRealTime());
    clock.move({ to: START, freeze: true });
    expect(clock.now()).toBe(START);
    expect(clock.now()).toBe(START);
  });

  it('given a jump, a step and a stop in one move, then it stops at the jump plus the step', () => {
    const clock = new SandboxClock(tickingRealTime());
    clock.move({ to: START, by: 60_000, freeze: true });
    expect(clock.now()).toBe(START + 60_000);
  });

  it('given a frozen clock, when it is moved on and let run, then it runs from the new instant', () => {
    const clock = new SandboxClock(tickingRealTime());
    clock.move({ to: START, freeze: true });
    clock.move({ by: 1_000, freeze: false });
    expect(clock.isFrozen).toBe(false);
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(START + 1_000);
    expect(now).toBeLessThan(START + 1_010);
  });

  it('given a running clock, when a move names nothing, then it neither jumps nor stops', () => {
    const clock = new SandboxClock(tickingRealTime());
    clock.move({ to: START });
    clock.move({});
    expect(clock.isFrozen).toBe(false);
    expect(clock.now() - START).toBeLessThan(10);
  });
});
