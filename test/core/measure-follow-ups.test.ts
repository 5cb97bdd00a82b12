import { event, followUp, leadFact, local, modelBuilder, overdue, rep, resultOf, run, staleLead } from './builders';

/** The builders' NOW is Wednesday 2026-11-25 09:00: items due before 2026-11-25 are overdue; stale after 3 days. */
const model = modelBuilder().measures(overdue(), staleLead()).build();
const salespeopleAndSetter = [rep('A'), rep('B'), rep('S', { role: 'setter' })];

describe('overdue follow-ups', () => {
  it('given items due on the same day, then they are listed oldest first and by record Id; another measure’s are not', () => {
    const coaching = run(model, {
      facts: [
        followUp('A', '2026-11-20', { recordId: '00TB' }),
        followUp('A', '2026-11-20', { recordId: '00TA' }),
        followUp('A', '2026-11-18', { recordId: '00TC', subject: '00QX' }),
        followUp('A', '2026-11-01', { recordId: '00TD', measure: 'other_follow_ups' }),
      ],
    });
    expect(resultOf(coaching, 'A', 'overdue_follow_ups', 'overdue').items).toEqual([
      { recordId: '00TC', subject: '00QX', due: '2026-11-18' },
      { recordId: '00TA', subject: null, due: '2026-11-20' },
      { recordId: '00TB', subject: null, due: '2026-11-20' },
    ]);
  });

  it('given items already in due order, some with a lower record Id due later, when listed, then due date decides first', () => {
    const coaching = run(model, {
      facts: [
        followUp('A', '2026-11-18', { recordId: '00TB' }),
        followUp('A', '2026-11-20', { recordId: '00TA' }),
        followUp('A', '2026-11-22', { recordId: '00TC' }),
        followUp('A', '2026-11-22', { recordId: '00TD' }),
      ],
    });
    const listed = resultOf(coaching, 'A', 'overdue_follow_ups', 'overdue').items.map((item) => item.recordId);
    expect(listed).toEqual(['00TB', '00TA', '00TC', '00TD']);
  });

  it('given two salespeople and a setter, then the team is the salespeople’s total and average, with no list', () => {
    const coaching = run(model, {
      reps: salespeopleAndSetter,
      facts: [
        ...['2026-11-01', '2026-11-02', '2026-11-03'].map((due) => followUp('A', due)),
        ...['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((due) => followUp('S', due)),
      ],
    });
    expect(resultOf(coaching, 'S', 'overdue_follow_ups', 'overdue')).toMatchObject({ count: 5, value: 5 });
    expect(resultOf(coaching, null, 'overdue_follow_ups', 'overdue')).toMatchObject({
      count: 3,
      value: 1.5,
      items: [],
    });
  });

  it('given only setters, then the team has no value: there is no salesperson to average over', () => {
    const coaching = run(model, { reps: [rep('S', { role: 'setter' })], facts: [followUp('S', '2026-11-01')] });
    expect(resultOf(coaching, null, 'overdue_follow_ups', 'overdue')).toMatchObject({ count: 0, value: null });
  });
});

describe('stale leads', () => {
  it('given stale leads, then longest idle first, ties by lead Id', () => {
    const coaching = run(model, {
      facts: [
        leadFact('L2', 'A', local('2026-11-10')),
        leadFact('L1', 'A', local('2026-11-10')),
        leadFact('L3', 'A', local('2026-11-01')),
      ],
    });
    expect(resultOf(coaching, 'A', 'stale_leads', 'staleLead').leads.map((lead) => lead.leadId)).toEqual([
      'L3',
      'L1',
      'L2',
    ]);
  });

  it('given a lead created after older activity on it, then it is idle since its creation', () => {
    const coaching = run(model, {
      facts: [leadFact('L1', 'A', local('2026-11-24'))],
      events: [event('attempt', 'A', 'L1', local('2026-11-01'))],
    });
    expect(resultOf(coaching, 'A', 'stale_leads', 'staleLead').count).toBe(0);
  });

  it('given leads of another measure, then they are not this measure’s', () => {
    const coaching = run(model, { facts: [leadFact('L1', 'A', local('2026-11-01'), { measure: 'other_leads' })] });
    expect(resultOf(coaching, 'A', 'stale_leads', 'staleLead').count).toBe(0);
  });

  it('given two salespeople and a setter, then the team is the salespeople’s total and average, with no list', () => {
    const old = local('2026-11-01');
    const coaching = run(model, {
      reps: salespeopleAndSetter,
      facts: [leadFact('L1', 'A', old), leadFact('L2', 'A', old), leadFact('L3', 'S', old), leadFact('L4', 'S', old)],
    });
    expect(resultOf(coaching, null, 'stale_leads', 'staleLead')).toMatchObject({ count: 2, value: 1, leads: [] });
  });
});
