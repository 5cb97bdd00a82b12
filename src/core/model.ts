/**
 * The domain model the pure core works on: what the admin's config means (after the config
 * loader has validated it and filled defaults), the records it reads and the events it maps
 * them to. The config module's zod schema produces exactly these shapes (a compile-time check
 * in src/config keeps the two in step); nothing here knows about YAML, HTTP or SQLite.
 *
 * Conventions: ids of steps and measures are the admin's snake_case ids; Salesforce ids are
 * 18-character strings; instants are epoch milliseconds (UTC); calendar dates are
 * `YYYY-MM-DD` strings in the dealership's time zone.
 */

// ---------------------------------------------------------------------------------------------
// Records as the Salesforce REST API returns them
// ---------------------------------------------------------------------------------------------

/** A record as returned by the REST query API (nested parent relationships included). */
export interface SfRecord {
  attributes?: { type: string; url?: string };
  Id?: string;
  [field: string]: unknown;
}

/** Scalar values a match condition may compare against. */
export type MatchScalar = string | number | boolean | null;

/**
 * Conditions a record must meet, keyed by field path (`Type`, `Opportunity.OwnerId`).
 * A scalar means equality (null means "is empty"); an array means "one of".
 * All entries must hold (AND).
 */
export type MatchConditions = Readonly<Record<string, MatchScalar | readonly MatchScalar[]>>;

// ---------------------------------------------------------------------------------------------
// The model of the dealership (from the config)
// ---------------------------------------------------------------------------------------------

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface DealershipModel {
  name: string;
  /** IANA time zone, e.g. `America/Chicago`. All periods are counted in it. */
  timeZone: string;
  workingDays: readonly Weekday[];
  /** Dates (`YYYY-MM-DD`) that are not working days even if their weekday is. */
  holidays: readonly string[];
  /** Opening hours (`HH:MM`, local); response time counts only minutes inside them. */
  hours?: { open: string; close: string };
}

export interface StepModel {
  /** snake_case id, unique among steps, e.g. `appointment_set`. */
  id: string;
  label: string;
  /** Salesforce object the step is read from, e.g. `Task`, `OpportunityHistory`. */
  object: string;
  /** Datetime or date field saying when the step happened, e.g. `CompletedDateTime`. */
  timeField: string;
  /** Field path holding the User credited with the step, e.g. `OwnerId`, `Opportunity.OwnerId`. */
  repField: string;
  /** Field path holding the customer the step is about (links steps), e.g. `WhoId`, `OpportunityId`, `Id`. */
  subjectField: string;
  /** Conditions a record must meet to count as this step. Empty means every record. */
  match: MatchConditions;
  /** Optional numeric field with the call duration in seconds (integrity checks). */
  durationField?: string;
}

export type DiagnosisKind = 'Knowledge' | 'Skill' | 'Activity';
export type Severity = 'Low' | 'Medium' | 'High';

interface MeasureBase {
  /** snake_case id, unique among measures; it appears in flag keys, so renaming it opens new flags. */
  id: string;
  label: string;
  diagnosis: DiagnosisKind;
  /** Smallest sample the measure is judged on, when it differs from `coaching.minSample`. */
  minSample?: number;
}

/**
 * Thresholds of a measure that differ for one role (ARCHITECTURE.md §6): some of the kind's
 * threshold fields `K`, and the minimum sample. A setter books from colder leads than a
 * salesperson's own, so the same set rate means something else; a role left out keeps the
 * measure's own thresholds.
 */
export type RoleThresholds<M extends MeasureBase, K extends keyof M> = Partial<Pick<M, K | 'minSample'>>;

/** By role, the thresholds that differ for it. */
export type ByRole<T> = Partial<Record<RepRole, T>>;

/** Volume of one step per working day against an expectation. */
export interface VolumeMeasure extends MeasureBase {
  kind: 'volume';
  step: string;
  /** Expected count per working day; `goal` means "what the rep's goal plan requires". */
  perDay: number | 'goal';
  byRole?: ByRole<RoleThresholds<VolumeMeasure, 'perDay'>>;
}

/** Conversion from step `from` to step `to`, with a Wilson interval. */
export interface RatioMeasure extends MeasureBase {
  kind: 'ratio';
  from: string;
  to: string;
  /** Target rate in [0, 1]. */
  target: number;
  /**
   * `subject`: of the customers the rep took through `from`, the share that reached `to`
   * (at or after it, within the window). `count`: events of `to` over events of `from`, both
   * credited to the rep (the numerator capped at the denominator). Use `count` when the two
   * steps are about different kinds of subject (an Event's lead vs an Opportunity).
   */
  basis: 'subject' | 'count';
  byRole?: ByRole<RoleThresholds<RatioMeasure, 'target'>>;
}

/** Minutes from a step (a new lead) to the first next step on the same subject. */
export interface ResponseTimeMeasure extends MeasureBase {
  kind: 'responseTime';
  from: string;
  to: string;
  slaMinutes: number;
  /** Target share of subjects answered within the SLA, in [0, 1]. */
  target: number;
  byRole?: ByRole<RoleThresholds<ResponseTimeMeasure, 'target'>>;
}

/** Open follow-up tasks past their due date. */
export interface OverdueMeasure extends MeasureBase {
  kind: 'overdue';
  object: string;
  dueField: string;
  repField: string;
  subjectField: string;
  match: MatchConditions;
  /** Overdue items tolerated per rep before flagging. */
  maxAllowed: number;
  /** Step whose team conversion to the goal step prices one overdue item in the leak. */
  valueStep: string;
  byRole?: ByRole<RoleThresholds<OverdueMeasure, 'maxAllowed'>>;
}

/** Open leads with no activity for `days`. Also produces follow-up tasks. */
export interface StaleLeadMeasure extends MeasureBase {
  kind: 'staleLead';
  object: string;
  repField: string;
  statusField: string;
  /** Statuses that mean the lead is closed (converted or dead); anything else is open. */
  closedStatuses: readonly string[];
  /** Calendar days without activity after which an open lead is stale. */
  days: number;
  maxAllowed: number;
  /** Step the lead is (its subjects are the lead ids), used to price the leak. */
  valueStep: string;
  /** The activity that touches a lead besides its steps: e-mails, texts, appointments, open tasks. */
  touches: readonly LeadTouch[];
  byRole?: ByRole<RoleThresholds<StaleLeadMeasure, 'maxAllowed'>>;
}

/**
 * Activity records that touch a lead: of `object`, about the lead in `subjectField`, meeting
 * `match`. Only Task and Event, whose standard time fields say when a touch happened or is due.
 */
export interface LeadTouch {
  object: 'Task' | 'Event';
  subjectField: string;
  match: MatchConditions;
}

/** Process adherence: subjects reaching `step` that skipped one of `requires`. */
export interface SequenceMeasure extends MeasureBase {
  kind: 'sequence';
  step: string;
  requires: readonly string[];
  /** Share of skipped subjects tolerated, in [0, 1]. */
  maxSkipShare: number;
  byRole?: ByRole<RoleThresholds<SequenceMeasure, 'maxSkipShare'>>;
}

/** Logged activity unlikely to be real: bursts and implausibly short contacts. */
export interface IntegrityMeasure extends MeasureBase {
  kind: 'integrity';
  /** Steps whose events are checked (and excluded from credited volume when suspicious). */
  steps: readonly string[];
  burst: { count: number; withinMinutes: number };
  /** Steps where a duration under `minSeconds` is implausible (e.g. `contact`). */
  minDuration?: { steps: readonly string[]; minSeconds: number };
  /** Share of suspicious events tolerated before flagging, in [0, 1]. */
  maxSuspiciousShare: number;
  byRole?: ByRole<RoleThresholds<IntegrityMeasure, 'maxSuspiciousShare'>>;
}

export type MeasureModel =
  | VolumeMeasure
  | RatioMeasure
  | ResponseTimeMeasure
  | OverdueMeasure
  | StaleLeadMeasure
  | SequenceMeasure
  | IntegrityMeasure;

export type MeasureKind = MeasureModel['kind'];

export interface TeamModel {
  /** Conditions on User that select salespeople (measured on sales and coached). */
  salespeople: MatchConditions;
  /** Conditions on User that select appointment setters (BDC); measured on their own steps only. */
  setters: MatchConditions;
  /** User field pointing at the person's manager. */
  managerField: string;
  /** Optional User field naming the store. */
  storeField?: string;
}

export interface GoalModel {
  /** The result step goals are expressed in, e.g. `sold`. */
  step: string;
  /** Units per month for a salesperson with no override. */
  defaultMonthly: number;
  /** Per-salesperson overrides, keyed by User Id. */
  overrides: Readonly<Record<string, number>>;
  /** Optional User field holding each salesperson's monthly goal (wins over the default). */
  userField?: string;
  /** Steps of the funnel in order, ending with `step`; the goal plan works backwards along it. */
  funnel: readonly string[];
}

export interface CoachingModel {
  /** Days measured, ending with the last complete day before `now`. */
  windowDays: number;
  /** Two-sided confidence of the intervals, e.g. 0.9. */
  confidence: number;
  /** Smallest denominator on which a Skill finding may be made. */
  minSample: number;
  /** How much worse than the peers a rep must be for an individual flag (peers.ts). */
  peerMargin: number;
  maxFlagsPerRep: number;
  /** Leak (units per month) at which a finding becomes Medium / High. */
  severity: { medium: number; high: number };
  /** How often a one-on-one is held; one agenda per rep per period. */
  oneOnOne: 'weekly' | 'biweekly' | 'monthly';
  /** Prior strength (pseudo-observations) when shrinking a rep's ratio toward the team's. */
  priorStrength: number;
  /** Days after a follow-up task becomes due that it is given to do it. */
  followUpDueDays: number;
  /** Days after the follow-up date an outcome waits for enough data before it is decided on what there is. */
  outcomeWaitDays: number;
  /**
   * How a finding's leak is priced (leak.ts): `chain` (the conversion chain), or `store` (the store's own measured
   * effect where the analysis is confident, leak-store.ts). Absent: `chain`.
   */
  leakSource?: 'chain' | 'store';
  /** A task after each missed appointment of the last `withinDays` days, unless `rebookedBy` followed (no-shows.ts). */
  noShowFollowUp?: { step: string; rebookedBy: string; withinDays: number };
}

/** API names of what the product writes (ARCHITECTURE.md §5.2); an org may rename them. */
export interface WriteBackModel {
  /** Custom object holding coaching flags, e.g. `Coaching_Flag__c`. */
  flagObject: string;
  flagFields: {
    /**
     * External id, unique: `v1:<measure>:<rep Id>:<date opened>`, or for a team flag
     * `v1:<measure>:team:<role>:<manager Id>:<date opened>`.
     */
    key: string;
    /** Picklist Rep / Team: whether the flag is about one rep or a manager's whole team of one role. */
    scope: string;
    /** The rep flagged (a salesperson or a setter; the field keeps the managers' word); empty on a team flag. */
    salesperson: string;
    manager: string;
    measure: string;
    step: string;
    diagnosis: string;
    severity: string;
    actual: string;
    target: string;
    teamValue: string;
    sampleSize: string;
    lostUnits: string;
    periodStart: string;
    periodEnd: string;
    summary: string;
    evidence: string;
    isFocus: string;
    /** Shared: the connector sets it only on the lifecycle transitions of ARCHITECTURE.md §5.3. */
    status: string;
    /** Manager-owned: never written by the connector. */
    commitment: string;
    /** Manager-owned: never written by the connector. */
    followUpDate: string;
    outcome: string;
  };
  /** Activity (Task) external id field, e.g. `Coaching_Key__c`. */
  taskKeyField: string;
  /** Task.Type of follow-up tasks for salespeople. */
  followUpTaskType: string;
  /** Task.Type of one-on-one agenda tasks for managers. */
  agendaTaskType: string;
  /** Put before the Subject of every written task ('' for none). */
  subjectPrefix: string;
  /** Each rep's scorecard: month to date and the measuring window (scorecard-records.ts). */
  scorecard: {
    enabled: boolean;
    object: string;
    fields: {
      /** External id, unique: `v1:scorecard:<rep Id>:month:<YYYY-MM>` or `v1:scorecard:<rep Id>:window`. */
      key: string;
      salesperson: string;
      manager: string;
      role: string;
      period: string;
      periodStart: string;
      periodEnd: string;
      todayNeeds: string;
      goal: string;
      expectedByNow: string;
      pace: string;
      openFlags: string;
      focus: string;
      measures: string;
    };
    /** Step id → the Number field holding its count. */
    stepFields: Record<string, string>;
  };
  /** Coaching effectiveness per manager and for the store, per month of commitment (scorecard-records.ts). */
  effectiveness: {
    enabled: boolean;
    object: string;
    fields: {
      /** External id, unique: `v1:effectiveness:<manager Id | store>:<YYYY-MM>`. */
      key: string;
      scope: string;
      manager: string;
      month: string;
      committed: string;
      improved: string;
      notImproved: string;
      waiting: string;
      improvedShare: string;
      medianDaysToImprove: string;
      byDiagnosis: string;
      byMeasure: string;
    };
  };
}

/** Everything the pure core needs from the config. */
export interface CoachModel {
  dealership: DealershipModel;
  team: TeamModel;
  steps: readonly StepModel[];
  measures: readonly MeasureModel[];
  goals: GoalModel;
  coaching: CoachingModel;
  writeBack: WriteBackModel;
}

// ---------------------------------------------------------------------------------------------
// People and events
// ---------------------------------------------------------------------------------------------

export type RepRole = 'salesperson' | 'setter';

export interface Rep {
  id: string;
  name: string;
  role: RepRole;
  managerId: string | null;
  store: string | null;
  /** Monthly unit goal when the User record carries one. */
  monthlyGoal: number | null;
  /**
   * When the person started (the User record's creation), epoch ms. Volumes are counted per
   * working day since then, so a new hire is not measured over days before they joined.
   */
  activeSince?: number | null;
}

/** One step to the sale, credited to one person, about one customer. */
export interface StepEvent {
  step: string;
  /** User Id credited with the step. */
  user: string;
  /** Customer the step is about (lead, contact or opportunity id); null when the record has none. */
  subject: string | null;
  /** When it happened, epoch ms. */
  at: number;
  /** Salesforce Id of the record it came from. */
  recordId: string;
  /** Call duration in seconds, when the step has a duration field and the record a value. */
  durationSec?: number;
}
