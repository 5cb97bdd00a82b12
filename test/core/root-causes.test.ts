import type { MeasureResult } from '../../src/core/measure-results';
import { type Related, rootCauses, rootLeak } from '../../src/core/root-causes';
import { overdue, ratio, sequence, staleLead } from './builders';
import { overdueResult as overdueItemsResult, ratioResult, responseResult } from './result-builders';

const ratioAt = (from: string, to: string): MeasureResult =>
  ratioResult(12, 40, null, { measure: `${from}_${to}`, value: 0.3, from, to });
const skips: MeasureResult = {
  kind: 'sequence',
  measure: 'demo_before_sale',
  value: 0.5,
  step: 'sold',
  reached: 40,
  skipped: 20,
  interval: null,
  skippedBySteps: { demo: 20 },
  maxSkipShare: 0.1,
};
const related = (result: MeasureResult, step: string, lostUnits: number, id = result.measure): Related => ({
  measure: { ...ratio(), id },
  result,
  step,
  lostUnits,
});

describe('root causes before the cap', () => {
  it('given a skipped demo and low rates into the demo and into the sale, then one Knowledge cause with two symptoms', () => {
    const cause = { ...related(skips, 'demo', 0.4), measure: sequence() };
    const demoRate = related(ratioAt('appointment_shown', 'demo'), 'demo', 1.2);
    const closeRate = related(ratioAt('write_up', 'sold'), 'sold', 0.9);
    const setRate = related(ratioAt('contact', 'appointment_set'), 'appointment_set', 2);
    const roots = rootCauses([demoRate, setRate, cause, closeRate]);
    expect(roots.map((r) => [r.cause.result.measure, r.symptoms.map((s) => s.result.measure)])).toEqual([
      ['contact_appointment_set', []],
      ['demo_before_sale', ['appointment_shown_demo', 'write_up_sold']],
    ]);
    // Its cost is what its symptoms lose, when that is more than its own.
    expect(rootLeak(cause, [demoRate, closeRate])).toBeCloseTo(2.1, 10);
    expect(rootLeak({ ...cause, lostUnits: 3 }, [demoRate])).toBe(3);
  });

  it('given stale leads mostly waiting on overdue follow-ups, then the stale leads are the overdue ones’ symptom; otherwise not', () => {
    const items = ['L1', 'L2', 'L3'].map((subject) => ({ recordId: `T-${subject}`, subject, due: '2026-11-20' }));
    const overdueResult: MeasureResult = {
      kind: 'overdue',
      measure: 'overdue',
      value: 3,
      count: 3,
      maxAllowed: 1,
      items,
    };
    const staleOf = (ids: string[]): MeasureResult => ({
      kind: 'staleLead',
      measure: 'stale',
      value: ids.length,
      count: ids.length,
      maxAllowed: 1,
      days: 3,
      leads: ids.map((leadId) => ({
        leadId,
        name: null,
        repId: 'A',
        lastActivityAt: 0,
        dueDate: '2026-11-20',
        daysIdle: 5,
      })),
    });
    const cause = { ...related(overdueResult, 'contact', 1), measure: overdue() };
    const waiting = { ...related(staleOf(['L1', 'L2', 'L9']), 'lead', 1), measure: staleLead() };
    const forgotten = { ...related(staleOf(['L7', 'L8', 'L9']), 'lead', 1), measure: staleLead() };
    expect(rootCauses([cause, waiting]).map((r) => r.symptoms.length)).toEqual([1]);
    expect(rootCauses([cause, forgotten]).map((r) => r.symptoms.length)).toEqual([0, 0]);
    // Exactly half waiting is enough; stale leads listed without any lead are nobody's symptom.
    const half = { ...related(staleOf(['L1', 'L9']), 'lead', 1), measure: staleLead() };
    expect(rootCauses([cause, half]).map((r) => r.symptoms.length)).toEqual([1]);
    const unlisted = { ...related(staleOf([]), 'lead', 1), measure: staleLead() };
    expect(rootCauses([cause, unlisted]).map((r) => r.symptoms.length)).toEqual([0, 0]);
  });

  it('given findings of other kinds beside a cause, then only rates are a skipped step’s symptoms, only stale leads overdue ones’', () => {
    const cause = { ...related(skips, 'demo', 0.4), measure: sequence() };
    // A response time into the skipped step is not a rate the skip explains.
    const response: MeasureResult = { ...responseResult(20, 40), to: 'demo' };
    const overdueItems: MeasureResult = overdueItemsResult(4, 1);
    const findings = [cause, related(response, 'demo', 1), { ...related(overdueItems, 'demo', 1), measure: overdue() }];
    expect(rootCauses(findings).map((r) => r.symptoms.length)).toEqual([0, 0, 0]);
    // Overdue follow-ups do not explain a rate, even into the step their finding names.
    const overdueCause = { ...related(overdueItems, 'demo', 1), measure: overdue() };
    const demoRate = related(ratioAt('appointment_shown', 'demo'), 'demo', 1.2);
    expect(rootCauses([overdueCause, demoRate]).map((r) => r.symptoms.length)).toEqual([0, 0]);
  });
});
