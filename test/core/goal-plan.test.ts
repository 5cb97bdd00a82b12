import { events, local, modelBuilder, rep, run } from './builders';

const day = (d: number): number => local(`2026-11-${String(d).padStart(2, '0')}`, '10:00');
/** A's window activity: 100 contacts, 30 shows, 20 demos, 10 sales, all before today. */
const funnelEvents = (repId: string, counts: [number, number, number, number], start = day(3)) =>
  (['contact', 'appointment_shown', 'demo', 'sold'] as const).flatMap((step, i) =>
    events(step, repId, counts[i] as number, start),
  );

describe('the goal plan', () => {
  it('given the rep’s own ratios and no prior, then the goal is worked backwards per month and per working day', () => {
    const model = modelBuilder().coaching({ priorStrength: 0 }).build();
    const coaching = run(model, { reps: [rep('A')], events: funnelEvents('A', [100, 30, 20, 10]) });
    const [plan] = coaching.plans;
    expect(plan).toMatchObject({
      repId: 'A',
      monthlyGoal: 10,
      goalSource: 'default',
      workingDaysInMonth: 25,
      workingDaysElapsed: 20,
    });
    const required = plan?.steps.map((s) => [s.step, s.requiredPerMonth]);
    expect(required?.map(([step]) => step)).toEqual(['contact', 'appointment_shown', 'demo', 'sold']);
    expect(required?.map(([, n]) => Number((n as number).toFixed(6)))).toEqual([100, 30, 20, 10]);
    const contact = plan?.steps[0];
    expect(contact?.requiredPerWorkingDay).toBeCloseTo(4, 12);
    expect(contact?.expectedByNow).toBeCloseTo(80, 12);
    expect(contact).toMatchObject({ monthToDate: 100, onTrack: true, ratioToNext: 0.3 });
  });

  it('given a new rep with a tiny sample, then the planned ratios lean on the team’s', () => {
    const model = modelBuilder().coaching({ priorStrength: 20 }).build();
    const coaching = run(model, {
      reps: [rep('A'), rep('N')],
      events: [...funnelEvents('A', [100, 30, 20, 10]), ...funnelEvents('N', [2, 2, 0, 0])],
    });
    const newRep = coaching.plans.find((p) => p.repId === 'N');
    const contactToShow = newRep?.steps[0];
    // Own 2/2 = 100%; team (A and N) 32/102; shrunk (2 + 20 × 32/102) / (2 + 20).
    expect(contactToShow?.ratioToNext).toBe(1);
    expect(contactToShow?.teamRatioToNext).toBeCloseTo(32 / 102, 12);
    expect(contactToShow?.plannedRatioToNext).toBeCloseTo((2 + (20 * 32) / 102) / 22, 12);
  });

  it('given the goal sources, then the User field wins over the override, which wins over the default', () => {
    const model = modelBuilder()
      .goals({ overrides: { B: 7, C: 9 } })
      .build();
    const coaching = run(model, { reps: [rep('A'), rep('B'), rep('C', { monthlyGoal: 15 })] });
    expect(coaching.plans.map((p) => [p.repId, p.monthlyGoal, p.goalSource])).toEqual([
      ['A', 10, 'default'],
      ['B', 7, 'override'],
      ['C', 15, 'user'],
    ]);
  });

  it('given a step nobody has ever converted from, then no requirement can be computed above it', () => {
    const model = modelBuilder().coaching({ priorStrength: 5 }).build();
    const coaching = run(model, { reps: [rep('A')], events: funnelEvents('A', [50, 10, 0, 0]) });
    expect(coaching.plans[0]?.steps.map((s) => s.requiredPerMonth)).toEqual([null, null, null, 10]);
  });

  it('given setters, then they get no plan', () => {
    expect(run(modelBuilder().build(), { reps: [rep('S', { role: 'setter' })] }).plans).toEqual([]);
  });
});
