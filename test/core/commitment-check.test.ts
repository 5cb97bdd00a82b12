import { type CommitmentCheck, checkCommitment } from '../../src/core/commitment-check';
import { dayFromDate } from '../../src/core/civil-date';
import type { MeasureResult } from '../../src/core/measure-results';
import type { OpenRepFlag } from '../../src/core/flags';
import { modelBuilder, openFlag, overdue, ratio, sequence, volume } from './builders';
import { callsResult, overdueResult, ratioResult, sequenceResult } from './result-builders';

// minSample 20, confidence 0.9: a decision needs 20 contacts and a one-sided p below 5%.
const model = modelBuilder().measures(ratio(), volume(), sequence(), overdue()).build();
const measureOf = (id: string) => model.measures.find((m) => m.id === id)!;

/** A flag on the set rate (4 of 40, target 60%) committed on 18 Nov, follow-up 24 Nov. */
function committed(over: Partial<OpenRepFlag> = {}): OpenRepFlag {
  return openFlag({
    measure: 'set_rate',
    repId: 'A',
    openedOn: '2026-11-10',
    status: 'Committed',
    commitment: 'Ask for the appointment twice',
    followUpDate: '2026-11-24',
    committedOn: '2026-11-18',
    actual: 0.1,
    sampleSize: 40,
    ...over,
  });
}

function check(result: MeasureResult | undefined, today = '2026-11-25', flag = committed()): CommitmentCheck {
  return checkCommitment(flag, measureOf(flag.measure), result, {
    model,
    sinceDay: dayFromDate('2026-11-18')!,
    todayDay: dayFromDate(today)!,
    role: 'salesperson',
  });
}

describe('the outcome of a commitment, decided on evidence', () => {
  it('given 3 sets of 5 contacts since (60%, the target), when checked, then it waits: 5 is below the 20 a flag needs', () => {
    const outcome = check(ratioResult(3, 5));
    expect(outcome.status).toBe('Waiting');
    expect(outcome.text).toBe(
      'Waiting for data: Appointment set rate 10% → 60% since 2026-11-18 (sample 5, 20 needed), not conclusive yet; decided by 2026-12-22',
    );
  });

  it('given exactly the target on the sample a flag needs (12 of 20), then Improved, at target', () => {
    const outcome = check(ratioResult(12, 20));
    expect(outcome).toMatchObject({ status: 'Improved', before: 0.1, after: 0.6 });
    expect(outcome.text).toBe('Appointment set rate 10% → 60% since 2026-11-18 (sample 20): at target 60%');
  });

  it('given 8 of 20 (40%), short of the target but far above 4 of 40, then Improved, confidently better', () => {
    expect(check(ratioResult(8, 20))).toMatchObject({
      status: 'Improved',
      text: 'Appointment set rate 10% → 40% since 2026-11-18 (sample 20): confidently better',
    });
  });

  it('given 3 of 20 (15%), one more than the baseline rate would give, then Not Improved: confidently short of the target', () => {
    expect(check(ratioResult(3, 20))).toMatchObject({
      status: 'Not Improved',
      text: 'Appointment set rate 10% → 15% since 2026-11-18 (sample 20): still short of target 60%',
    });
  });

  it('given a rate between the baseline and the target that neither test settles, then it waits', () => {
    // 50% of 24: not confidently below 60%, and against a baseline of 12 of 30 (40%) not confidently better.
    const outcome = check(ratioResult(12, 24), '2026-11-25', committed({ actual: 0.4, sampleSize: 30 }));
    expect(outcome.status).toBe('Waiting');
  });

  it('given the same thin sample once the wait is over, then it is decided on what there is and says so', () => {
    const outcome = check(ratioResult(3, 5), '2026-12-22');
    expect(outcome).toMatchObject({
      status: 'Improved',
      text: 'Appointment set rate 10% → 60% since 2026-11-18, decided on thin data (sample 5, 20 needed) on 2026-12-22',
    });
    expect(check(ratioResult(0, 5), '2026-12-22').status).toBe('Not Improved');
  });

  it('given no contact at all since the commitment, then it waits, and after the wait it is Not Improved', () => {
    expect(check(ratioResult(0, 0))).toMatchObject({
      status: 'Waiting',
      text: 'Waiting for data: Appointment set rate, no activity to measure since 2026-11-18 yet; decided by 2026-12-22',
    });
    expect(check(ratioResult(0, 0), '2026-12-22')).toMatchObject({
      status: 'Not Improved',
      text: 'Appointment set rate: no activity to measure since 2026-11-18, waited to 2026-12-22',
    });
  });

  it('given a flag written without a sample size, then the baseline is taken as known and the rule still holds', () => {
    const old = committed({ sampleSize: null });
    expect(check(ratioResult(8, 20), '2026-11-25', old).status).toBe('Improved');
    expect(check(ratioResult(3, 20), '2026-11-25', old).status).toBe('Not Improved');
  });

  it('given one more appointment than before on the flag’s own sample size, then not Improved on that alone', () => {
    // 5 of 40 against 4 of 40: the old rule's "any move the right way" called this an improvement.
    expect(check(ratioResult(5, 40)).status).toBe('Not Improved');
  });
});

describe('the outcome of other kinds of measure', () => {
  const callsFlag = committed({ measure: 'calls', key: 'v1:calls:A:2026-11-10', actual: 2, sampleSize: 20 });

  it('given calls at the expected pace since the commitment, then Improved, at target', () => {
    // 10 working days expecting 5 a day: 52 calls.
    const since = callsResult(52, 50, 1, { workingDays: 10, value: 5.2, expectedPerDay: 5 });
    expect(check(since, '2026-11-25', callsFlag)).toMatchObject({ status: 'Improved' });
  });

  it('given calls a little above the old pace but far below the expected one, then Not Improved', () => {
    const since = callsResult(25, 50, 1, { workingDays: 10, value: 2.5, expectedPerDay: 5 });
    expect(check(since, '2026-11-25', callsFlag)).toMatchObject({
      status: 'Not Improved',
      text: 'Outbound calls 2 → 2.5 since 2026-11-18 (50 expected): still short of target 5',
    });
  });

  it('given a skip share where lower is better, at the tolerated share on enough sales, then Improved', () => {
    const flag = committed({ measure: 'demo_before_sale', key: 'v1:demo_before_sale:A:2026-11-10', actual: 0.4 });
    expect(check(sequenceResult(2, 25), '2026-11-25', flag)).toMatchObject({ status: 'Improved' });
    expect(check(sequenceResult(12, 25), '2026-11-25', flag)).toMatchObject({ status: 'Not Improved' });
  });

  it('given overdue follow-ups, a count of facts rather than a sample, then decided at once against the allowance', () => {
    const flag = committed({ measure: 'overdue_follow_ups', key: 'v1:overdue_follow_ups:A:2026-11-10', actual: 6 });
    expect(check(overdueResult(2, 2), '2026-11-25', flag)).toMatchObject({
      status: 'Improved',
      text: 'Overdue follow-ups 6 → 2 since 2026-11-18: within the 2 allowed',
    });
    expect(check(overdueResult(3, 2), '2026-11-25', flag).status).toBe('Not Improved');
  });
});
