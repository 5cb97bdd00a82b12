import type { BusinessCalendar } from './business-calendar';
import type { PersonName } from './names';
import { sfDateTime } from './sf-format';
import type { DemoRecord, NewId } from './types';

/** The objects the demo dealership fills, in the order the store should load them. */
export const DEMO_OBJECTS = [
  'User',
  'Account',
  'Contact',
  'Lead',
  'Opportunity',
  'OpportunityHistory',
  'Task',
  'Event',
] as const;
export type DemoObject = (typeof DEMO_OBJECTS)[number];

export type CallDisposition = 'Contacted' | 'Left Message' | 'No Answer' | 'Busy';
export type AppointmentStatus = 'Scheduled' | 'Showed' | 'No Show' | 'Cancelled';
export type LeadStatus =
  'Open - Not Contacted' | 'Working - Contacted' | 'Closed - Converted' | 'Closed - Not Converted';
export type OpportunityStage = 'Needs Analysis' | 'Demo' | 'Write-Up' | 'Negotiation' | 'Closed Won' | 'Closed Lost';

const STAGE_PROBABILITY: Record<OpportunityStage, number> = {
  'Needs Analysis': 20,
  Demo: 40,
  'Write-Up': 60,
  Negotiation: 80,
  'Closed Won': 100,
  'Closed Lost': 0,
};

const APPOINTMENT_MINUTES = 60;

/**
 * Builds every demo record: one object literal per record, all of an object's records with the
 * same fields in the same order, system fields included. Times are positions on the business
 * calendar; a record changed later in its story is updated in place (last change = its
 * LastModifiedDate and SystemModstamp).
 */
export class RecordFactory {
  readonly records: Record<DemoObject, DemoRecord[]> = {
    User: [],
    Account: [],
    Contact: [],
    Lead: [],
    Opportunity: [],
    OpportunityHistory: [],
    Task: [],
    Event: [],
  };

  constructor(
    private readonly calendar: BusinessCalendar,
    private readonly newId: NewId,
  ) {}

  /** A stamp string for a business position. */
  at(b: number): string {
    return sfDateTime(this.calendar.epochOf(b));
  }

  user(fields: UserFields, createdMs: number, createdById: string | null): DemoRecord {
    const id = fields.id ?? this.newId('User');
    const created = sfDateTime(createdMs);
    const by = createdById ?? id;
    const { id: _omit, ...rest } = fields;
    const record: DemoRecord = {
      Id: id,
      ...rest,
      CreatedDate: created,
      CreatedById: by,
      LastModifiedDate: created,
      LastModifiedById: by,
      SystemModstamp: created,
      IsDeleted: false,
    };
    this.records.User.push(record);
    return record;
  }

  lead(f: {
    person: PersonName;
    company: string;
    phone: string;
    email: string;
    source: string;
    ownerId: string;
    createdById: string;
    b: number;
  }): DemoRecord {
    const created = this.at(f.b);
    const record: DemoRecord = {
      Id: this.newId('Lead'),
      FirstName: f.person.firstName,
      LastName: f.person.lastName,
      Name: f.person.name,
      Company: f.company,
      Phone: f.phone,
      Email: f.email,
      LeadSource: f.source,
      Status: 'Open - Not Contacted',
      OwnerId: f.ownerId,
      IsConverted: false,
      ConvertedDate: null,
      ConvertedAccountId: null,
      ConvertedContactId: null,
      ConvertedOpportunityId: null,
      CreatedDate: created,
      CreatedById: f.createdById,
      LastModifiedDate: created,
      LastModifiedById: f.createdById,
      SystemModstamp: created,
      IsDeleted: false,
    };
    this.records.Lead.push(record);
    return record;
  }

  setLeadStatus(lead: DemoRecord, status: LeadStatus, b: number, byId: string): void {
    lead.Status = status;
    touch(lead, this.at(b), byId);
  }

  convertLead(
    lead: DemoRecord,
    b: number,
    byId: string,
    ids: { accountId: string; contactId: string; opportunityId: string },
  ): void {
    lead.Status = 'Closed - Converted';
    lead.IsConverted = true;
    lead.ConvertedDate = this.calendar.dateOf(b);
    lead.ConvertedAccountId = ids.accountId;
    lead.ConvertedContactId = ids.contactId;
    lead.ConvertedOpportunityId = ids.opportunityId;
    touch(lead, this.at(b), byId);
  }

  /** A completed outbound call, logged when it ended. `whoId` null is a call linked to nobody. */
  call(f: {
    ownerId: string;
    whoId: string | null;
    b: number;
    disposition: CallDisposition;
    seconds: number;
  }): DemoRecord {
    const stamp = this.at(f.b);
    return this.task({
      subject: 'Call',
      type: 'Call',
      status: 'Completed',
      activityDate: this.calendar.dateOf(f.b),
      completed: stamp,
      callType: 'Outbound',
      disposition: f.disposition,
      seconds: f.seconds,
      whoId: f.whoId,
      ownerId: f.ownerId,
      created: stamp,
    });
  }

  /** A follow-up to do on `dueDay` (a business-day index), open until completed. */
  followUp(f: { ownerId: string; whoId: string; whoName: string; b: number; dueDay: number }): DemoRecord {
    return this.task({
      subject: `Follow up with ${f.whoName}`,
      type: 'Follow-Up',
      status: 'Not Started',
      activityDate: this.calendar.dateOfDay(f.dueDay),
      completed: null,
      callType: null,
      disposition: null,
      seconds: null,
      whoId: f.whoId,
      ownerId: f.ownerId,
      created: this.at(f.b),
    });
  }

  /** A logged non-call activity (an email sent, an appraisal) or one with an unexpected Type. */
  note(f: { ownerId: string; whoId: string | null; b: number; type: string; subject: string }): DemoRecord {
    const stamp = this.at(f.b);
    return this.task({
      subject: f.subject,
      type: f.type,
      status: 'Completed',
      activityDate: this.calendar.dateOf(f.b),
      completed: stamp,
      callType: null,
      disposition: null,
      seconds: null,
      whoId: f.whoId,
      ownerId: f.ownerId,
      created: stamp,
    });
  }

  completeTask(task: DemoRecord, b: number): void {
    const stamp = this.at(b);
    task.Status = 'Completed';
    task.IsClosed = true;
    task.CompletedDateTime = stamp;
    touch(task, stamp, task.OwnerId as string);
  }

  /** Undoes a completion: the task stays as it was created, never worked. */
  reopenTask(task: DemoRecord): void {
    task.Status = 'Not Started';
    task.IsClosed = false;
    task.CompletedDateTime = null;
    touch(task, task.CreatedDate as string, task.CreatedById as string);
  }

  appointment(f: {
    setterId: string;
    ownerId: string;
    whoId: string;
    whoName: string;
    b: number;
    startB: number;
  }): DemoRecord {
    const created = this.at(f.b);
    const startMs = this.calendar.epochOf(f.startB);
    const start = sfDateTime(startMs);
    const record: DemoRecord = {
      Id: this.newId('Event'),
      Subject: `Appointment: ${f.whoName}`,
      Type: 'Appointment',
      StartDateTime: start,
      EndDateTime: sfDateTime(startMs + APPOINTMENT_MINUTES * 60_000),
      ActivityDateTime: start,
      ActivityDate: this.calendar.dateOf(f.startB),
      DurationInMinutes: APPOINTMENT_MINUTES,
      IsAllDayEvent: false,
      WhoId: f.whoId,
      OwnerId: f.ownerId,
      Appointment_Status__c: 'Scheduled',
      CreatedDate: created,
      CreatedById: f.setterId,
      LastModifiedDate: created,
      LastModifiedById: f.setterId,
      SystemModstamp: created,
      IsDeleted: false,
    };
    this.records.Event.push(record);
    return record;
  }

  setAppointmentStatus(event: DemoRecord, status: AppointmentStatus, b: number, byId: string): void {
    event.Appointment_Status__c = status;
    touch(event, this.at(b), byId);
  }

  account(f: { person: PersonName; phone: string; ownerId: string; b: number }): DemoRecord {
    const created = this.at(f.b);
    const record: DemoRecord = {
      Id: this.newId('Account'),
      Name: f.person.name,
      Phone: f.phone,
      OwnerId: f.ownerId,
      ...systemFields(created, f.ownerId),
    };
    this.records.Account.push(record);
    return record;
  }

  contact(f: {
    person: PersonName;
    accountId: string;
    phone: string;
    email: string;
    source: string;
    ownerId: string;
    b: number;
  }): DemoRecord {
    const created = this.at(f.b);
    const record: DemoRecord = {
      Id: this.newId('Contact'),
      FirstName: f.person.firstName,
      LastName: f.person.lastName,
      Name: f.person.name,
      AccountId: f.accountId,
      Phone: f.phone,
      Email: f.email,
      LeadSource: f.source,
      OwnerId: f.ownerId,
      ...systemFields(created, f.ownerId),
    };
    this.records.Contact.push(record);
    return record;
  }

  /** An opportunity opened at Needs Analysis, with its first history row. */
  opportunity(f: {
    name: string;
    accountId: string;
    ownerId: string;
    amount: number;
    closeDate: string;
    source: string;
    b: number;
  }): DemoRecord {
    const created = this.at(f.b);
    const record: DemoRecord = {
      Id: this.newId('Opportunity'),
      Name: f.name,
      AccountId: f.accountId,
      OwnerId: f.ownerId,
      StageName: 'Needs Analysis',
      Amount: f.amount,
      Probability: STAGE_PROBABILITY['Needs Analysis'],
      CloseDate: f.closeDate,
      LeadSource: f.source,
      IsClosed: false,
      IsWon: false,
      ...systemFields(created, f.ownerId),
    };
    this.records.Opportunity.push(record);
    this.history(record, 'Needs Analysis', created);
    return record;
  }

  /** Moves an opportunity to `stage` at `b` and records the OpportunityHistory row. */
  advance(opportunity: DemoRecord, stage: OpportunityStage, b: number, closeDate?: string): void {
    const stamp = this.at(b);
    opportunity.StageName = stage;
    opportunity.Probability = STAGE_PROBABILITY[stage];
    if (closeDate !== undefined) opportunity.CloseDate = closeDate;
    opportunity.IsClosed = stage === 'Closed Won' || stage === 'Closed Lost';
    opportunity.IsWon = stage === 'Closed Won';
    touch(opportunity, stamp, opportunity.OwnerId as string);
    this.history(opportunity, stage, stamp);
  }

  private history(opportunity: DemoRecord, stage: OpportunityStage, stamp: string): void {
    this.records.OpportunityHistory.push({
      Id: this.newId('OpportunityHistory'),
      OpportunityId: opportunity.Id as string,
      StageName: stage,
      Amount: opportunity.Amount as number,
      CloseDate: opportunity.CloseDate as string,
      Probability: STAGE_PROBABILITY[stage],
      ...systemFields(stamp, opportunity.OwnerId as string),
    });
  }

  private task(f: TaskFields): DemoRecord {
    const record: DemoRecord = {
      Id: this.newId('Task'),
      Subject: f.subject,
      Type: f.type,
      Status: f.status,
      Priority: 'Normal',
      ActivityDate: f.activityDate,
      CompletedDateTime: f.completed,
      IsClosed: f.status === 'Completed',
      CallType: f.callType,
      CallDisposition: f.disposition,
      CallDurationInSeconds: f.seconds,
      WhoId: f.whoId,
      OwnerId: f.ownerId,
      CreatedDate: f.created,
      CreatedById: f.ownerId,
      LastModifiedDate: f.created,
      LastModifiedById: f.ownerId,
      SystemModstamp: f.created,
      IsDeleted: false,
    };
    this.records.Task.push(record);
    return record;
  }
}

export interface UserFields {
  /** Pre-allocated id (the integration user creates itself); otherwise one is drawn. */
  id?: string;
  Username: string;
  FirstName: string;
  LastName: string;
  Name: string;
  Alias: string;
  Email: string;
  Title: string;
  Department: string | null;
  ManagerId: string | null;
  IsActive: boolean;
  Monthly_Unit_Goal__c: number | null;
  TimeZoneSidKey: string;
}

interface TaskFields {
  subject: string;
  type: string;
  status: 'Completed' | 'Not Started';
  activityDate: string;
  completed: string | null;
  callType: string | null;
  disposition: string | null;
  seconds: number | null;
  whoId: string | null;
  ownerId: string;
  created: string;
}

function systemFields(created: string, byId: string): DemoRecord {
  return {
    CreatedDate: created,
    CreatedById: byId,
    LastModifiedDate: created,
    LastModifiedById: byId,
    SystemModstamp: created,
    IsDeleted: false,
  };
}

function touch(record: DemoRecord, stamp: string, byId: string): void {
  record.LastModifiedDate = stamp;
  record.LastModifiedById = byId;
  record.SystemModstamp = stamp;
}
