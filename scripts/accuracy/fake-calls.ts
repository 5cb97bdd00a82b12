/**
 * Fake calls: bursts of completed "calls" logged seconds apart, the pattern of a rep padding
 * the call log without dialling (12 to 20 at a time, 5 to 15 seconds apart, so each burst is
 * well past the config's 10 calls in 5 minutes). They come on top of the rep's real calls,
 * which stay as the team's, so the planted truth is the faking alone.
 */
import type { DayNumber } from '../../src/core/civil-date';
import type { JourneyContext } from './lead-journey';

const BURST: readonly [number, number] = [12, 20];
const SECONDS_APART: readonly [number, number] = [5, 15];

/** Logs `count` fake calls to the owner's leads on working days of `days` (past days only). */
export function plantFakeCalls(
  ctx: JourneyContext,
  ownerId: string,
  leadIds: readonly string[],
  days: readonly DayNumber[],
  count: number,
): void {
  const { clock, random, sink } = ctx;
  const workingDays = days.filter((day) => clock.isWorkingDay(day) && day < ctx.todayDay);
  if (leadIds.length === 0 || workingDays.length === 0) return;
  for (let left = count; left >= BURST[0];) {
    const size = Math.min(left, random.int(BURST[0], BURST[1]));
    const day = random.pick(workingDays);
    let at = clock.timeDuringHours(random, day, 30);
    for (let i = 0; i < size; i++) {
      sink.call(ownerId, random.pick(leadIds), at, 'No Answer', random.int(0, 4), day);
      at += random.uniform(SECONDS_APART[0], SECONDS_APART[1]) * 1000;
    }
    left -= size;
  }
}
