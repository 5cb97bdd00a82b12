import type { Conversions } from '../../src/core/conversion';
import { leakOf, weakStep } from '../../src/core/leak';
import type { SequenceResult } from '../../src/core/measure-results';
import { integrity, overdue, ratio, rep, sequence, staleLead, volume } from './builders';
import {
  callsResult,
  integrityResult,
  overdueResult,
  ratioResult,
  responseResult,
  sequenceResult,
  staleResult,
} from './result-builders';

/** Conversions to the goal step: the team's by step, and a rep's own that differs from the team's. */
const TEAM: Record<string, number> = {
  attempt: 0.05,
  appointment_set: 0.25,
  demo: 0.4,
  lead_created: 0.1,
  contact: 0.2,
};
const conversions = {
  teamToGoal: (step: string): number => TEAM[step] ?? 0,
  repToGoal: (_rep: unknown, _index: number, step: string): number => (TEAM[step] ?? 0) / 2,
} as unknown as Conversions;
const forTeam = { conversions, monthScale: 1.25 };
const forRep = { ...forTeam, rep: { rep: rep('A'), index: 0 } };

describe('the leak of each kind', () => {
  it('given a volume short of its expectation, then the shortfall at the rep’s own conversion, scaled to the month', () => {
    const leak = leakOf(callsResult(150, 250), volume(), forRep);
    expect(leak.units).toBeCloseTo(100 * 0.025 * 1.25, 12);
    expect(leak.formula).toBe('shortfall 100 × conversion 0.025 × 1.25 (month ÷ window working days)');
    // A team's volume is priced at the team's conversion.
    expect(leakOf(callsResult(150, 250), volume(), forTeam).units).toBeCloseTo(100 * 0.05 * 1.25, 12);
  });

  it('given a volume above its expectation, or none, then it loses nothing', () => {
    expect(leakOf(callsResult(300, 250), volume(), forRep).units).toBe(0);
    expect(leakOf(callsResult(10, null), volume(), forRep).units).toBe(0);
  });

  it('given a rate below target, then the customers it should have carried on, at the team’s conversion from its step', () => {
    const leak = leakOf(ratioResult(10, 40, null, { target: 0.6 }), ratio(), forTeam);
    expect(leak.units).toBeCloseTo(40 * (0.6 - 0.25) * 0.25 * 1.25, 12);
    expect(leak.formula).toBe('40 × (0.6 − 0.25) × team conversion 0.25 × 1.25 (month ÷ window working days)');
    expect(leakOf(ratioResult(0, 0, null, { target: 0.6 }), ratio(), forTeam).units).toBe(0);
  });

  it('given late answers, then the leads beyond the target at the team’s conversion from the lead', () => {
    const leak = leakOf(responseResult(20, 40, 0.8), ratio(), forTeam);
    expect(leak.units).toBeCloseTo(40 * (0.8 - 0.5) * 0.1 * 1.25, 12);
    expect(leak.formula).toBe('40 × (0.8 − 0.5) × team conversion 0.1 × 1.25 (month ÷ window working days)');
  });

  it('given open items beyond the allowance, then each at the conversion of its value step, not scaled (a stock)', () => {
    const leak = leakOf(overdueResult(5, 2), overdue({ valueStep: 'contact' }), forTeam);
    expect(leak.units).toBeCloseTo(3 * 0.2, 12);
    expect(leak.formula).toBe('(5 − 2) × team conversion 0.2');
    expect(leakOf(staleResult(7, 3), staleLead({ valueStep: 'appointment_set' }), forTeam).units).toBeCloseTo(1, 12);
    expect(leakOf(overdueResult(1, 2), overdue(), forTeam).units).toBe(0);
  });

  it('given skips beyond the tolerated share, then what the skipped step is worth, not a unit each', () => {
    const leak = leakOf(sequenceResult(20, 40, 0.1), sequence(), forTeam);
    expect(leak.units).toBeCloseTo((20 - 0.1 * 40) * 0.4 * 1.25, 12);
    expect(leak.formula).toBe('(20 − 0.1 × 40) × team conversion 0.4 × 1.25 (month ÷ window working days)');
  });

  it('given suspicious events of two steps, then each at its step’s conversion, summed', () => {
    const result = { ...integrityResult(30, 100), suspiciousBySteps: { attempt: 20, contact: 10 } };
    const leak = leakOf(result, integrity(), forTeam);
    expect(leak.units).toBeCloseTo((20 * 0.05 + 10 * 0.2) * 1.25, 12);
    expect(leak.formula).toBe('(20 × 0.05 + 10 × 0.2) × 1.25 (month ÷ window working days)');
    const none = leakOf({ ...result, suspiciousBySteps: {} }, integrity(), forTeam);
    expect([none.units, none.formula]).toEqual([0, '(0) × 1.25 (month ÷ window working days)']);
  });
});

describe('the step a weakness is about', () => {
  it('given each kind, then the step a manager coaches', () => {
    expect(weakStep(callsResult(1, 2), volume())).toBe('attempt');
    expect(weakStep(ratioResult(1, 2), ratio())).toBe('appointment_set');
    expect(weakStep(responseResult(1, 2), ratio())).toBe('contact');
    expect(weakStep(overdueResult(4), overdue({ valueStep: 'contact' }))).toBe('contact');
    expect(weakStep(staleResult(4), staleLead({ valueStep: 'lead' }))).toBe('lead');
    expect(weakStep(overdueResult(4), ratio())).toBe('');
  });

  it('given skips of several steps, then the most skipped, the first listed on a tie, the measure’s step when none', () => {
    const skips = (bySteps: Record<string, number>): SequenceResult => ({
      ...sequenceResult(5, 20),
      skippedBySteps: bySteps,
    });
    expect(weakStep(skips({ needs_analysis: 2, demo: 5 }), sequence())).toBe('demo');
    expect(weakStep(skips({ demo: 3, needs_analysis: 3 }), sequence())).toBe('demo');
    expect(weakStep(skips({}), sequence())).toBe('sold');
  });

  it('given suspicious events, then the step with most of them, else the measure’s first step', () => {
    const fakes = (bySteps: Record<string, number>) => ({ ...integrityResult(5, 20), suspiciousBySteps: bySteps });
    expect(weakStep(fakes({ attempt: 1, contact: 4 }), integrity())).toBe('contact');
    expect(weakStep(fakes({}), integrity({ steps: ['contact', 'attempt'] }))).toBe('contact');
    expect(weakStep(fakes({}), integrity({ steps: [] }))).toBe('');
    expect(weakStep(fakes({}), ratio())).toBe('');
  });
});
