import { apiError, lead, newOrg, select, setNow } from '../support/org-fixture';

describe('writes through the API: validation as a real org answers it', () => {
  const org = newOrg();
  const me = org.integrationUserId;
  const create = (type: string, fields: Record<string, unknown>) => () => org.writer.create(type, fields, me);

  it('given an unknown field, then INVALID_FIELD names it', () => {
    const error = apiError(create('Lead', { LastName: 'x', Company: 'y', Shoe_Size__c: 9 }));
    expect([error.status, error.errorCode, error.message]).toEqual([
      400,
      'INVALID_FIELD',
      "No such column 'Shoe_Size__c' on sobject of type Lead",
    ]);
  });

  it('given a read-only field, then INVALID_FIELD_FOR_INSERT_UPDATE lists it', () => {
    const error = apiError(create('Task', { Subject: 'x', IsClosed: true }));
    expect(error.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(error.fields).toEqual(['IsClosed']);
    expect(error.message).toMatch(/^Unable to create\/update fields: IsClosed\./);
  });

  it('given missing required fields, then REQUIRED_FIELD_MISSING lists them in brackets', () => {
    const error = apiError(create('Opportunity', { Name: 'o' }));
    expect(error.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(error.message).toBe('Required fields are missing: [StageName, CloseDate]');
    expect(error.fields).toEqual(['StageName', 'CloseDate']);
  });

  it('given a value outside a restricted picklist, then INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', () => {
    const error = apiError(
      create('Event', {
        Subject: 'x',
        StartDateTime: '2026-11-21T15:00:00Z',
        DurationInMinutes: 30,
        Appointment_Status__c: 'Maybe',
      }),
    );
    expect(error.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(error.message).toBe('Appointment Status: bad value for restricted picklist field: Maybe');
  });

  it('given lookups that are malformed, of the wrong object or missing, then three different errors', () => {
    expect(apiError(create('Task', { WhoId: 'not-an-id' })).errorCode).toBe('MALFORMED_ID');
    expect(apiError(create('Task', { WhoId: me })).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(apiError(create('Task', { WhoId: org.store.newId('Lead') })).errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
  });

  it('given a value of the wrong JSON type, then JSON_PARSER_ERROR', () => {
    expect(apiError(create('Task', { ActivityDate: 'next tuesday' })).errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('given a second flag with the same unique key, then DUPLICATE_VALUE names the holder', () => {
    const first = org.writer.create('Coaching_Flag__c', { Flag_Key__c: 'v1:set-rate:005:2026-11-20' }, me);
    const error = apiError(create('Coaching_Flag__c', { Flag_Key__c: 'v1:set-rate:005:2026-11-20' }));
    expect(error.errorCode).toBe('DUPLICATE_VALUE');
    expect(error.message).toBe(
      `duplicate value found: Flag_Key__c duplicates value on record with id: ${String(first.Id)}`,
    );
  });

  it('given an update on a malformed or unknown id, then MALFORMED_ID or NOT_FOUND', () => {
    expect(apiError(() => org.writer.update('Lead', 'bad', {}, me)).errorCode).toBe('MALFORMED_ID');
    expect(apiError(() => org.writer.update('Lead', org.store.newId('Lead'), {}, me)).status).toBe(404);
  });
});

describe('writes through the API: system and derived fields', () => {
  const org = newOrg('2026-11-20T15:04:05Z');
  const me = org.integrationUserId;

  it('given a create, then id, owner and audit fields come from the store, the caller and the clock', () => {
    const created = org.writer.create('Lead', { lastname: 'Reyes', company: 'x' }, me);
    expect(created).toMatchObject({
      LastName: 'Reyes',
      Name: 'Reyes',
      Status: 'Open - Not Contacted',
      OwnerId: me,
      CreatedById: me,
      IsDeleted: false,
      CreatedDate: '2026-11-20T15:04:05.000+0000',
      SystemModstamp: '2026-11-20T15:04:05.000+0000',
    });
    expect(created.Id).toMatch(/^00Q[A-Za-z0-9]{15}$/);
  });

  it('given a task completed later, then IsClosed follows TaskStatus and CompletedDateTime is stamped', () => {
    const open = org.writer.create('Task', { Subject: 'Call back', Status: 'Not Started' }, me);
    expect([open.IsClosed, open.CompletedDateTime]).toEqual([false, null]);
    setNow(org, '2026-11-20T16:00:00Z');
    const done = org.writer.update('Task', open.Id as string, { Status: 'Completed' }, me);
    expect(done).toMatchObject({
      IsClosed: true,
      CompletedDateTime: '2026-11-20T16:00:00.000+0000',
      SystemModstamp: '2026-11-20T16:00:00.000+0000',
    });
    expect(done.CreatedDate).toBe('2026-11-20T15:04:05.000+0000');
  });

  it('given an opportunity whose stage changes, then IsClosed/IsWon follow the stage and history rows are written', () => {
    const opp = org.writer.create(
      'Opportunity',
      { Name: 'o', StageName: 'Demo', CloseDate: '2026-12-01', Amount: 30000 },
      me,
    );
    org.writer.update('Opportunity', opp.Id as string, { NextStep: 'call' }, me);
    const won = org.writer.update('Opportunity', opp.Id as string, { StageName: 'Closed Won' }, me);
    expect(won).toMatchObject({ IsClosed: true, IsWon: true, Probability: 100 });
    expect(
      select(
        org,
        `SELECT StageName, Probability, PrevAmount FROM OpportunityHistory WHERE OpportunityId = '${String(opp.Id)}' ORDER BY CreatedDate, Id`,
      ),
    ).toEqual([
      { StageName: 'Demo', Probability: 40, PrevAmount: null },
      { StageName: 'Closed Won', Probability: 100, PrevAmount: 30000 },
    ]);
  });

  it('given an appointment with a start and duration, then its end and activity date are derived in the org time zone', () => {
    const appt = org.writer.create(
      'Event',
      { Subject: 'Visit', Type: 'Appointment', StartDateTime: '2026-11-21T04:30:00Z', DurationInMinutes: 60 },
      me,
    );
    expect(appt).toMatchObject({
      EndDateTime: '2026-11-21T05:30:00.000+0000',
      ActivityDate: '2026-11-20',
      Appointment_Status__c: 'Scheduled',
    });
  });

  it('given a coaching flag, then its auto-number name follows the display format of the metadata', () => {
    expect(org.writer.create('Coaching_Flag__c', { Flag_Key__c: 'k-auto' }, me).Name).toMatch(/^CF-\d{5}$/);
  });

  it('given a delete, then the row is soft-deleted and a second delete says it is deleted', () => {
    const id = lead(org);
    org.writer.delete('Lead', id, me);
    expect(org.store.get('Lead', id)?.IsDeleted).toBe(true);
    expect(apiError(() => org.writer.delete('Lead', id, me)).errorCode).toBe('ENTITY_IS_DELETED');
  });
});

describe('upsert by external id and atomic batches', () => {
  const org = newOrg();
  const me = org.integrationUserId;

  it('given no match then one match, then upsert creates and then updates the same record', () => {
    const first = org.writer.upsert('Coaching_Flag__c', 'Flag_Key__c', 'k1', { Summary__c: 'one' }, me);
    const second = org.writer.upsert('Coaching_Flag__c', 'flag_key__c', 'k1', { Summary__c: 'two' }, me);
    expect([first.created, second.created, second.record.Id]).toEqual([true, false, first.record.Id]);
    expect(second.record.Summary__c).toBe('two');
  });

  it('given two tasks sharing a non-unique external id, then upsert refuses with the matching ids', () => {
    org.writer.create('Task', { Subject: 'a', Coaching_Key__c: 'dup' }, me);
    org.writer.create('Task', { Subject: 'b', Coaching_Key__c: 'dup' }, me);
    const error = apiError(() => org.writer.upsert('Task', 'Coaching_Key__c', 'dup', {}, me));
    expect(error.status).toBe(300);
    expect(error.errorCode).toBe('DUPLICATE_EXTERNAL_ID');
  });

  it('given a field that is not an external id, then upsert answers NOT_FOUND', () => {
    expect(apiError(() => org.writer.upsert('Task', 'Subject', 'x', {}, me)).errorCode).toBe('NOT_FOUND');
  });

  it('given a transaction that throws, then every row it wrote is restored', () => {
    const id = lead(org, { LastName: 'Before' });
    const before = org.store.counts().Lead;
    expect(() =>
      org.store.transaction(() => {
        org.writer.update('Lead', id, { LastName: 'After' }, me);
        lead(org, { LastName: 'New' });
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(org.store.get('Lead', id)?.LastName).toBe('Before');
    expect(org.store.counts().Lead).toBe(before);
    expect(select(org, "SELECT Id FROM Lead WHERE LastName = 'New'")).toEqual([]);
  });
});

describe('deletes take the record’s activities along', () => {
  it('given a lead with a call and an appointment, when the lead is deleted, then both are deleted too and visible to queryAll only', () => {
    const org = newOrg();
    const me = org.integrationUserId;
    const leadId = lead(org);
    const other = lead(org, { LastName: 'Other' });
    org.writer.create('Task', { Subject: 'Call', WhoId: leadId }, me);
    org.writer.create(
      'Event',
      {
        Subject: 'Visit',
        WhoId: leadId,
        StartDateTime: '2026-11-21T15:00:00.000+0000',
        EndDateTime: '2026-11-21T16:00:00.000+0000',
      },
      me,
    );
    org.writer.create('Task', { Subject: 'Call', WhoId: other }, me);

    org.writer.delete('Lead', leadId, me);

    expect(select(org, `SELECT Id FROM Task WHERE WhoId = '${leadId}'`)).toEqual([]);
    expect(select(org, `SELECT Id FROM Event WHERE WhoId = '${leadId}'`)).toEqual([]);
    expect(select(org, `SELECT Id, IsDeleted FROM Task WHERE WhoId = '${leadId}'`, true)).toEqual([
      expect.objectContaining({ IsDeleted: true }),
    ]);
    expect(select(org, `SELECT Id FROM Task WHERE WhoId = '${other}'`)).toHaveLength(1);
  });
});
