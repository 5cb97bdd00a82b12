/**
 * The mapper: Salesforce records → step events and facts (ARCHITECTURE.md §3, "map"). Conditions and
 * field paths are compiled once per model; `mapRecord` then only reads. A record's output
 * depends on that record alone, so the connector can map page by page and store the output
 * keyed by record id. Nothing is fatal: records without a user to credit or without a usable
 * time are counted in the stats and skipped, records that cannot be true (plausibility.ts: an
 * activity owned by a queue, a stranger or nobody, a date out of range, a negative duration, an
 * Event ending before it starts) are refused whole and counted as bad by kind, and values of match
 * fields that no step accepts are counted so the admin can see what the mapping misses.
 */
import { DealershipCalendar } from './calendar';
import { dateFromDay, dayFromDate } from './civil-date';
import type { Fact } from './facts';
import { bump, bumpValue, type MapStats } from './map-stats';
import { compileMatch, conditionEntries, type RecordPredicate } from './matcher';
import { compileUserMapper } from './map-users';
import { compileTouches, type CompiledTouch, touchEvents } from './lead-touches';
import type { CoachModel, MatchConditions, Rep, SfRecord, StepEvent } from './model';
import {
  type BadRecordKind,
  EARLIEST_DATE,
  isPlausibleTime,
  isQueueId,
  latestHappened,
  latestOf,
  latestScheduled,
  type MapContext,
  NO_CONTEXT,
} from './plausibility';
import {
  ACTIVITY_OBJECTS,
  ACTIVITY_OWNER_FIELD,
  EVENT_END_FIELD,
  EVENT_START_FIELD,
  LEAD_CREATED_FIELD,
  LEAD_NAME_FIELD,
  TASK_CLOSED_FIELD,
} from './read-plan';
import { parseSfDate, parseSfDateTime } from './salesforce-datetime';
import { asNumber, asText, compilePath, type FieldReader } from './salesforce-values';

export interface MappedRecord {
  events: StepEvent[];
  facts: Fact[];
  /** Set when the record was refused (no events, no facts), counted in `MapStats.bad`. */
  bad?: BadRecordKind;
}

export interface RecordMapper {
  /** Step events and facts of one record of `objectName`; counts what it skips in `stats`. */
  mapRecord(objectName: string, record: SfRecord, stats: MapStats): MappedRecord;
  /** The salespeople and setters among User records (others are left out), sorted by Id. */
  mapUsers(userRecords: readonly SfRecord[]): Rep[];
}

interface CompiledStep {
  id: string;
  matches: RecordPredicate;
  time: FieldReader;
  user: FieldReader;
  subject: FieldReader;
  duration: FieldReader | null;
  /** The latest plausible time of `time` (plausibility.ts). */
  latest: number;
}

interface CompiledFollowUp {
  measure: string;
  matches: RecordPredicate;
  due: FieldReader;
  user: FieldReader;
  subject: FieldReader;
  /** The latest plausible due date, `YYYY-MM-DD` (dates of four-digit years sort as text). */
  latestDue: string;
}

interface CompiledLead {
  measure: string;
  user: FieldReader;
  status: FieldReader;
  closed: ReadonlySet<string>;
}

/** A match field whose accepted string values are known, for counting the values it misses. */
interface Vocabulary {
  label: string;
  read: FieldReader;
  accepted: ReadonlySet<string>;
}

interface ObjectMapper {
  steps: CompiledStep[];
  followUps: CompiledFollowUp[];
  leads: CompiledLead[];
  /** The staleLead measures' touches this object's records may be. */
  touches: CompiledTouch[];
  vocabulary: Vocabulary[];
  ownKey: FieldReader | null;
  closed: FieldReader | null;
  /** An activity's owner, which must be a user of the org; null on other objects. */
  owner: FieldReader | null;
  /** An Event's start and end, which must not be the wrong way round; null on other objects. */
  span: { start: FieldReader; end: FieldReader } | null;
}

/**
 * `context` tells the run's `now` and the org's users, against which records are judged (plausibility.ts);
 * without it only what needs neither is judged.
 */
export function compileMapper(
  model: CoachModel,
  context: MapContext = NO_CONTEXT,
  calendar = new DealershipCalendar(model.dealership),
): RecordMapper {
  const objects = compileObjects(model, context.now, calendar);
  const mapUsers = compileUserMapper(model);
  const toInstant = (value: unknown): number | null => parseInstant(value, calendar);
  const toDate = (value: unknown): string | null => parseLocalDate(value, calendar);
  const touchBounds = { happened: latestHappened(context.now), scheduled: latestScheduled(context.now) };
  const leadLatest = latestOf(LEAD_CREATED_FIELD, context.now);
  const users = context.users;
  const refuse = (kind: BadRecordKind, stats: MapStats): MappedRecord => {
    bump(stats.bad, kind);
    return { events: [], facts: [], bad: kind };
  };

  return {
    mapUsers,
    mapRecord(objectName, record, stats) {
      bump(stats.records, objectName);
      const mapper = objects.get(objectName);
      if (!mapper) return { events: [], facts: [] };
      const recordId = asText(record.Id);
      if (recordId === null) return { events: [], facts: [] };

      const ownKey = mapper.ownKey ? asText(mapper.ownKey(record)) : null;
      if (ownKey !== null) {
        bump(stats.ownRecords, objectName);
        bump(stats.facts, 'ownTask');
        const closed = mapper.closed ? mapper.closed(record) : null;
        return {
          events: [],
          facts: [{ kind: 'ownTask', recordId, key: ownKey, closed: typeof closed === 'boolean' ? closed : null }],
        };
      }
      if (mapper.owner) {
        const owner = asText(mapper.owner(record));
        if (owner === null) return refuse('ownerMissing', stats);
        if (isQueueId(owner)) return refuse('ownerNotUser', stats);
        if (users !== null && !users.has(owner)) return refuse('ownerUnknown', stats);
      }
      if (mapper.span) {
        const start = toInstant(mapper.span.start(record));
        const end = toInstant(mapper.span.end(record));
        if (start !== null && end !== null && end < start) return refuse('endBeforeStart', stats);
      }
      countUnmatchedValues(mapper.vocabulary, record, stats);

      const events: StepEvent[] = [];
      for (const step of mapper.steps) {
        if (!step.matches(record)) continue;
        const user = asText(step.user(record));
        if (user === null) {
          bump(stats.missingUser, step.id);
          continue;
        }
        const at = toInstant(step.time(record));
        if (at === null) {
          bump(stats.missingTime, step.id);
          continue;
        }
        if (!isPlausibleTime(at, step.latest)) return refuse('dateImplausible', stats);
        const event: StepEvent = { step: step.id, user, subject: asText(step.subject(record)), at, recordId };
        const duration = step.duration ? asNumber(step.duration(record)) : null;
        if (duration !== null && duration < 0) return refuse('negativeDuration', stats);
        if (duration !== null) event.durationSec = duration;
        events.push(event);
      }
      const stepEvents = events.length;

      if (mapper.touches.length > 0) {
        const touched = touchEvents(mapper.touches, record, recordId, stepEvents > 0, calendar, touchBounds);
        if (touched === null) return refuse('dateImplausible', stats);
        for (const touch of touched) events.push(touch);
      }

      const facts: Fact[] = [];
      for (const item of mapper.followUps) {
        if (!item.matches(record)) continue;
        const user = asText(item.user(record));
        const due = toDate(item.due(record));
        if (user === null) bump(stats.missingUser, item.measure);
        else if (due === null) bump(stats.missingTime, item.measure);
        else if (due < EARLIEST_DATE || due > item.latestDue) return refuse('dateImplausible', stats);
        else {
          facts.push({
            kind: 'followUp',
            measure: item.measure,
            recordId,
            user,
            subject: asText(item.subject(record)),
            due,
          });
        }
      }
      for (const lead of mapper.leads) {
        const status = asText(lead.status(record));
        if (status !== null && lead.closed.has(status)) continue;
        const user = asText(lead.user(record));
        const createdAt = toInstant(record[LEAD_CREATED_FIELD]);
        if (user === null) bump(stats.missingUser, lead.measure);
        else if (createdAt === null) bump(stats.missingTime, lead.measure);
        else if (!isPlausibleTime(createdAt, leadLatest)) return refuse('dateImplausible', stats);
        else {
          facts.push({
            kind: 'lead',
            measure: lead.measure,
            recordId,
            user,
            status,
            createdAt,
            name: asText(record[LEAD_NAME_FIELD]),
          });
        }
      }
      // Counted only now that the record is known to be good: a refused one adds no event or fact.
      for (let i = 0; i < stepEvents; i++) bump(stats.events, (events[i] as StepEvent).step);
      for (const fact of facts) if (fact.kind !== 'ownTask') bump(stats.facts, fact.measure);
      return { events, facts };
    },
  };
}

function compileObjects(
  model: CoachModel,
  now: number | null,
  calendar: DealershipCalendar,
): Map<string, ObjectMapper> {
  const objects = new Map<string, ObjectMapper>();
  const conditions = new Map<string, MatchConditions[]>();
  const mapperFor = (object: string): ObjectMapper => {
    let mapper = objects.get(object);
    if (!mapper) {
      const activity = ACTIVITY_OBJECTS.has(object);
      mapper = {
        steps: [],
        followUps: [],
        leads: [],
        touches: [],
        vocabulary: [],
        ownKey: activity ? compilePath(model.writeBack.taskKeyField) : null,
        closed: object === 'Task' ? compilePath(TASK_CLOSED_FIELD) : null,
        owner: activity ? compilePath(ACTIVITY_OWNER_FIELD) : null,
        span: object === 'Event' ? { start: compilePath(EVENT_START_FIELD), end: compilePath(EVENT_END_FIELD) } : null,
      };
      objects.set(object, mapper);
      conditions.set(object, []);
    }
    return mapper;
  };

  for (const step of model.steps) {
    mapperFor(step.object).steps.push({
      id: step.id,
      matches: compileMatch(step.match),
      time: compilePath(step.timeField),
      user: compilePath(step.repField),
      subject: compilePath(step.subjectField),
      duration: step.durationField ? compilePath(step.durationField) : null,
      latest: latestOf(step.timeField, now),
    });
    conditions.get(step.object)?.push(step.match);
  }
  for (const measure of model.measures) {
    if (measure.kind === 'overdue') {
      mapperFor(measure.object).followUps.push({
        measure: measure.id,
        matches: compileMatch(measure.match),
        due: compilePath(measure.dueField),
        user: compilePath(measure.repField),
        subject: compilePath(measure.subjectField),
        latestDue: latestDate(latestOf(measure.dueField, now), calendar),
      });
      conditions.get(measure.object)?.push(measure.match);
    } else if (measure.kind === 'staleLead') {
      mapperFor(measure.object).leads.push({
        measure: measure.id,
        user: compilePath(measure.repField),
        status: compilePath(measure.statusField),
        closed: new Set(measure.closedStatuses),
      });
    }
  }
  for (const [object, touches] of compileTouches(model)) {
    mapperFor(object).touches = touches;
    for (const touch of touches) conditions.get(object)?.push(touch.match);
  }
  for (const [object, mapper] of objects) mapper.vocabulary = vocabularyOf(object, conditions.get(object) ?? []);
  return objects;
}

/**
 * Fields compared with strings (picklists, types, stages) and the union of the values any
 * step or measure of the object accepts there. Booleans and numbers are not vocabulary: a
 * `false` that no condition names is not a mapping the admin forgot.
 */
function vocabularyOf(object: string, all: readonly MatchConditions[]): Vocabulary[] {
  const accepted = new Map<string, Set<string>>();
  for (const conditions of all) {
    for (const { path, accepts } of conditionEntries(conditions)) {
      const strings = accepts.filter((v): v is string => typeof v === 'string');
      if (strings.length === 0) continue;
      const set = accepted.get(path) ?? new Set<string>();
      for (const value of strings) set.add(value);
      accepted.set(path, set);
    }
  }
  return [...accepted.entries()].map(([path, set]) => ({
    label: `${object}.${path}`,
    read: compilePath(path),
    accepted: set,
  }));
}

function countUnmatchedValues(vocabulary: readonly Vocabulary[], record: SfRecord, stats: MapStats): void {
  for (const field of vocabulary) {
    const value = field.read(record);
    if (typeof value === 'string' && value !== '' && !field.accepted.has(value)) bumpValue(stats, field.label, value);
  }
}

/** The local date of the latest plausible instant; past any date when there is no bound. */
function latestDate(latest: number, calendar: DealershipCalendar): string {
  return Number.isFinite(latest) ? dateFromDay(calendar.dayOf(latest)) : '9999-12-31';
}

/** A datetime, or a date taken as local midnight in the dealership's zone. */
function parseInstant(value: unknown, calendar: DealershipCalendar): number | null {
  if (typeof value !== 'string') return null;
  const instant = parseSfDateTime(value);
  if (instant !== null) return instant;
  const date = parseSfDate(value);
  const day = date === null ? null : dayFromDate(date);
  return day === null ? null : calendar.startOfDay(day);
}

/** A date, or the local date of a datetime. */
function parseLocalDate(value: unknown, calendar: DealershipCalendar): string | null {
  if (typeof value !== 'string') return null;
  const date = parseSfDate(value);
  if (date !== null) return date;
  const instant = parseSfDateTime(value);
  return instant === null ? null : dateFromDay(calendar.dayOf(instant));
}
