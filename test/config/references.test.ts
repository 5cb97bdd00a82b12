import type { ConfigInput } from '../../src/config';
import { invalid, minimalConfig, parseYaml, problemsOf } from './builders';

type MeasureInput = ConfigInput['measures'][number];

function withMeasures(...measures: MeasureInput[]): ConfigInput {
  const config = minimalConfig();
  config.measures = measures;
  return config;
}

const ratio = (over: Partial<Extract<MeasureInput, { kind: 'ratio' }>> = {}): MeasureInput => ({
  id: 'set_rate',
  kind: 'ratio',
  from: 'contact',
  to: 'appointment_set',
  target: 0.6,
  ...over,
});

describe('cross-field checks', () => {
  it('given the minimal config, then it is valid (the baseline every case below breaks once)', () => {
    expect(problemsOf(minimalConfig())).toEqual([]);
  });

  it('given two steps with one id, then the second is reported, pointing at the first', () => {
    const config = minimalConfig();
    config.steps.push({ ...config.steps[0]!, object: 'Event' });
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({ path: 'steps[3].id', message: 'step id "contact" is already used by steps[0]' }),
    ]);
  });

  it('given a step id that is not snake_case, then it is refused with the id rule as hint', () => {
    const config = minimalConfig();
    config.steps[0]!.id = 'Contact-Made';
    const problems = problemsOf(config).filter((problem) => problem.path === 'steps[0].id');
    expect(problems).toEqual([
      expect.objectContaining({ message: 'not a snake_case id', hint: expect.stringContaining('appointment_set') }),
    ]);
  });

  it('given a no-show rule naming a step the config lacks, then it is reported at that key with a did-you-mean', () => {
    const config = minimalConfig();
    config.coaching = { noShowFollowUp: { step: 'contact', rebookedBy: 'apointment_set' } };
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'coaching.noShowFollowUp.rebookedBy',
        message: 'unknown step "apointment_set"',
        hint: 'did you mean "appointment_set"?',
      }),
    ]);
  });

  it('given a scorecard step field for a step the config lacks, then it is reported at that key with a did-you-mean', () => {
    const config = minimalConfig();
    config.writeBack = { scorecard: { stepFields: { contact: 'Contacts__c', apointment_set: 'Appointments_Set__c' } } };
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'writeBack.scorecard.stepFields.apointment_set',
        message: 'unknown step "apointment_set"',
        hint: 'did you mean "appointment_set"?',
      }),
    ]);
  });

  it('given two measures with one id, then the second is reported', () => {
    expect(problemsOf(withMeasures(ratio(), ratio({ target: 0.5 })))).toEqual([
      expect.objectContaining({
        path: 'measures[1].id',
        message: 'measure id "set_rate" is already used by measures[0]',
      }),
    ]);
  });

  it.each([
    ['volume step', { id: 'm', kind: 'volume', step: 'contacts', perDay: 3 }, 'measures[0].step'],
    ['ratio from', ratio({ from: 'contacts' }), 'measures[0].from'],
    [
      'response-time to',
      { id: 'm', kind: 'responseTime', from: 'contact', to: 'contacts', target: 0.8 },
      'measures[0].to',
    ],
    [
      'sequence requires',
      { id: 'm', kind: 'sequence', step: 'sold', requires: ['contact', 'contacts'], maxSkipShare: 0.1 },
      'measures[0].requires[1]',
    ],
    [
      'integrity steps',
      { id: 'm', kind: 'integrity', steps: ['contacts'], maxSuspiciousShare: 0.05 },
      'measures[0].steps[0]',
    ],
    [
      'overdue valueStep',
      {
        id: 'm',
        kind: 'overdue',
        object: 'Task',
        dueField: 'ActivityDate',
        repField: 'OwnerId',
        subjectField: 'WhoId',
        maxAllowed: 3,
        valueStep: 'contacts',
      },
      'measures[0].valueStep',
    ],
    [
      'stale-lead valueStep',
      {
        id: 'm',
        kind: 'staleLead',
        object: 'Lead',
        repField: 'OwnerId',
        statusField: 'Status',
        closedStatuses: ['Closed'],
        maxAllowed: 5,
        valueStep: 'contacts',
      },
      'measures[0].valueStep',
    ],
  ] as const)(
    'given a %s naming a step that does not exist, then it says so and suggests the closest step',
    (_, measure, path) => {
      expect(problemsOf(withMeasures(measure as MeasureInput))).toEqual([
        expect.objectContaining({ path, message: 'unknown step "contacts"', hint: 'did you mean "contact"?' }),
      ]);
    },
  );

  it('given an unknown step far from every step id, then the hint lists the steps', () => {
    expect(problemsOf(withMeasures(ratio({ to: 'handshake' })))).toEqual([
      expect.objectContaining({ hint: 'valid steps: "contact", "appointment_set", "sold"' }),
    ]);
  });

  it('given a funnel naming an unknown step, then the funnel entry is reported', () => {
    const config = minimalConfig();
    config.goals.funnel = ['contact', 'apointment_set', 'sold'];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({ path: 'goals.funnel[1]', hint: 'did you mean "appointment_set"?' }),
    ]);
  });

  it('given a goal step that is not a step, then goals.step is reported', () => {
    const config = minimalConfig();
    config.goals = { step: 'sale', funnel: ['contact', 'sale'] };
    expect(problemsOf(config).map((problem) => [problem.path, problem.message])).toEqual([
      ['goals.step', 'unknown step "sale"'],
      ['goals.funnel[1]', 'unknown step "sale"'],
    ]);
  });

  it('given a goal step that is not the last funnel step, then the funnel is reported', () => {
    const config = minimalConfig();
    config.goals.funnel = ['contact', 'sold', 'appointment_set'];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({ path: 'goals.funnel', message: 'the funnel must end with the goal step "sold"' }),
    ]);
  });

  it('given a funnel listing a step twice, then the repeat is reported', () => {
    const config = minimalConfig();
    config.goals.funnel = ['contact', 'contact', 'sold'];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({ path: 'goals.funnel[1]', message: 'step "contact" appears twice in the funnel' }),
    ]);
  });

  it('given a ratio from a step to itself, then it is reported', () => {
    expect(problemsOf(withMeasures(ratio({ to: 'contact' })))).toEqual([
      expect.objectContaining({ path: 'measures[0].to', message: '`from` and `to` are the same step' }),
    ]);
  });

  it('given a duration floor on a step without a duration field, then it names the step to fix', () => {
    const measure: MeasureInput = {
      id: 'm',
      kind: 'integrity',
      steps: ['contact'],
      minDuration: { steps: ['appointment_set'], minSeconds: 20 },
      maxSuspiciousShare: 0.05,
    };
    expect(problemsOf(withMeasures(measure))).toEqual([
      expect.objectContaining({
        path: 'measures[0].minDuration.steps[0]',
        message: expect.stringContaining('has no durationField'),
      }),
    ]);
  });

  it('given a volume that follows the goal on a step outside the funnel, then perDay is reported', () => {
    const config = withMeasures({ id: 'calls', kind: 'volume', step: 'contact', perDay: 'goal' });
    config.goals.funnel = ['appointment_set', 'sold'];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({ path: 'measures[0].perDay', message: expect.stringContaining('goals.funnel') }),
    ]);
  });

  it('given a structural error elsewhere, then reference problems are still reported in the same pass', () => {
    const config = withMeasures(ratio({ to: 'apointment_set' }));
    config.sync = { pageSize: invalid(5000) };
    expect(problemsOf(config).map((problem) => problem.path)).toEqual(['measures[0].to', 'sync.pageSize']);
  });

  it('given valid references, then the parsed config keeps them as written', () => {
    expect(parseYaml(minimalConfig()).measures[0]).toMatchObject({ from: 'contact', to: 'appointment_set' });
  });
});
