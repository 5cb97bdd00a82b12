import { type CoachedFlag, coachingEffectiveness } from '../../src/core/effectiveness';
import { effectivenessLines } from '../../src/cli/render-effectiveness';

function flag(over: Partial<CoachedFlag>): CoachedFlag {
  return {
    managerId: 'MGR1',
    measure: 'set_rate',
    diagnosis: 'Skill',
    status: 'Improved',
    committedOn: '2026-11-02',
    decidedOn: '2026-11-09',
    ...over,
  };
}

const flags: CoachedFlag[] = [
  flag({}),
  flag({ decidedOn: '2026-11-05' }),
  flag({ status: 'Not Improved', measure: 'show_rate', diagnosis: 'Knowledge' }),
  flag({ managerId: 'MGR2', status: 'Committed', decidedOn: null }),
  flag({
    managerId: 'MGR2',
    status: 'Improved',
    diagnosis: 'Activity',
    committedOn: '2026-11-01',
    decidedOn: '2026-11-11',
  }),
  flag({ managerId: 'MGR2', status: 'New', decidedOn: null }),
  flag({ managerId: 'MGR2', status: 'Resolved', decidedOn: null }),
];

describe('coaching effectiveness', () => {
  const [store, first, second] = coachingEffectiveness(flags);

  it('given flags of two managers, then the store counts only committed flags, and each manager their own', () => {
    expect(store).toMatchObject({
      managerId: null,
      total: { committed: 5, improved: 3, notImproved: 1, waiting: 1, improvedShare: 0.75, medianDaysToImprove: 7 },
    });
    expect(first).toMatchObject({
      managerId: 'MGR1',
      total: { committed: 3, improved: 2, notImproved: 1, waiting: 0 },
    });
    expect(first?.total.medianDaysToImprove).toBe(5);
    expect(second).toMatchObject({ managerId: 'MGR2', total: { committed: 2, improved: 1, waiting: 1 } });
    expect(second?.total.improvedShare).toBe(1);
  });

  it('given diagnoses and measures, then each has its own counts', () => {
    expect(store?.byDiagnosis.Skill).toMatchObject({ committed: 3, improved: 2, waiting: 1 });
    expect(store?.byDiagnosis.Knowledge).toMatchObject({ committed: 1, notImproved: 1, improvedShare: 0 });
    expect(Object.keys(store?.byMeasure ?? {})).toEqual(['set_rate', 'show_rate']);
  });

  it('given no commitment anywhere, then the store alone, with nothing to share', () => {
    const none = coachingEffectiveness([flag({ status: 'New', decidedOn: null })]);
    expect(none).toHaveLength(1);
    expect(none[0]?.total).toEqual({
      committed: 0,
      improved: 0,
      notImproved: 0,
      waiting: 0,
      improvedShare: null,
      medianDaysToImprove: null,
    });
    expect(effectivenessLines(none, new Map())).toEqual(['Coaching effectiveness: no commitment made yet.']);
  });

  it('given the report, then a row per manager by name, the store last, and the store by diagnosis', () => {
    const lines = effectivenessLines(coachingEffectiveness(flags), new Map([['MGR1', 'Priya Miller']]));
    expect(lines[0]).toBe('Coaching effectiveness (commitments on flags, by manager):');
    expect(lines[2]).toMatch(/^ {2}Priya Miller +3 +2 +1 +0 +67% +5$/);
    expect(lines[3]).toMatch(/^ {2}MGR2 +2 +1 +0 +1 +100% +10$/);
    expect(lines[4]).toMatch(/^ {2}The store +5 +3 +1 +1 +75% +7$/);
    expect(lines[5]).toBe(
      '  By diagnosis: Activity 1 of 1 improved, Knowledge 0 of 1 improved, Skill 2 of 2 improved.',
    );
  });
});
