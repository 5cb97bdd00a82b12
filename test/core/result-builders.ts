/**
 * Builders of single measure results, for the rules that read them (rules.ts, peers.ts): each
 * kind with plausible defaults, and the fields a test cares about overridden.
 */
import type {
  IntegrityResult,
  OverdueResult,
  RatioResult,
  ResponseTimeResult,
  SequenceResult,
  StaleLeadResult,
  VolumeResult,
} from '../../src/core/measure-results';

export function ratioResult(
  successes: number,
  trials: number,
  interval: { low: number; high: number } | null = null,
  over: Partial<RatioResult> = {},
): RatioResult {
  return {
    kind: 'ratio',
    measure: 'set_rate',
    value: trials > 0 ? successes / trials : null,
    from: 'contact',
    to: 'appointment_set',
    basis: 'subject',
    successes,
    trials,
    interval,
    target: 0.6,
    matureDays: 0,
    ...over,
  };
}

/** A rep's calls over 20 working days against an expectation. */
export function callsResult(
  observed: number,
  expected: number | null,
  dailyDispersion: number | null = null,
  over: Partial<VolumeResult> = {},
): VolumeResult {
  return {
    kind: 'volume',
    measure: 'calls',
    value: observed / 20,
    step: 'attempt',
    observed,
    workingDays: 20,
    expectedPerDay: expected === null ? null : expected / 20,
    expectedAtOwnPerDay: null,
    expected,
    lowerTail: null,
    joinedInPeriod: false,
    dailyDispersion,
    ...over,
  };
}

export function responseResult(within: number, decided: number, target = 0.8): ResponseTimeResult {
  return {
    kind: 'responseTime',
    measure: 'lead_response',
    value: decided > 0 ? within / decided : null,
    from: 'lead_created',
    to: 'contact',
    within,
    decided,
    pending: 0,
    interval: null,
    medianMinutes: null,
    slaMinutes: 30,
    target,
  };
}

export function sequenceResult(skipped: number, reached: number, maxSkipShare = 0.1): SequenceResult {
  return {
    kind: 'sequence',
    measure: 'demo_before_sale',
    value: reached > 0 ? skipped / reached : null,
    step: 'sold',
    reached,
    skipped,
    interval: null,
    skippedBySteps: { demo: skipped },
    maxSkipShare,
  };
}

export function integrityResult(suspicious: number, checked: number, maxSuspiciousShare = 0.05): IntegrityResult {
  return {
    kind: 'integrity',
    measure: 'call_integrity',
    value: checked > 0 ? suspicious / checked : null,
    checked,
    suspicious,
    inBursts: suspicious,
    tooShort: 0,
    suspiciousBySteps: { attempt: suspicious },
    maxSuspiciousShare,
  };
}

export function overdueResult(count: number, maxAllowed = 3): OverdueResult {
  return { kind: 'overdue', measure: 'overdue_follow_ups', value: count, count, maxAllowed, items: [] };
}

export function staleResult(count: number, maxAllowed = 5): StaleLeadResult {
  return { kind: 'staleLead', measure: 'stale_leads', value: count, count, maxAllowed, days: 7, leads: [] };
}
