/**
 * One person's new inquiries and how many of them are touched within three days: the noise behind
 * a staleLead measure's candidate (src/core/predictive-touched.ts) in the generated stores. Steps
 * of their own (`inquiry`, `follow_up`) on subjects of their own, drawn from a stream of its own,
 * so no other candidate's events or draws change. The share has a person's own level, tied to
 * their drive (a person who works more follows up more), a season and weekly swings, and never
 * moves sales.
 */
import type { DealershipCalendar } from '../../src/core/calendar';
import type { DayNumber } from '../../src/core/civil-date';
import type { Random } from '../accuracy/random';

export const TOUCH_NOISE = { id: 'inquiries_touched', arrival: 'inquiry', touch: 'follow_up', days: 3 } as const;
const AR = 0.6;
const DAY_MINUTES = 24 * 60;

export class TouchNoise {
  private readonly logit: number;
  private swing = 0;
  private share = 0.7;
  private inquiries = 0;

  constructor(
    private readonly random: Random,
    private readonly person: string,
    private readonly drive: number,
  ) {
    this.logit = 1 + 0.8 * random.normal() + 2 * (drive - 1);
  }

  nextWeek(season: number): void {
    this.swing = AR * this.swing + Math.sqrt(1 - AR * AR) * this.random.normal() * 0.9;
    this.share = 1 / (1 + Math.exp(-(this.logit + this.swing + 2 * (season - 1))));
  }

  /**
   * A working day's inquiries, about one and a half: each followed up within two days and some
   * hours (before its third day), or four to eight days later, or never.
   */
  day(day: DayNumber, calendar: DealershipCalendar, emit: (step: string, at: number, subject: string) => void): void {
    const { random } = this;
    const count = random.poisson(1.5 * this.drive);
    for (let k = 0; k < count; k++) {
      const subject = `inquiry-${this.person}-${this.inquiries++}`;
      const at = calendar.instantAt(day, 9 * 60 + random.int(0, 600));
      emit(TOUCH_NOISE.arrival, at, subject);
      if (random.chance(this.share)) emit(TOUCH_NOISE.touch, at + random.int(60, 2 * DAY_MINUTES) * 60_000, subject);
      else if (random.chance(0.5))
        emit(TOUCH_NOISE.touch, at + random.int(4 * DAY_MINUTES, 8 * DAY_MINUTES) * 60_000, subject);
    }
  }
}
