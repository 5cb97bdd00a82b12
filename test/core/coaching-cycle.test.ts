import type { CoachingResult } from '../../src/core/coach';
import type { DesiredRecord } from '../../src/core/desired';
import type { OwnTaskFact } from '../../src/core/facts';
import { flagReadFields, openFlagFromRecord } from '../../src/core/flags';
import { taskSubject } from '../../src/core/tasks';
import { event, events, leadFact, local, modelBuilder, openFlag, ratio, rep, run, staleLead } from './builders';

const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
const model = modelBuilder().measures(ratio(), staleLead()).build();

function contactsAndSets(repId: string, contacts: number, sets: number, start = day(2), tag = 'C') {
  return [
    ...events('contact', repId, contacts, start, (i) => `${repId}-${tag}${i}`),
    ...Array.from({ length: sets }, (_, i) =>
      event('appointment_set', repId, `${repId}-${tag}${i}`, start + contacts * 3_600_000 + i * 60_000),
    ),
  ];
}
/** A is weak on the set rate (4 of 40); B is fine (24 of 40) and sells. */
const weakA = [...contactsAndSets('A', 40, 4), ...contactsAndSets('B', 40, 24), ...events('sold', 'B', 7, day(21))];
const reps = [rep('A'), rep('B')];
const byKey = (coaching: CoachingResult, key: string): DesiredRecord | undefined =>
  coaching.desired.find((d) => d.key === key);
const MANAGER_FIELDS = ['Commitment__c', 'Follow_Up_Date__c'];

describe('flags', () => {
  it('given a new weakness, then a flag keyed by measure, salesperson and today, created as New with every connector field', () => {
    const coaching = run(model, { reps, events: weakA });
    const flag = byKey(coaching, 'v1:set_rate:A:2026-11-25');
    expect(flag).toMatchObject({
      kind: 'flag',
      object: 'Coaching_Flag__c',
      keyField: 'Flag_Key__c',
      createOnly: { Status__c: 'New' },
    });
    expect(flag?.fields).toMatchObject({
      Salesperson__c: 'A',
      Manager__c: 'MGR1',
      Measure__c: 'set_rate',
      Step__c: 'appointment_set',
      Diagnosis__c: 'Skill',
      Actual__c: 0.1,
      Target__c: 0.6,
      Team_Value__c: 0.35,
      Sample_Size__c: 40,
      Period_Start__c: '2026-10-28',
      Period_End__c: '2026-11-24',
      Is_Focus__c: true,
    });
    expect(flag?.fields).not.toHaveProperty('Status__c');
  });

  it('given any run, then manager-owned fields appear in no desired record', () => {
    const coaching = run(model, {
      reps,
      events: weakA,
      openFlags: [
        openFlag({
          measure: 'set_rate',
          repId: 'B',
          openedOn: '2026-11-01',
          status: 'Committed',
          commitment: 'Call back',
          followUpDate: '2026-11-20',
          actual: 0.2,
        }),
      ],
    });
    for (const record of coaching.desired) {
      for (const field of MANAGER_FIELDS) {
        expect(record.fields).not.toHaveProperty(field);
        expect(record.createOnly).not.toHaveProperty(field);
      }
    }
  });

  it('given an open New flag while the weakness persists, then that flag is updated in place and no second one opens', () => {
    const open = openFlag({ measure: 'set_rate', repId: 'A', openedOn: '2026-11-18' });
    const coaching = run(model, { reps, events: weakA, openFlags: [open] });
    const flags = coaching.desired.filter((d) => d.kind === 'flag');
    expect(flags.map((f) => f.key)).toEqual([open.key]);
    expect(flags[0]?.createOnly).toEqual({});
    expect(flags[0]?.fields).not.toHaveProperty('Status__c');
  });

  it('given an open flag whose weakness has gone and no commitment, then it is Resolved (status only)', () => {
    const open = openFlag({ measure: 'set_rate', repId: 'B', openedOn: '2026-11-10' });
    expect(byKey(run(model, { reps, events: weakA, openFlags: [open] }), open.key)?.fields).toEqual({
      Status__c: 'Resolved',
    });
  });

  it('given a weakness gone but a commitment pending on a New flag, then the flag is left alone', () => {
    const open = openFlag({
      measure: 'set_rate',
      repId: 'B',
      openedOn: '2026-11-10',
      commitment: 'Role-play the call',
    });
    expect(byKey(run(model, { reps, events: weakA, openFlags: [open] }), open.key)).toBeUndefined();
  });

  it('given a Not Improved flag whose weakness has gone, then it is Resolved: its commitment was already judged', () => {
    const open = openFlag({
      measure: 'set_rate',
      repId: 'B',
      openedOn: '2026-11-01',
      status: 'Not Improved',
      commitment: 'x',
    });
    expect(byKey(run(model, { reps, events: weakA, openFlags: [open] }), open.key)?.fields).toEqual({
      Status__c: 'Resolved',
    });
  });

  it('given a Committed flag before its follow-up date, then it keeps its baseline: nothing is written and no new flag opens', () => {
    const open = openFlag({
      measure: 'set_rate',
      repId: 'A',
      openedOn: '2026-11-10',
      status: 'Committed',
      commitment: 'x',
      followUpDate: '2026-12-01',
    });
    const coaching = run(model, { reps, events: weakA, openFlags: [open] });
    expect(coaching.desired.filter((d) => d.kind === 'flag')).toEqual([]);
  });
});

describe('the follow-up check', () => {
  const committed = openFlag({
    measure: 'set_rate',
    repId: 'A',
    openedOn: '2026-11-10',
    status: 'Committed',
    commitment: 'Ask for the appointment twice',
    followUpDate: '2026-11-24',
    committedOn: '2026-11-18',
    actual: 0.1,
  });

  it('given better numbers since the commitment on the sample a flag needs, then Improved with the outcome and a task for the manager', () => {
    const since = contactsAndSets('A', 20, 12, day(19), 'N');
    const coaching = run(model, { reps, events: [...weakA, ...since], openFlags: [committed] });
    expect(byKey(coaching, committed.key)?.fields).toEqual({
      Status__c: 'Improved',
      Outcome__c: 'Appointment set rate 10% → 60% since 2026-11-18 (sample 20): at target 60%',
    });
    expect(coaching.checks).toEqual([expect.objectContaining({ status: 'Improved', before: 0.1, after: 0.6 })]);
    const task = byKey(coaching, 'v1:coaching_outcome:set_rate:A:2026-11-24');
    expect(task).toMatchObject({
      kind: 'commitmentCheckTask',
      object: 'Task',
      keyField: 'Coaching_Key__c',
      createOnly: { OwnerId: 'MGR1', Status: 'Not Started' },
    });
    // The follow-up date was yesterday: the task is due a working day after today, not born overdue.
    expect(task?.fields).toMatchObject({ Type: 'Follow-Up', ActivityDate: '2026-11-26' });
    expect(coaching.desired.filter((d) => d.kind === 'flag').map((d) => d.key)).toEqual([committed.key]);
  });

  it('given too few contacts since the commitment, then the flag stays Committed, only its Outcome says it waits, and no task yet', () => {
    const since = contactsAndSets('A', 6, 4, day(19), 'N');
    const coaching = run(model, { reps, events: [...weakA, ...since], openFlags: [committed] });
    expect(byKey(coaching, committed.key)?.fields).toEqual({
      Outcome__c:
        'Waiting for data: Appointment set rate 10% → 67% since 2026-11-18 (sample 6, 20 needed), not conclusive yet; decided by 2026-12-22',
    });
    expect(coaching.checks).toEqual([expect.objectContaining({ status: 'Waiting' })]);
    expect(coaching.desired.filter((d) => d.kind === 'commitmentCheckTask')).toEqual([]);
    const agenda = coaching.desired.find((d) => d.kind === 'agenda' && d.key.startsWith('v1:agenda:A:'));
    expect(String(agenda?.createOnly.Description)).toContain(
      'Appointment set rate: committed "Ask for the appointment twice", follow-up 2026-11-24. Waiting for data:',
    );
  });

  it('given no activity since the commitment, then it waits; a month past the follow-up date it is Not Improved, saying so', () => {
    expect(byKey(run(model, { reps, events: weakA, openFlags: [committed] }), committed.key)?.fields).toEqual({
      Outcome__c:
        'Waiting for data: Appointment set rate, no activity to measure since 2026-11-18 yet; decided by 2026-12-22',
    });
    const late = run(model, { reps, events: weakA, openFlags: [committed], now: local('2026-12-22', '12:00') });
    expect(byKey(late, committed.key)?.fields).toEqual({
      Status__c: 'Not Improved',
      Outcome__c: 'Appointment set rate: no activity to measure since 2026-11-18, waited to 2026-12-22',
    });
  });

  it('given a flag that Improved and a weakness back on the same measure, then a new flag opens and the old one is not rewritten', () => {
    const improved = { ...committed, status: 'Improved' as const };
    const coaching = run(model, { reps, events: weakA, openFlags: [improved] });
    expect(byKey(coaching, committed.key)).toBeUndefined();
    expect(byKey(coaching, 'v1:set_rate:A:2026-11-25')).toMatchObject({ createOnly: { Status__c: 'New' } });
  });
});

describe('stale-lead tasks', () => {
  const stale = {
    reps,
    facts: [leadFact('00QL1', 'A', day(1))],
    events: [event('attempt', 'A', '00QL1', day(22, '16:00'))],
  };

  it('given a stale lead, then a follow-up task for its owner, keyed by lead and the date it became due', () => {
    const task = byKey(run(model, stale), 'v1:stale_lead:00QL1:2026-11-25');
    expect(task).toMatchObject({
      kind: 'staleLeadTask',
      createOnly: { OwnerId: 'A', Status: 'Not Started', WhoId: '00QL1', ActivityDate: '2026-11-26' },
      fields: { Subject: 'Call Dana Reyes: no contact since 2026-11-22', Type: 'Follow-Up' },
    });
  });

  it('given a lead idle for weeks, then its task is due a working day after today, set on create only', () => {
    const weeks = { ...stale, events: [event('attempt', 'A', '00QL1', day(6, '16:00'))] };
    const task = byKey(run(model, weeks), 'v1:stale_lead:00QL1:2026-11-09');
    expect(task?.fields.Subject).toBe('Call Dana Reyes: no contact since 2026-11-06');
    expect(task?.createOnly.ActivityDate).toBe('2026-11-26');
    expect(task?.fields).not.toHaveProperty('ActivityDate');
  });

  it('given the product’s earlier task for that lead still open, then no second task; once closed, a new one', () => {
    const ownTask = (closed: boolean): OwnTaskFact => ({
      kind: 'ownTask',
      recordId: '00T1',
      key: 'v1:stale_lead:00QL1:2026-11-10',
      closed,
    });
    const withOpen = run(model, { ...stale, facts: [...stale.facts, ownTask(false)] });
    expect(withOpen.desired.filter((d) => d.kind === 'staleLeadTask')).toEqual([]);
    const withClosed = run(model, { ...stale, facts: [...stale.facts, ownTask(true)] });
    expect(withClosed.desired.filter((d) => d.kind === 'staleLeadTask')).toHaveLength(1);
  });
});

describe('the written tasks, as the config names them', () => {
  const named = modelBuilder()
    .measures(ratio(), staleLead())
    .writeBack({ followUpTaskType: 'Call', agendaTaskType: 'Meeting', subjectPrefix: '[Coach] ' })
    .build();

  it('given a Subject prefix and Task types, then every written task carries them', () => {
    const stale = {
      reps,
      facts: [leadFact('00QL1', 'A', day(1))],
      events: [...weakA, event('attempt', 'A', '00QL1', day(22, '16:00'))],
    };
    const tasks = run(named, stale).desired.filter((d) => d.object === 'Task');
    expect(tasks.map((t) => [t.kind, t.fields.Type, t.fields.Subject])).toEqual(
      expect.arrayContaining([
        ['staleLeadTask', 'Call', '[Coach] Call Dana Reyes: no contact since 2026-11-22'],
        ['agenda', 'Meeting', '[Coach] 1:1 with Rep A: coach Appointment set'],
      ]),
    );
  });

  it('given a long prefix and a long name, then the Subject is cut to the field’s 255 characters', () => {
    const long = modelBuilder()
      .writeBack({ subjectPrefix: 'x'.repeat(40) })
      .build();
    expect(taskSubject('y'.repeat(300), long)).toHaveLength(255);
    expect(taskSubject('Call Dana', long)).toBe(`${'x'.repeat(40)}Call Dana`);
  });
});

describe('the one-on-one agenda', () => {
  it('given a flagged and an unflagged salesperson, then each gets the week’s agenda, owned by the manager; the flagged one’s in four parts', () => {
    const coaching = run(model, { reps, events: weakA });
    const agendas = coaching.desired.filter((d) => d.kind === 'agenda');
    expect(agendas.map((a) => a.key)).toEqual(['v1:agenda:A:2026-11-23', 'v1:agenda:B:2026-11-23']);
    const [agenda] = agendas;
    expect(agenda?.createOnly).toMatchObject({ OwnerId: 'MGR1', Status: 'Not Started' });
    expect(agenda?.fields).toEqual({
      Subject: '1:1 with Rep A: coach Appointment set',
      Type: 'Coaching',
      ActivityDate: '2026-11-28',
    });
    const description = String(agenda?.createOnly.Description);
    const parts = [
      '1. Progress on last commitments',
      '2. Activity review',
      '3. Focus: the step to coach',
      '4. New commitment',
    ].map((h) => description.indexOf(h));
    expect(parts.every((p) => p >= 0)).toBe(true);
    expect(parts).toEqual([...parts].sort((a, b) => a - b));
    expect(description).toContain('Appointment set rate 10% (team 35%, target 60%)');
  });

  it('given a salesperson with no flag, then the agenda reviews the goal’s pace, the step to keep and the measure to watch', () => {
    const agenda = byKey(run(model, { reps, events: weakA }), 'v1:agenda:B:2026-11-23');
    expect(agenda?.fields.Subject).toBe('1:1 with Rep B: review, no flag');
    const description = String(agenda?.createOnly.Description);
    expect(description).toContain('- Sold goal: 10 this month; 7 so far, 8 expected by now: behind pace');
    expect(description).toContain('3. No flag this period: what to keep, what to watch');
    expect(description).toContain(
      'Keep: Appointment set rate 60% against a 60% target, the best step against its target.',
    );
    expect(description).toContain('Watch: Stale leads 0 open, 1 allowed, the closest to a flag.');
    expect(description).not.toContain('3. Focus');
  });

  it('given a salesperson without a manager, then the flag is written but no agenda for them', () => {
    const coaching = run(model, { reps: [rep('A', { managerId: null }), rep('B')], events: weakA });
    expect(byKey(coaching, 'v1:set_rate:A:2026-11-25')?.fields.Manager__c).toBeNull();
    expect(coaching.desired.filter((d) => d.kind === 'agenda').map((a) => a.key)).toEqual(['v1:agenda:B:2026-11-23']);
  });

  it('given a monthly cadence, then the agenda is keyed by the first of the month', () => {
    const monthly = modelBuilder().measures(ratio()).coaching({ oneOnOne: 'monthly' }).build();
    expect(run(monthly, { reps, events: weakA }).desired.find((d) => d.kind === 'agenda')?.key).toBe(
      'v1:agenda:A:2026-11-01',
    );
  });
});

describe('flags in the edge cases of the loop', () => {
  it('given a Committed flag without commitment text whose weakness has gone, then it is Resolved', () => {
    const open = openFlag({
      measure: 'set_rate',
      repId: 'B',
      openedOn: '2026-11-10',
      status: 'Committed',
      followUpDate: '2026-11-20',
    });
    expect(byKey(run(model, { reps, events: weakA, openFlags: [open] }), open.key)?.fields).toEqual({
      Status__c: 'Resolved',
    });
  });

  it('given open flags for a measure no longer configured or a rep no longer measured, then they are Resolved', () => {
    const gone = [
      openFlag({ measure: 'retired', repId: 'A', openedOn: '2026-11-10' }),
      openFlag({ measure: 'set_rate', repId: 'LEFT', openedOn: '2026-11-10' }),
    ];
    const coaching = run(model, { reps, events: weakA, openFlags: gone });
    expect(gone.map((f) => byKey(coaching, f.key)?.fields)).toEqual([
      { Status__c: 'Resolved' },
      { Status__c: 'Resolved' },
    ]);
  });

  it('given an open flag for a weakness held back by the cap, then it is still updated in place, not resolved', () => {
    const capped = modelBuilder().measures(ratio(), staleLead()).coaching({ maxFlagsPerRep: 1 }).build();
    const staleFacts = [1, 2, 3, 4, 5].map((i) => leadFact(`00QS${i}`, 'A', day(1)));
    const coaching = run(capped, { reps, events: weakA, facts: staleFacts });
    const held = coaching.diagnoses.find((d) => d.repId === 'A')?.heldBack ?? [];
    expect(held).toHaveLength(1);
    const open = openFlag({ measure: held[0]?.measure ?? '', repId: 'A', openedOn: '2026-11-01' });
    const next = run(capped, { reps, events: weakA, facts: staleFacts, openFlags: [open] });
    expect(byKey(next, open.key)?.fields).toMatchObject({ Measure__c: open.measure, Is_Focus__c: false });
  });

  it('given two open flags for one salesperson and measure, then only the most recent is kept up to date', () => {
    const older = openFlag({ measure: 'set_rate', repId: 'A', openedOn: '2026-11-01' });
    const newer = openFlag({ measure: 'set_rate', repId: 'A', openedOn: '2026-11-15' });
    const coaching = run(model, { reps, events: weakA, openFlags: [newer, older] });
    expect(coaching.desired.filter((d) => d.kind === 'flag').map((d) => d.key)).toEqual([newer.key]);
  });
});

describe('reading flags back from the org', () => {
  const writeBack = model.writeBack;
  it('given a flag record in REST shape, then an open flag with the manager’s commitment and date', () => {
    const record = {
      attributes: { type: 'Coaching_Flag__c' },
      Id: 'a00000000000001AAA',
      Flag_Key__c: 'v1:set_rate:005A:2026-11-10',
      Measure__c: 'set_rate',
      Salesperson__c: '005A',
      Status__c: 'Committed',
      Commitment__c: 'Ask twice',
      Follow_Up_Date__c: '2026-11-24',
      Actual__c: 0.14,
      Sample_Size__c: 43,
    };
    expect(openFlagFromRecord(record, writeBack)).toEqual({
      scope: 'Rep',
      key: 'v1:set_rate:005A:2026-11-10',
      measure: 'set_rate',
      repId: '005A',
      status: 'Committed',
      commitment: 'Ask twice',
      followUpDate: '2026-11-24',
      committedOn: null,
      openedOn: '2026-11-10',
      actual: 0.14,
      sampleSize: 43,
    });
    expect(flagReadFields(writeBack)).toEqual(
      expect.arrayContaining(['Flag_Key__c', 'Commitment__c', 'Follow_Up_Date__c', 'Actual__c', 'Sample_Size__c']),
    );
  });

  it('given a record without a product key or with an unknown status, then it is not a flag of ours', () => {
    expect(openFlagFromRecord({ Flag_Key__c: 'manual entry' }, writeBack)).toBeNull();
    expect(
      openFlagFromRecord({ Flag_Key__c: 'v1:set_rate:005A:2026-11-10', Status__c: 'Archived' }, writeBack),
    ).toBeNull();
  });
});

describe('team flags in the rep lifecycle', () => {
  const teamKey = 'v1:set_rate:team:salesperson:MGR1:2026-11-18';
  /** A's manager's team flag on A's weak measure, with A's name filled in by hand in the org. */
  const teamRecord = {
    attributes: { type: 'Coaching_Flag__c' },
    Id: 'a00000000000002AAA',
    Flag_Key__c: teamKey,
    Scope__c: 'Team',
    Salesperson__c: 'A',
    Manager__c: 'MGR1',
    Measure__c: 'set_rate',
    Status__c: 'New',
  };

  it('given an open team flag on a weak rep’s measure, when the cycle runs, then the rep’s own flag opens and the team flag never carries the rep’s fields', () => {
    const teamFlag = openFlagFromRecord(teamRecord, model.writeBack);
    if (teamFlag === null) throw new Error('the team record should read as a flag');
    const coaching = run(model, { reps, events: weakA, openFlags: [teamFlag] });
    expect(byKey(coaching, 'v1:set_rate:A:2026-11-25')).toMatchObject({ createOnly: { Status__c: 'New' } });
    const asTeam = coaching.desired.filter((d) => d.key === teamKey);
    expect(asTeam.filter((d) => d.fields.Salesperson__c === 'A' || d.fields.Scope__c === 'Rep')).toEqual([]);
  });

  // One rep's weakness is not the team's: the team lifecycle resolves the team flag (no team
  // finding), and nothing of the rep's is ever written onto it.
  it('given an open team flag and only one weak rep, then the team flag is resolved, never given the rep’s fields', () => {
    const teamFlag = openFlagFromRecord({ ...teamRecord, Salesperson__c: null }, model.writeBack);
    if (teamFlag === null) throw new Error('the team record should read as a flag');
    const coaching = run(model, { reps, events: weakA, openFlags: [teamFlag] });
    expect(coaching.desired.filter((d) => d.key === teamKey)).toEqual([
      expect.objectContaining({ fields: { Status__c: 'Resolved' } }),
    ]);
  });
});
