import type { ConfigInput } from '../../src/config';
import { invalid, minimalConfig, parseYaml, problemsOf } from './builders';

function withStepField(field: 'object' | 'repField', value: string): ConfigInput {
  const config = minimalConfig();
  config.steps[0]![field] = value;
  return config;
}

describe('field checks', () => {
  it.each(['Account', 'Appointment_Status__c', 'ns__Thing__c', 'OpportunityHistory', 'Lead__History'])(
    'given the object name %s, then it is accepted',
    (name) => expect(problemsOf(withStepField('object', name))).toEqual([]),
  );

  it.each(['Bad Name', '1Account', 'Account_', 'Double__Underscore__In__Middle', 'Task.Type'])(
    'given the object name %s, then it is refused with an example of a valid name',
    (name) => {
      expect(problemsOf(withStepField('object', name))).toEqual([
        expect.objectContaining({
          path: 'steps[0].object',
          message: 'not a valid Salesforce API name',
          hint: expect.stringContaining('Appointment_Status__c'),
        }),
      ]);
    },
  );

  it.each(['Opportunity.OwnerId', 'Who.Owner.Manager.Id', 'Custom__r.Owner__c'])(
    'given the field path %s, then it is accepted',
    (path) => expect(problemsOf(withStepField('repField', path))).toEqual([]),
  );

  it.each(['Opportunity..OwnerId', 'Opportunity.', 'A.B.C.D.E.F'])(
    'given the field path %s, then it is refused',
    (path) =>
      expect(problemsOf(withStepField('repField', path))).toEqual([
        expect.objectContaining({ path: 'steps[0].repField', message: 'not a valid Salesforce field path' }),
      ]),
  );

  it('given a match condition on a field with an invalid name, then the key is reported', () => {
    const config = minimalConfig();
    config.steps[1]!.match = { 'Call Type': 'Outbound' };
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'steps[1].match["Call Type"]',
        message: 'key: not a valid Salesforce field path',
      }),
    ]);
  });

  it('given match values that are scalars, lists of scalars or null, then they are accepted', () => {
    const config = minimalConfig();
    config.steps[1]!.match = { Type: ['Appointment', 'Visit'], IsClosed: false, DurationInMinutes: 30, WhatId: null };
    expect(parseYaml(config).steps[1]!.match).toEqual({
      Type: ['Appointment', 'Visit'],
      IsClosed: false,
      DurationInMinutes: 30,
      WhatId: null,
    });
  });

  it.each([
    ['a nested map', { equals: 'Appointment' }],
    ['a list holding a map', ['Appointment', { not: 'Visit' }]],
    ['a list of lists', [['Appointment']]],
  ])('given a match value that is %s, then it is refused', (_, value) => {
    const config = minimalConfig();
    config.steps[1]!.match = { Type: invalid(value) };
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'steps[1].match.Type',
        message: 'a match value must be text, a number, true/false, null, or a list of those',
      }),
    ]);
  });

  it.each([-0.1, 1.2])('given a ratio target of %s, then it must be a share in [0, 1]', (target) => {
    const config = minimalConfig();
    config.measures = [{ id: 'set_rate', kind: 'ratio', from: 'contact', to: 'appointment_set', target }];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({ path: 'measures[0].target', message: expect.stringContaining('between 0 and 1') }),
    ]);
  });

  it.each([
    ['2026-02-30', 'not a real calendar date'],
    ['2026-13-01', 'not a real calendar date'],
    ['25/12/2026', 'not a date in YYYY-MM-DD form'],
  ])('given the holiday %s, then it is refused', (date, message) => {
    const config = minimalConfig();
    config.dealership.holidays = ['2028-02-29', date];
    expect(problemsOf(config)).toEqual([expect.objectContaining({ path: 'dealership.holidays[1]', message })]);
  });

  it('given opening hours that close before they open, then close is reported', () => {
    const config = minimalConfig();
    config.dealership.hours = { open: '20:00', close: '09:00' };
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'dealership.hours.close',
        message: 'closing time must be later than opening time',
      }),
    ]);
  });

  it('given a misspelled weekday, then the closest weekday is suggested', () => {
    const config = minimalConfig();
    config.dealership.workingDays = ['mon', invalid('tues')];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({ path: 'dealership.workingDays[1]', hint: 'did you mean "tue"?' }),
    ]);
  });

  it('given a time zone written as its city, then the IANA name is suggested', () => {
    const config = minimalConfig();
    config.dealership.timeZone = 'Chicago';
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({ message: 'unknown time zone "Chicago"', hint: 'did you mean "America/Chicago"?' }),
    ]);
  });

  it('given a secret pasted where an environment variable name belongs, then it is refused without repeating it', () => {
    const config = minimalConfig();
    const secret = '00D5g000004abcd!AQ0AQH8x.secret';
    config.salesforce = { auth: { method: 'accessToken', env: { accessToken: secret } } };
    const problems = problemsOf(config);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'salesforce.auth.env.accessToken',
        message: 'not an environment variable name',
        hint: expect.stringContaining('secrets belong in the environment'),
      }),
    ]);
    expect(JSON.stringify(problems)).not.toContain(secret);
  });

  it('given the sfCli method without an org alias, then targetOrg is asked for', () => {
    const config = minimalConfig();
    config.salesforce = { auth: { method: 'sfCli' } };
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({ path: 'salesforce.auth.targetOrg', message: expect.stringContaining('sf org login') }),
    ]);
  });

  it.each([
    ['sync.pageSize', { sync: { pageSize: 100 } }, 'must be at least 200'],
    ['sync.maxApiUsage', { sync: { maxApiUsage: 80 } }, 'must be a fraction between 0 and 1, e.g. 0.8 for 80%'],
    [
      'salesforce.apiVersion',
      { salesforce: { apiVersion: invalid(62) } },
      'must be a quoted string such as "62.0", got 62',
    ],
    [
      'coaching.severity.high',
      { coaching: { severity: { medium: 2, high: 1 } } },
      'the High threshold must be above the Medium one',
    ],
    ['version', { version: invalid(2) }, 'unsupported config version: this release reads version 1'],
    [
      'team.setters',
      { team: { salespeople: { Title: 'Sales Consultant' }, setters: {} } },
      expect.stringContaining('every User would count'),
    ],
  ])('given a bad %s, then it is reported in plain words', (path, override, message) => {
    expect(problemsOf({ ...minimalConfig(), ...override })).toEqual([expect.objectContaining({ path, message })]);
  });

  it("given a missing required key, then it is reported at its parent with the field's description as hint", () => {
    const config = minimalConfig();
    delete (config.dealership as Partial<typeof config.dealership>).timeZone;
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'dealership.timeZone',
        line: 2,
        column: 1,
        message: 'is missing (required)',
        hint: expect.stringMatching(/^add it: IANA time zone/),
      }),
    ]);
  });

  it('given an unknown key inside a measure, then keys of that kind of measure are suggested', () => {
    const config = minimalConfig();
    config.measures = [
      { id: 'set_rate', kind: 'ratio', from: 'contact', to: 'appointment_set', target: 0.6, ...{ bassis: 'count' } },
    ];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'measures[0].bassis',
        message: 'unknown key "bassis"',
        hint: 'did you mean "basis"?',
      }),
    ]);
  });

  it('given an unknown measure kind, then the closest kind is suggested', () => {
    const config = minimalConfig();
    config.measures = [invalid({ id: 'set_rate', kind: 'rate', from: 'contact', to: 'appointment_set', target: 0.6 })];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'measures[0].kind',
        message: 'unknown kind "rate"',
        hint: 'did you mean "ratio"?',
      }),
    ]);
  });
});

describe('the leak source switch', () => {
  it('given coaching.leakSource store, then it is kept for the compute phase', () => {
    const config = minimalConfig();
    config.coaching = { leakSource: 'store' };
    expect(parseYaml(config).coaching.leakSource).toBe('store');
  });

  it('given a leak source that is neither chain nor store, then its path, the allowed values and the closest one', () => {
    const config = minimalConfig();
    config.coaching = { leakSource: 'stores' } as unknown as ConfigInput['coaching'];
    expect(problemsOf(config)).toEqual([
      expect.objectContaining({
        path: 'coaching.leakSource',
        message: '"stores" is not one of "chain", "store"',
        hint: 'did you mean "store"?',
      }),
    ]);
  });
});

describe('defaults', () => {
  const config = parseYaml(minimalConfig());

  it('given no labels, then steps and measures are labelled from their ids', () => {
    expect(config.steps.map((step) => step.label)).toEqual(['Contact', 'Appointment set', 'Sold']);
    expect(config.measures[0]).toMatchObject({ label: 'Set rate', basis: 'subject' });
  });

  it('given no diagnosis, then each kind gets its own: ratio Skill, sequence Knowledge, others Activity', () => {
    const input = minimalConfig();
    input.measures = [
      { id: 'a', kind: 'ratio', from: 'contact', to: 'sold', target: 0.2 },
      { id: 'b', kind: 'sequence', step: 'sold', requires: ['contact'], maxSkipShare: 0.1 },
      { id: 'c', kind: 'volume', step: 'contact', perDay: 10 },
      { id: 'd', kind: 'sequence', step: 'sold', requires: ['contact'], maxSkipShare: 0.1, diagnosis: 'Activity' },
    ];
    expect(parseYaml(input).measures.map((measure) => measure.diagnosis)).toEqual([
      'Skill',
      'Knowledge',
      'Activity',
      'Activity',
    ]);
  });

  it('given no optional sections, then the documented defaults are filled in', () => {
    expect(config.coaching).toEqual({
      windowDays: 30,
      confidence: 0.9,
      minSample: 30,
      peerMargin: 0.08,
      maxFlagsPerRep: 2,
      severity: { medium: 0.5, high: 1.5 },
      oneOnOne: 'weekly',
      priorStrength: 20,
      followUpDueDays: 1,
      outcomeWaitDays: 28,
      leakSource: 'chain',
    });
    expect(config.sync).toEqual({
      lookbackSeconds: 600,
      backfillDays: 90,
      bulkThreshold: 100000,
      maxApiUsage: 0.8,
      pageSize: 2000,
    });
    expect(config.schedule).toEqual({ cron: '0 * * * *', timeZone: 'America/Chicago' });
    // No method: it is chosen from the environment at run time.
    expect(config.salesforce).toEqual({
      apiVersion: '62.0',
      auth: {
        env: {
          instanceUrl: 'SF_INSTANCE_URL',
          accessToken: 'SF_ACCESS_TOKEN',
          loginUrl: 'SF_LOGIN_URL',
          clientId: 'SF_CLIENT_ID',
          clientSecret: 'SF_CLIENT_SECRET',
          username: 'SF_USERNAME',
          jwtKeyFile: 'SF_JWT_KEY_FILE',
        },
      },
    });
    expect(config.team.managerField).toBe('ManagerId');
    expect(config.dealership.holidays).toEqual([]);
    expect(config.goals).toMatchObject({ defaultMonthly: 10, overrides: {} });
  });

  it('given no writeBack section, then it previews and uses the API names of ARCHITECTURE.md §5.2 and Task types a standard org has', () => {
    expect(config.writeBack).toEqual({
      mode: 'preview',
      flagObject: 'Coaching_Flag__c',
      flagFields: {
        key: 'Flag_Key__c',
        scope: 'Scope__c',
        salesperson: 'Salesperson__c',
        manager: 'Manager__c',
        measure: 'Measure__c',
        step: 'Step__c',
        diagnosis: 'Diagnosis__c',
        severity: 'Severity__c',
        actual: 'Actual__c',
        target: 'Target__c',
        teamValue: 'Team_Value__c',
        sampleSize: 'Sample_Size__c',
        lostUnits: 'Lost_Units__c',
        periodStart: 'Period_Start__c',
        periodEnd: 'Period_End__c',
        summary: 'Summary__c',
        evidence: 'Evidence__c',
        isFocus: 'Is_Focus__c',
        status: 'Status__c',
        commitment: 'Commitment__c',
        followUpDate: 'Follow_Up_Date__c',
        outcome: 'Outcome__c',
      },
      taskKeyField: 'Coaching_Key__c',
      followUpTaskType: 'Call',
      agendaTaskType: 'Meeting',
      subjectPrefix: '',
      scorecard: expect.objectContaining({ enabled: true, object: 'Coaching_Scorecard__c', stepFields: {} }),
      effectiveness: expect.objectContaining({ enabled: true, object: 'Coaching_Effectiveness__c' }),
    });
    expect(config.writeBack.scorecard.fields).toMatchObject({ key: 'Scorecard_Key__c', todayNeeds: 'Today_Needs__c' });
    expect(config.writeBack.effectiveness.fields).toMatchObject({
      key: 'Effectiveness_Key__c',
      improvedShare: 'Improved_Share__c',
    });
  });

  it("given a schedule time zone of its own, then it is kept rather than the dealership's", () => {
    expect(parseYaml({ ...minimalConfig(), schedule: { timeZone: 'UTC' } }).schedule.timeZone).toBe('UTC');
  });
});
