/**
 * What measuring yields: one result per measure for each rep and for the team. Every rate is
 * in [0, 1] or null; a zero denominator gives null (an unknown value), never NaN or 0.
 * Team values pool the salespeople (setters are measured on their own steps but are not the
 * team a salesperson is compared with); counts that are per person (volumes per day, overdue
 * items, stale leads) are shown per salesperson for the team.
 */
import type { MeasureKind, RepRole } from './model';
import type { Interval } from './stats';

/** Results of one measure: by rep index (the order of the reps given) and for the team. */
export interface MeasureResults<T> {
  reps: T[];
  team: T;
}

interface ResultBase {
  kind: MeasureKind;
  measure: string;
  /** The headline value: a rate, a count per working day or a count; null when unknown. */
  value: number | null;
}

export interface VolumeResult extends ResultBase {
  kind: 'volume';
  step: string;
  /** Non-suspicious events credited in the period (the salespeople's total for the team). */
  observed: number;
  workingDays: number;
  /** Expected per working day; null when no expectation applies (a setter and a goal-based volume). */
  expectedPerDay: number | null;
  /** What the goal would need per working day at the rep's own conversion (goal volumes only). */
  expectedAtOwnPerDay: number | null;
  /** Expected events in the period: expectedPerDay × working days (× salespeople for the team). */
  expected: number | null;
  /** P(X ≤ observed) for X ~ Poisson(expected); null without an expectation. */
  lowerTail: number | null;
  /**
   * Whether the rep started during the period: their pipeline starts empty (no older leads to call
   * back), so their first weeks' volume is a ramp, not a pace; volumes are judged from their first
   * full period.
   */
  joinedInPeriod: boolean;
  /** The rep's daily counts' variance over their mean (daily-spread.ts); null for a team or too few days. */
  dailyDispersion: number | null;
}

export interface RatioResult extends ResultBase {
  kind: 'ratio';
  from: string;
  to: string;
  basis: 'subject' | 'count';
  successes: number;
  trials: number;
  interval: Interval | null;
  target: number;
  /**
   * Whole days cut from the window's end for the trials (`subject` basis): customers that
   * recent have not had the time most take to reach `to` (measure-ratio.ts). 0 for `count`.
   */
  matureDays: number;
}

export interface ResponseTimeResult extends ResultBase {
  kind: 'responseTime';
  from: string;
  to: string;
  /** Subjects answered within the SLA. */
  within: number;
  /** Subjects decided: answered, or unanswered with the SLA already passed. */
  decided: number;
  /** Unanswered subjects still inside their SLA at the end of the period (left out). */
  pending: number;
  interval: Interval | null;
  /** Median minutes to the answer over answered subjects; null when none. */
  medianMinutes: number | null;
  slaMinutes: number;
  target: number;
}

export interface OpenItem {
  recordId: string;
  subject: string | null;
  due: string;
}

export interface OverdueResult extends ResultBase {
  kind: 'overdue';
  count: number;
  maxAllowed: number;
  /** The rep's overdue items (empty for the team), oldest first. */
  items: OpenItem[];
}

export interface StaleLead {
  leadId: string;
  name: string | null;
  repId: string;
  /** Latest activity on the lead, else its creation, epoch ms. */
  lastActivityAt: number;
  /** Local date on which the lead became stale (last activity + days). */
  dueDate: string;
  daysIdle: number;
}

export interface StaleLeadResult extends ResultBase {
  kind: 'staleLead';
  count: number;
  maxAllowed: number;
  days: number;
  /** The rep's stale leads (empty for the team), longest idle first. */
  leads: StaleLead[];
}

export interface SequenceResult extends ResultBase {
  kind: 'sequence';
  step: string;
  reached: number;
  skipped: number;
  interval: Interval | null;
  /** How often each required step was missing. */
  skippedBySteps: Record<string, number>;
  maxSkipShare: number;
}

export interface IntegrityResult extends ResultBase {
  kind: 'integrity';
  checked: number;
  suspicious: number;
  inBursts: number;
  tooShort: number;
  suspiciousBySteps: Record<string, number>;
  maxSuspiciousShare: number;
}

export type MeasureResult =
  VolumeResult | RatioResult | ResponseTimeResult | OverdueResult | StaleLeadResult | SequenceResult | IntegrityResult;

export interface Scorecard {
  /** The rep's User Id; null for the team. */
  repId: string | null;
  name: string;
  role: RepRole | 'team';
  /** Salespeople whose activity the values pool (1 for a rep). */
  members: number;
  /** One result per measure, in the config's order. */
  results: MeasureResult[];
}
