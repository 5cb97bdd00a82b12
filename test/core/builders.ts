/**
 * Small builders for core tests: a valid reference-like CoachModel (the config loader is not
 * used here), measures with sensible defaults, reps, step events, facts and Salesforce records
 * shaped as the REST API returns them, and local times in the dealership's zone.
 */
import { writeBackSchema } from '../../src/config/schema/write-back';
import { DealershipCalendar } from '../../src/core/calendar';
import { dayFromDate } from '../../src/core/civil-date';
import { type CoachingResult, computeCoaching } from '../../src/core/coach';
import type { Fact, FollowUpFact, LeadFact } from '../../src/core/facts';
import type { StoreEffects } from '../../src/core/leak-store';
import type { MeasureResult } from '../../src/core/measure-results';
import { type MeasureWindow, measureWindow } from '../../src/core/window';
import type { OpenFlag, OpenRepFlag, OpenTeamFlag } from '../../src/core/flags';
import type { TeamFinding } from '../../src/core/team-finding';
import type {
  CoachModel,
  CoachingModel,
  GoalModel,
  IntegrityMeasure,
  MeasureModel,
  OverdueMeasure,
  RatioMeasure,
  Rep,
  ResponseTimeMeasure,
  SequenceMeasure,
  SfRecord,
  StaleLeadMeasure,
  StepEvent,
  StepModel,
  VolumeMeasure,
} from '../../src/core/model';

export const ZONE = 'America/Chicago';

const stage = (id: string, label: string, stageName: string): StepModel => ({
  id,
  label,
  object: 'OpportunityHistory',
  timeField: 'CreatedDate',
  repField: 'Opportunity.OwnerId',
  subjectField: 'OpportunityId',
  match: { StageName: stageName },
});

export const STEPS: readonly StepModel[] = [
  {
    id: 'lead',
    label: 'New lead',
    object: 'Lead',
    timeField: 'CreatedDate',
    repField: 'OwnerId',
    subjectField: 'Id',
    match: {},
  },
  {
    id: 'attempt',
    label: 'Outbound call',
    object: 'Task',
    timeField: 'CompletedDateTime',
    repField: 'OwnerId',
    subjectField: 'WhoId',
    match: { Type: 'Call', CallType: 'Outbound', Status: 'Completed' },
    durationField: 'CallDurationInSeconds',
  },
  {
    id: 'contact',
    label: 'Contact',
    object: 'Task',
    timeField: 'CompletedDateTime',
    repField: 'OwnerId',
    subjectField: 'WhoId',
    match: { Type: 'Call', CallDisposition: 'Contacted' },
    durationField: 'CallDurationInSeconds',
  },
  {
    id: 'appointment_set',
    label: 'Appointment set',
    object: 'Event',
    timeField: 'CreatedDate',
    repField: 'CreatedById',
    subjectField: 'WhoId',
    match: { Type: 'Appointment' },
  },
  {
    id: 'appointment_shown',
    label: 'Appointment shown',
    object: 'Event',
    timeField: 'StartDateTime',
    repField: 'OwnerId',
    subjectField: 'WhoId',
    match: { Type: 'Appointment', Appointment_Status__c: 'Showed' },
  },
  stage('needs_analysis', 'Needs analysis', 'Needs Analysis'),
  stage('demo', 'Demo', 'Demo'),
  stage('write_up', 'Write-up', 'Write-Up'),
  stage('sold', 'Sold', 'Closed Won'),
];

const base = { label: 'Measure', diagnosis: 'Activity' as const };

export const volume = (over: Partial<VolumeMeasure> = {}): VolumeMeasure => ({
  ...base,
  id: 'calls',
  label: 'Outbound calls',
  kind: 'volume',
  step: 'attempt',
  perDay: 10,
  ...over,
});
export const ratio = (over: Partial<RatioMeasure> = {}): RatioMeasure => ({
  ...base,
  id: 'set_rate',
  label: 'Appointment set rate',
  diagnosis: 'Skill',
  kind: 'ratio',
  from: 'contact',
  to: 'appointment_set',
  target: 0.6,
  basis: 'subject',
  ...over,
});
export const responseTime = (over: Partial<ResponseTimeMeasure> = {}): ResponseTimeMeasure => ({
  ...base,
  id: 'lead_response',
  label: 'Lead response',
  kind: 'responseTime',
  from: 'lead',
  to: 'attempt',
  slaMinutes: 30,
  target: 0.8,
  ...over,
});
export const overdue = (over: Partial<OverdueMeasure> = {}): OverdueMeasure => ({
  ...base,
  id: 'overdue_follow_ups',
  label: 'Overdue follow-ups',
  kind: 'overdue',
  object: 'Task',
  dueField: 'ActivityDate',
  repField: 'OwnerId',
  subjectField: 'WhoId',
  match: { Type: 'Follow-Up', IsClosed: false },
  maxAllowed: 2,
  valueStep: 'contact',
  ...over,
});
export const staleLead = (over: Partial<StaleLeadMeasure> = {}): StaleLeadMeasure => ({
  ...base,
  id: 'stale_leads',
  label: 'Stale leads',
  kind: 'staleLead',
  object: 'Lead',
  repField: 'OwnerId',
  touches: [
    { object: 'Task', subjectField: 'WhoId', match: {} },
    { object: 'Event', subjectField: 'WhoId', match: {} },
  ],
  statusField: 'Status',
  closedStatuses: ['Closed - Converted', 'Closed - Not Converted'],
  days: 3,
  maxAllowed: 1,
  valueStep: 'lead',
  ...over,
});
export const sequence = (over: Partial<SequenceMeasure> = {}): SequenceMeasure => ({
  ...base,
  id: 'demo_before_sale',
  label: 'Demo before sale',
  diagnosis: 'Knowledge',
  kind: 'sequence',
  step: 'sold',
  requires: ['demo'],
  maxSkipShare: 0.1,
  ...over,
});
export const integrity = (over: Partial<IntegrityMeasure> = {}): IntegrityMeasure => ({
  ...base,
  id: 'real_calls',
  label: 'Real calls',
  kind: 'integrity',
  steps: ['attempt', 'contact'],
  burst: { count: 10, withinMinutes: 5 },
  minDuration: { steps: ['contact'], minSeconds: 20 },
  maxSuspiciousShare: 0.05,
  ...over,
});

export interface ModelBuilder {
  measures(...measures: MeasureModel[]): ModelBuilder;
  coaching(over: Partial<CoachingModel>): ModelBuilder;
  goals(over: Partial<GoalModel>): ModelBuilder;
  writeBack(over: Partial<CoachModel['writeBack']>): ModelBuilder;
  timeZone(zone: string): ModelBuilder;
  hours(open: string, close: string): ModelBuilder;
  workingDays(...days: CoachModel['dealership']['workingDays']): ModelBuilder;
  holidays(...dates: string[]): ModelBuilder;
  build(): CoachModel;
}

/** The API names of the written records, as the config's defaults. */
const WRITE_BACK_DEFAULTS = writeBackSchema.parse({});

/** A small valid model of the reference dealership (ARCHITECTURE.md §5.1); no measures unless given. */
export function modelBuilder(): ModelBuilder {
  const model: CoachModel = {
    dealership: {
      name: 'Test Motors',
      timeZone: ZONE,
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      holidays: [],
    },
    team: {
      salespeople: { Title: 'Sales Consultant', IsActive: true },
      setters: { Title: 'BDC Agent', IsActive: true },
      managerField: 'ManagerId',
      storeField: 'Department',
    },
    steps: STEPS,
    measures: [],
    goals: {
      step: 'sold',
      defaultMonthly: 10,
      overrides: {},
      userField: 'Monthly_Unit_Goal__c',
      funnel: ['contact', 'appointment_shown', 'demo', 'sold'],
    },
    coaching: {
      windowDays: 28,
      confidence: 0.9,
      minSample: 20,
      peerMargin: 0.05,
      maxFlagsPerRep: 2,
      severity: { medium: 0.5, high: 1.5 },
      oneOnOne: 'weekly',
      priorStrength: 20,
      followUpDueDays: 1,
      outcomeWaitDays: 28,
    },
    writeBack: {
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
      followUpTaskType: 'Follow-Up',
      agendaTaskType: 'Coaching',
      subjectPrefix: '',
      // Off unless a test turns them on: most tests look at flags and tasks alone.
      scorecard: { ...WRITE_BACK_DEFAULTS.scorecard, enabled: false },
      effectiveness: { ...WRITE_BACK_DEFAULTS.effectiveness, enabled: false },
    },
  };
  const builder: ModelBuilder = {
    measures: (...measures) => ((model.measures = measures), builder),
    coaching: (over) => ((model.coaching = { ...model.coaching, ...over }), builder),
    goals: (over) => ((model.goals = { ...model.goals, ...over }), builder),
    writeBack: (over) => ((model.writeBack = { ...model.writeBack, ...over }), builder),
    timeZone: (zone) => ((model.dealership = { ...model.dealership, timeZone: zone }), builder),
    hours: (open, close) => ((model.dealership = { ...model.dealership, hours: { open, close } }), builder),
    workingDays: (...days) => ((model.dealership = { ...model.dealership, workingDays: days }), builder),
    holidays: (...dates) => ((model.dealership = { ...model.dealership, holidays: dates }), builder),
    build: () => structuredClone(model),
  };
  return builder;
}

export function rep(id: string, over: Partial<Rep> = {}): Rep {
  return { id, name: `Rep ${id}`, role: 'salesperson', managerId: 'MGR1', store: 'North', monthlyGoal: null, ...over };
}

/** Epoch ms of a local wall time (`2026-11-10`, `09:30`) in the dealership's zone. */
export function local(date: string, time = '12:00', zone = ZONE): number {
  const day = dayFromDate(date);
  if (day === null) throw new Error(`bad date ${date}`);
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new DealershipCalendar({ timeZone: zone, workingDays: [], holidays: [] }).instantAt(day, h * 60 + m);
}

let sequenceNumber = 0;
export function event(
  step: string,
  repId: string,
  subject: string | null,
  at: number,
  over: Partial<StepEvent> = {},
): StepEvent {
  sequenceNumber++;
  return { step, user: repId, subject, at, recordId: `REC${String(sequenceNumber).padStart(6, '0')}`, ...over };
}

/** `count` events of a step, one an hour from `start`, each on its own subject unless given. */
export function events(
  step: string,
  repId: string,
  count: number,
  start: number,
  subject?: (i: number) => string,
): StepEvent[] {
  return Array.from({ length: count }, (_, i) =>
    event(step, repId, subject ? subject(i) : `${step}-${repId}-${i}`, start + i * 3_600_000),
  );
}

export function followUp(user: string, due: string, over: Partial<FollowUpFact> = {}): FollowUpFact {
  return {
    kind: 'followUp',
    measure: 'overdue_follow_ups',
    recordId: `00T${user}${due}`,
    user,
    subject: null,
    due,
    ...over,
  };
}

export function leadFact(id: string, user: string, createdAt: number, over: Partial<LeadFact> = {}): LeadFact {
  return {
    kind: 'lead',
    measure: 'stale_leads',
    recordId: id,
    user,
    status: 'Open - Not Contacted',
    createdAt,
    name: 'Dana Reyes',
    ...over,
  };
}

export function openFlag(
  over: Partial<OpenRepFlag> & Pick<OpenRepFlag, 'measure' | 'repId' | 'openedOn'>,
): OpenRepFlag {
  return {
    scope: 'Rep',
    key: `v1:${over.measure}:${over.repId}:${over.openedOn}`,
    status: 'New',
    commitment: null,
    followUpDate: null,
    committedOn: null,
    actual: null,
    sampleSize: null,
    ...over,
  };
}

/** An open flag about a manager's whole team of one role (salespeople unless said). */
export function openTeamFlag(
  over: Partial<OpenTeamFlag> & Pick<OpenTeamFlag, 'measure' | 'managerId' | 'openedOn'>,
): OpenTeamFlag {
  const role = over.role ?? 'salesperson';
  return {
    scope: 'Team',
    key: `v1:${over.measure}:team:${role}:${over.managerId}:${over.openedOn}`,
    role,
    status: 'New',
    commitment: null,
    followUpDate: null,
    committedOn: null,
    actual: null,
    sampleSize: null,
    ...over,
  };
}

/** A team finding: the salespeople of MGR1 setting 30% of contacts against 60%. */
export function teamFinding(over: Partial<TeamFinding> = {}): TeamFinding {
  return {
    managerId: 'MGR1',
    role: 'salesperson',
    measure: 'set_rate',
    kind: 'ratio',
    diagnosis: 'Skill',
    step: 'appointment_set',
    actual: 0.3,
    target: 0.6,
    members: 6,
    sampleSize: 240,
    lostUnits: 2.5,
    severity: 'High',
    summary: 'The whole team sets 30% of contacts against 60%',
    evidence: '6 salespeople, 72 appointments of 240 contacts',
    ...over,
  };
}

const record = (type: string, fields: Record<string, unknown>): SfRecord => ({
  attributes: { type, url: `/services/data/v62.0/sobjects/${type}/${String(fields.Id)}` },
  ...fields,
});

export function taskRecord(fields: Record<string, unknown> = {}): SfRecord {
  return record('Task', {
    Id: '00T000000000001AAA',
    OwnerId: '005000000000001AAA',
    WhoId: '00Q000000000001AAA',
    Type: 'Call',
    CallType: 'Outbound',
    Status: 'Completed',
    CallDisposition: 'Contacted',
    CallDurationInSeconds: 240,
    CompletedDateTime: '2026-11-20T15:04:05.000+0000',
    ActivityDate: '2026-11-20',
    IsClosed: true,
    Coaching_Key__c: null,
    SystemModstamp: '2026-11-20T15:04:05.000+0000',
    ...fields,
  });
}

export function eventRecord(fields: Record<string, unknown> = {}): SfRecord {
  return record('Event', {
    Id: '00U000000000001AAA',
    OwnerId: '005000000000001AAA',
    CreatedById: '005000000000009AAA',
    WhoId: '00Q000000000001AAA',
    Type: 'Appointment',
    Appointment_Status__c: 'Scheduled',
    CreatedDate: '2026-11-18T14:00:00.000+0000',
    StartDateTime: '2026-11-20T16:00:00.000+0000',
    Coaching_Key__c: null,
    ...fields,
  });
}

export function stageRecord(stageName: string, fields: Record<string, unknown> = {}): SfRecord {
  return record('OpportunityHistory', {
    Id: '008000000000001AAA',
    OpportunityId: '006000000000001AAA',
    StageName: stageName,
    CreatedDate: '2026-11-20T15:04:05.000+0000',
    Opportunity: { attributes: { type: 'Opportunity' }, OwnerId: '005000000000001AAA' },
    ...fields,
  });
}

export function leadRecord(fields: Record<string, unknown> = {}): SfRecord {
  return record('Lead', {
    Id: '00Q000000000001AAA',
    OwnerId: '005000000000001AAA',
    Name: 'Dana Reyes',
    Status: 'Open - Not Contacted',
    CreatedDate: '2026-11-20T15:04:05.000+0000',
    ...fields,
  });
}

export function userRecord(fields: Record<string, unknown> = {}): SfRecord {
  return record('User', {
    Id: '005000000000001AAA',
    Name: 'Sam Seller',
    IsActive: true,
    Title: 'Sales Consultant',
    ManagerId: '005000000000099AAA',
    Department: 'North',
    Monthly_Unit_Goal__c: null,
    ...fields,
  });
}

/** A Wednesday morning: the window of 28 days runs 2026-10-28 … 2026-11-24. */
export const NOW = local('2026-11-25', '09:00');

/** The model's measuring window at `now` (by default 2026-10-28 … 2026-11-24). */
export function windowOf(model: CoachModel, now = NOW): MeasureWindow {
  return measureWindow(new DealershipCalendar(model.dealership), now, model.coaching.windowDays);
}

export interface RunOptions {
  reps?: Rep[];
  events?: StepEvent[];
  facts?: Fact[];
  openFlags?: OpenFlag[];
  now?: number;
  /** The store's measured effects, as the compute phase gives them with `coaching.leakSource: store`. */
  storeEffects?: StoreEffects;
}

export function run(model: CoachModel, options: RunOptions = {}): CoachingResult {
  return computeCoaching({
    model,
    reps: options.reps ?? [rep('A')],
    events: options.events ?? [],
    facts: options.facts ?? [],
    openFlags: options.openFlags ?? [],
    now: options.now ?? NOW,
    ...(options.storeEffects === undefined ? {} : { storeEffects: options.storeEffects }),
  });
}

/** The result of one measure for one rep (or the team, with repId null). */
export function resultOf<K extends MeasureResult['kind']>(
  coaching: CoachingResult,
  repId: string | null,
  measureId: string,
  kind: K,
): Extract<MeasureResult, { kind: K }> {
  const card = repId === null ? coaching.team : coaching.scorecards.find((c) => c.repId === repId);
  const result = card?.results.find((r) => r.measure === measureId);
  if (!result || result.kind !== kind) throw new Error(`no ${kind} result ${measureId} for ${repId}`);
  return result as Extract<MeasureResult, { kind: K }>;
}
