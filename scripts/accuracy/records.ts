/**
 * Salesforce-shaped records as the REST query API returns them for the reference config's
 * read plan: the fields it SELECTs, an `attributes` header, relationship fields nested
 * (`Opportunity: { OwnerId }`), datetimes in REST's spelling, empty values as null. The ids
 * are 18 characters with the object's real key prefix, so nothing downstream can tell them
 * from an org's.
 */
import type { SfRecord } from '../../src/core/model';
import { sfDate, sfDateTime } from './store-clock';

const PREFIX = {
  User: '005',
  Lead: '00Q',
  Task: '00T',
  Event: '00U',
  Opportunity: '006',
  OpportunityHistory: '008',
} as const;
export type SfObject = keyof typeof PREFIX;

/** Objects the step and fact records are read from (User records are kept apart, as mapUsers takes them). */
export type ActivityObject = Exclude<SfObject, 'User' | 'Opportunity'>;

export interface ObjectRecord {
  object: ActivityObject;
  record: SfRecord;
}

export type CallDisposition = 'Contacted' | 'Left Message' | 'No Answer';

export class RecordSink {
  readonly users: SfRecord[] = [];
  readonly records: ObjectRecord[] = [];
  private counter = 0;

  /** `tag` (two base-36 characters) keeps the ids of different generated dealerships apart. */
  constructor(private readonly tag: string) {}

  newId(object: SfObject): string {
    this.counter++;
    return `${PREFIX[object]}${this.tag.padStart(3, '0')}${this.counter.toString(36).padStart(9, '0')}AAA`;
  }

  /** A User with the given fields (role conditions, manager, store, goal: named as the config names them). */
  user(name: string, createdAt: number, fields: Record<string, unknown>): string {
    const id = this.newId('User');
    const created = sfDateTime(createdAt);
    this.users.push({
      attributes: { type: 'User' },
      Id: id,
      SystemModstamp: created,
      CreatedDate: created,
      IsActive: true,
      Name: name,
      ...fields,
    });
    return id;
  }

  lead(ownerId: string, createdAt: number, name: string): SfRecord {
    const created = sfDateTime(createdAt);
    const record: SfRecord = {
      attributes: { type: 'Lead' },
      Id: this.newId('Lead'),
      SystemModstamp: created,
      CreatedDate: created,
      Name: name,
      OwnerId: ownerId,
      Status: 'Open - Not Contacted',
    };
    this.records.push({ object: 'Lead', record });
    return record;
  }

  /** A completed outbound call, logged when it ended. */
  call(ownerId: string, whoId: string, at: number, disposition: CallDisposition, seconds: number, day: number): void {
    this.task({
      ownerId,
      whoId,
      type: 'Call',
      callType: 'Outbound',
      status: 'Completed',
      closed: true,
      completedAt: at,
      day,
      disposition,
      seconds,
    });
  }

  /** A follow-up to do on `dueDay`; open until `doneAt` (null: still open). */
  followUp(ownerId: string, whoId: string, createdAt: number, dueDay: number, doneAt: number | null): void {
    const done = doneAt !== null;
    this.task({
      ownerId,
      whoId,
      type: 'Follow-Up',
      callType: null,
      status: done ? 'Completed' : 'Not Started',
      closed: done,
      completedAt: doneAt,
      day: dueDay,
      disposition: null,
      seconds: null,
      modifiedAt: doneAt ?? createdAt,
    });
  }

  /** An e-mail or text logged as a completed Task: no configured step matches it. */
  message(ownerId: string, whoId: string, at: number, day: number, type: 'Email' | 'Text'): void {
    const fields = { ownerId, whoId, callType: null, status: 'Completed', closed: true, completedAt: at, day };
    this.task({ ...fields, type, disposition: null, seconds: null });
  }

  appointment(f: {
    createdById: string;
    ownerId: string;
    whoId: string;
    createdAt: number;
    startAt: number;
  }): SfRecord {
    const created = sfDateTime(f.createdAt);
    const record: SfRecord = {
      attributes: { type: 'Event' },
      Id: this.newId('Event'),
      SystemModstamp: created,
      Appointment_Status__c: 'Scheduled',
      Coaching_Key__c: null,
      CreatedById: f.createdById,
      CreatedDate: created,
      OwnerId: f.ownerId,
      StartDateTime: sfDateTime(f.startAt),
      Type: 'Appointment',
      WhoId: f.whoId,
    };
    this.records.push({ object: 'Event', record });
    return record;
  }

  stage(opportunityId: string, ownerId: string, stageName: string, at: number): void {
    const stamp = sfDateTime(at);
    this.records.push({
      object: 'OpportunityHistory',
      record: {
        attributes: { type: 'OpportunityHistory' },
        Id: this.newId('OpportunityHistory'),
        SystemModstamp: stamp,
        CreatedDate: stamp,
        Opportunity: { attributes: { type: 'Opportunity' }, OwnerId: ownerId },
        OpportunityId: opportunityId,
        StageName: stageName,
      },
    });
  }

  private task(f: {
    ownerId: string;
    whoId: string;
    type: string;
    callType: string | null;
    status: string;
    closed: boolean;
    completedAt: number | null;
    day: number;
    disposition: CallDisposition | null;
    seconds: number | null;
    modifiedAt?: number;
  }): void {
    const modified = f.modifiedAt ?? f.completedAt ?? 0;
    this.records.push({
      object: 'Task',
      record: {
        attributes: { type: 'Task' },
        Id: this.newId('Task'),
        SystemModstamp: sfDateTime(modified),
        ActivityDate: sfDate(f.day),
        CallDisposition: f.disposition,
        CallDurationInSeconds: f.seconds,
        CallType: f.callType,
        Coaching_Key__c: null,
        CompletedDateTime: f.completedAt === null ? null : sfDateTime(f.completedAt),
        IsClosed: f.closed,
        OwnerId: f.ownerId,
        Status: f.status,
        Type: f.type,
        WhoId: f.whoId,
      },
    });
  }
}
