/**
 * Wall-clock time in an IANA time zone, through Intl only (no time-zone package). Used a few
 * hundred times per generation (once per calendar day), never in the per-record loop.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const MS_PER_MINUTE = 60_000;

/** Reads wall-clock parts of instants in one time zone. */
export class ZonedClock {
  private readonly format: Intl.DateTimeFormat;

  /** Throws RangeError when `timeZone` is not a zone Intl knows. */
  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Wall-clock date and time of an instant (epoch ms). */
  partsOf(epochMs: number): LocalDateTime {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(epochMs))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return {
      year: parts.year ?? 0,
      month: parts.month ?? 0,
      day: parts.day ?? 0,
      hour: parts.hour ?? 0,
      minute: parts.minute ?? 0,
      second: parts.second ?? 0,
    };
  }

  /** The instant at which the zone's clocks show the given wall-clock time. */
  epochOf(date: LocalDate, hour: number, minute: number): number {
    const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
    // The offset at the UTC reading is right except within hours of a DST change; a second
    // pass with the offset at the first estimate settles it.
    let estimate = asUtc - this.offsetAt(asUtc);
    estimate = asUtc - this.offsetAt(estimate);
    return estimate;
  }

  /** Local wall-clock minus UTC, in ms, at an instant. */
  private offsetAt(epochMs: number): number {
    const p = this.partsOf(epochMs);
    const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
    return Math.round((wallAsUtc - wholeSeconds) / MS_PER_MINUTE) * MS_PER_MINUTE;
  }
}

/** `YYYY-MM-DD` of a calendar date. */
export function isoDate(date: LocalDate): string {
  return `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** The calendar date `days` after `date` (negative goes back). Pure date arithmetic, no zone. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
