/**
 * Wall-clock readings in the dealership's zone for the tests, computed independently of the
 * generator's calendar (Intl only).
 */
export class LocalTime {
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly clockFormat: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.clockFormat = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /** `YYYY-MM-DD` local date of an instant. */
  date(ms: number): string {
    return this.dateFormat.format(ms);
  }

  /** Seconds since local midnight. */
  secondOfDay(ms: number): number {
    const [h, m, s] = this.clockFormat.format(ms).split(':').map(Number);
    return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
  }

  /** 0 = Sunday … 6 = Saturday, of a local date. */
  static weekday(date: string): number {
    return new Date(`${date}T00:00:00Z`).getUTCDay();
  }

  static addDays(date: string, days: number): string {
    return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  }
}

/** Epoch ms of a Salesforce datetime (`2026-11-20T15:04:05.000+0000`). */
export function parseSf(value: unknown): number {
  return Date.parse(String(value).replace('+0000', 'Z'));
}

export const OPEN_SECOND = 9 * 3600;
export const CLOSE_SECOND = 20 * 3600;
const SUNDAY = 0;

/** Minutes between two instants counted only Monday–Saturday 09:00–20:00 local. */
export function businessMinutes(local: LocalTime, fromMs: number, toMs: number): number {
  const clamp = (s: number) => Math.min(CLOSE_SECOND, Math.max(OPEN_SECOND, s));
  const open = (date: string) => LocalTime.weekday(date) !== SUNDAY;
  const d1 = local.date(fromMs);
  const d2 = local.date(toMs);
  const s1 = clamp(local.secondOfDay(fromMs));
  const s2 = clamp(local.secondOfDay(toMs));
  if (d1 === d2) return open(d1) ? Math.max(0, s2 - s1) / 60 : 0;
  let seconds = open(d1) ? CLOSE_SECOND - s1 : 0;
  for (let d = LocalTime.addDays(d1, 1); d < d2; d = LocalTime.addDays(d, 1)) {
    if (open(d)) seconds += CLOSE_SECOND - OPEN_SECOND;
  }
  if (open(d2)) seconds += s2 - OPEN_SECOND;
  return seconds / 60;
}
