/** The clock port: live runs read the system clock; `--now` and tests fix it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(instant: number): Clock {
  return { now: () => instant };
}
