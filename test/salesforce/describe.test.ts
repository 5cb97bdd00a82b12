import nock from 'nock';
import type { DescribeMap, FieldDescribe, FieldRequirement, ObjectDescribe } from '../../src/salesforce/describe';
import { checkConfigAgainstDescribe } from '../../src/salesforce/describe';
import { API, INSTANCE, LIMIT_HEADER, openTokenSession } from './support';
import { useNock } from './use-nock';

useNock();

function field(name: string, overrides: Partial<FieldDescribe> = {}): FieldDescribe {
  return {
    name,
    type: 'string',
    picklistValues: [],
    externalId: false,
    idLookup: false,
    createable: true,
    updateable: true,
    relationshipName: null,
    referenceTo: [],
    ...overrides,
  };
}

function described(...objects: Array<[string, ObjectDescribe | null]>): DescribeMap {
  return new Map(objects.map(([name, value]) => [name.toLowerCase(), value]));
}

const event: ObjectDescribe = {
  name: 'Event',
  fields: [
    field('Type', { type: 'picklist', picklistValues: ['Appointment', 'Meeting'] }),
    field('Appointment_Status__c', { type: 'picklist', picklistValues: ['Scheduled', 'No Show'] }),
  ],
};
const task: ObjectDescribe = {
  name: 'Task',
  fields: [field('Subject'), field('Coaching_Key__c', { externalId: true })],
};
const flag: ObjectDescribe = {
  name: 'Coaching_Flag__c',
  fields: [field('Flag_Key__c'), field('Outcome__c', { updateable: false }), field('Commitment__c')],
};
const history: ObjectDescribe = {
  name: 'OpportunityHistory',
  fields: [
    field('OpportunityId', { type: 'reference', relationshipName: 'Opportunity', referenceTo: ['Opportunity'] }),
    field('StageName', { type: 'picklist', picklistValues: ['Demo'] }),
  ],
};
const opportunity: ObjectDescribe = {
  name: 'Opportunity',
  fields: [field('OwnerId', { type: 'reference', relationshipName: 'Owner', referenceTo: ['User'] })],
};

describe('checking the config against the org', () => {
  it('given an org that has everything, then there are no problems', () => {
    const requirements: FieldRequirement[] = [
      { object: 'Event', field: 'Type', picklistValues: ['Appointment'] },
      { object: 'Task', field: 'Coaching_Key__c', externalId: true, writable: true },
      { object: 'OpportunityHistory', field: 'Opportunity.OwnerId' },
      { object: 'opportunityhistory', field: 'stagename', picklistValues: ['Demo'] },
    ];

    expect(
      checkConfigAgainstDescribe(
        requirements,
        described(['Event', event], ['Task', task], ['OpportunityHistory', history], ['Opportunity', opportunity]),
      ),
    ).toEqual([]);
  });

  it('given missing fields, picklist values, external ids and read-only fields, then each is named plainly', () => {
    const requirements: FieldRequirement[] = [
      { object: 'Task', field: 'CallDisposition', source: 'steps[contact].match' },
      {
        object: 'Event',
        field: 'Appointment_Status__c',
        picklistValues: ['Showed', 'No Show'],
        source: 'steps[appointment_shown].match',
      },
      { object: 'Coaching_Flag__c', field: 'Flag_Key__c', externalId: true },
      { object: 'Coaching_Flag__c', field: 'Outcome__c', writable: true },
    ];

    const problems = checkConfigAgainstDescribe(
      requirements,
      described(['Event', event], ['Task', task], ['Coaching_Flag__c', flag]),
    );

    expect(problems.map((p) => p.message)).toEqual([
      'Task.CallDisposition does not exist (or is hidden from the integration user)',
      "picklist value 'Showed' is not a value of Event.Appointment_Status__c",
      'Coaching_Flag__c.Flag_Key__c is not an external id',
      'Coaching_Flag__c.Outcome__c cannot be written by the integration user (createable: true, updateable: false)',
    ]);
    expect(problems[0]).toMatchObject({ object: 'Task', field: 'CallDisposition', source: 'steps[contact].match' });
  });

  it('given an object the org lacks, then it is reported once, at its first mention, however many places ask of it', () => {
    const requirements: FieldRequirement[] = [
      { object: 'Coaching_Flag__c', field: 'Flag_Key__c', source: 'writeBack.flagFields.key' },
      { object: 'Coaching_Flag__c', field: 'Summary__c', source: 'writeBack.flagFields.summary' },
      { object: 'Coaching_Flag__c', source: 'writeBack.flagObject' },
    ];

    expect(checkConfigAgainstDescribe(requirements, described(['Coaching_Flag__c', null]))).toEqual([
      {
        object: 'Coaching_Flag__c',
        source: 'writeBack.flagFields.key',
        message: 'Coaching_Flag__c does not exist (or is hidden from the integration user)',
      },
    ]);
  });

  it('given an object the org spells differently, then its problem carries the org’s objects for a did-you-mean', () => {
    const requirements: FieldRequirement[] = [
      { object: 'Coaching_Flags__c', source: 'writeBack.flagObject' },
      { object: 'Coaching_Flags__c', field: 'Flag_Key__c', source: 'writeBack.flagFields.key' },
    ];
    const orgObjects = ['Account', 'Coaching_Flag__c', 'Task'];

    expect(checkConfigAgainstDescribe(requirements, described(['Coaching_Flags__c', null]), orgObjects)).toEqual([
      {
        object: 'Coaching_Flags__c',
        source: 'writeBack.flagObject',
        message: 'Coaching_Flags__c does not exist (or is hidden from the integration user)',
        unknown: 'Coaching_Flags__c',
        choices: orgObjects,
        choicesAre: 'objects',
      },
    ]);
  });

  it('given a field the org lacks asked at two places, then each place is reported', () => {
    const requirements: FieldRequirement[] = [
      { object: 'Task', field: 'Coaching_Kee__c', source: 'writeBack.taskKeyField' },
      { object: 'Task', field: 'Coaching_Kee__c', source: 'steps[attempt].match' },
    ];
    const problems = checkConfigAgainstDescribe(requirements, described(['Task', task]));
    expect(problems.map((p) => p.source)).toEqual(['writeBack.taskKeyField', 'steps[attempt].match']);
  });

  it('given a path through a relationship that is not there, then it says so', () => {
    const problems = checkConfigAgainstDescribe(
      [{ object: 'OpportunityHistory', field: 'Deal.OwnerId' }],
      described(['OpportunityHistory', history]),
    );

    expect(problems.map((p) => p.message)).toEqual([
      'OpportunityHistory.Deal is not a relationship of OpportunityHistory',
    ]);
  });
});

describe('describing the org', () => {
  function describeReply(name: string, fields: unknown[]): nock.Scope {
    return nock(INSTANCE).get(`${API}/sobjects/${name}/describe`).reply(200, { name, fields }, LIMIT_HEADER);
  }

  it('given requirements with a lookup path, then the looked-up object is described too and inactive picklist values are dropped', async () => {
    describeReply('OpportunityHistory', [
      { name: 'OpportunityId', type: 'reference', relationshipName: 'Opportunity', referenceTo: ['Opportunity'] },
      {
        name: 'StageName',
        type: 'picklist',
        picklistValues: [
          { value: 'Demo', active: true },
          { value: 'Old Stage', active: false },
        ],
      },
    ]);
    describeReply('Opportunity', [
      { name: 'OwnerId', type: 'reference', relationshipName: 'Owner', referenceTo: ['User'] },
    ]);
    nock(INSTANCE)
      .get(`${API}/sobjects/Coaching_Flag__c/describe`)
      .reply(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    const { session } = await openTokenSession();
    const requirements: FieldRequirement[] = [
      { object: 'OpportunityHistory', field: 'Opportunity.OwnerId' },
      { object: 'OpportunityHistory', field: 'StageName', picklistValues: ['Old Stage'] },
      { object: 'Coaching_Flag__c' },
    ];

    const describes = await session.describeRequirements(requirements);

    expect(describes.get('opportunityhistory')?.fields.find((f) => f.name === 'StageName')?.picklistValues).toEqual([
      'Demo',
    ]);
    expect(describes.get('coaching_flag__c')).toBeNull();
    expect(checkConfigAgainstDescribe(requirements, describes).map((p) => p.message)).toEqual([
      "picklist value 'Old Stage' is not a value of OpportunityHistory.StageName",
      'Coaching_Flag__c does not exist (or is hidden from the integration user)',
    ]);
  });

  it('given the org’s object list, then objectNames gives each name', async () => {
    nock(INSTANCE)
      .get(`${API}/sobjects`)
      .reply(
        200,
        { sobjects: [{ name: 'Account' }, { name: 'Coaching_Flag__c' }, { label: 'no name' }] },
        LIMIT_HEADER,
      );
    const { session } = await openTokenSession();

    await expect(session.objectNames()).resolves.toEqual(['Account', 'Coaching_Flag__c']);
  });

  it('given userinfo, then the running user is its username; given a token without the openid scope, then null', async () => {
    nock(INSTANCE)
      .get('/services/oauth2/userinfo')
      .reply(200, { preferred_username: 'coach@dealer.example' }, LIMIT_HEADER);
    nock(INSTANCE)
      .get('/services/oauth2/userinfo')
      .reply(403, [{ errorCode: 'INSUFFICIENT_SCOPE', message: 'openid scope required' }]);
    const { session } = await openTokenSession();

    await expect(session.runningUser()).resolves.toBe('coach@dealer.example');
    await expect(session.runningUser()).resolves.toBeNull();
  });

  it('given a describe refused for lack of permission, then it is SF_PERMISSION, not a missing object', async () => {
    nock(INSTANCE)
      .get(`${API}/sobjects/Task/describe`)
      .reply(403, [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'no' }]);
    const { session } = await openTokenSession();

    await expect(session.describeObjects(['Task'])).rejects.toMatchObject({ code: 'SF_PERMISSION' });
  });
});
