/**
 * `validate --org`: every object, field, picklist value and external id the config relies on,
 * checked against the org's describe, and reported like the file's own problems (file, line,
 * column, path, what is wrong, what to do).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { configInvalidError, type Config } from '../config';
import { formatPath } from '../config';
import { type ConfigPath, SourceLocator } from '../config/positions';
import { closest } from '../config/hints';
import { EFFECTIVENESS_SCOPES, type MatchConditions, SCORECARD_PICKLISTS } from '../core';
import { redactError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { SalesforceSession } from '../salesforce/session';
import type { StateStore } from '../state/state-store';
import { checkConfigAgainstDescribe, type DescribeProblem, type FieldRequirement } from '../salesforce/describe';
import type { CheckResult } from './commands/validate';
import type { CliContext } from './context';
import { openSession, type OrgCommandOptions } from './run-context';
import { redactorFor } from './secrets';
import { counted } from './wording';

interface Requirement extends FieldRequirement {
  path: ConfigPath;
}

const TASK = 'Task';
const TASK_TYPE = 'Type';
/** Standard Task fields the writer sets on follow-up and agenda tasks. */
const TASK_WRITTEN = ['OwnerId', 'WhoId', 'Subject', 'ActivityDate', 'Description', 'Status', TASK_TYPE];
/** The Task types the writer gives its tasks; a standard org has Call, Email, Meeting and Other. */
const WRITTEN_TYPES = ['followUpTaskType', 'agendaTaskType'] as const;

function matchRequirements(object: string, match: MatchConditions, path: ConfigPath): Requirement[] {
  return Object.entries(match).map(([field, value]) => {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    return { object, field, picklistValues: values, path: [...path, field] };
  });
}

/** What the config asks of the org, each with the config path that asks it. */
export function orgRequirements(config: Config): Requirement[] {
  const out: Requirement[] = [];
  const field = (object: string, name: string | undefined, path: ConfigPath): void => {
    if (name !== undefined) out.push({ object, field: name, path });
  };
  config.steps.forEach((step, i) => {
    out.push({ object: step.object, path: ['steps', i, 'object'] });
    for (const key of ['timeField', 'repField', 'subjectField', 'durationField'] as const)
      field(step.object, step[key], ['steps', i, key]);
    out.push(...matchRequirements(step.object, step.match, ['steps', i, 'match']));
  });
  config.measures.forEach((measure, i) => {
    if (measure.kind === 'overdue') {
      for (const key of ['dueField', 'repField', 'subjectField'] as const)
        field(measure.object, measure[key], ['measures', i, key]);
      out.push(...matchRequirements(measure.object, measure.match, ['measures', i, 'match']));
    } else if (measure.kind === 'staleLead') {
      for (const key of ['repField', 'statusField'] as const) field(measure.object, measure[key], ['measures', i, key]);
      // A closed status the org does not have (a typo, a renamed value) closes no lead: every lead stays open and
      // goes stale, and each rep gets a follow-up task for leads long converted or dead.
      out.push({
        object: measure.object,
        field: measure.statusField,
        picklistValues: measure.closedStatuses,
        path: ['measures', i, 'closedStatuses'],
      });
    }
  });
  const { team, goals, writeBack } = config;
  out.push(
    ...matchRequirements('User', team.salespeople, ['team', 'salespeople']),
    ...matchRequirements('User', team.setters, ['team', 'setters']),
  );
  field('User', team.managerField, ['team', 'managerField']);
  field('User', team.storeField, ['team', 'storeField']);
  field('User', goals.userField, ['goals', 'userField']);

  const flags = writeBack.flagFields;
  const managerOwned = new Set([flags.commitment, flags.followUpDate]);
  // Named first where the config names it, so that a missing flag object is reported at writeBack.flagObject.
  out.push({ object: writeBack.flagObject, path: ['writeBack', 'flagObject'] });
  for (const [name, api] of Object.entries(flags)) {
    out.push({
      object: writeBack.flagObject,
      field: api,
      ...(managerOwned.has(api) ? {} : { writable: true }),
      ...(api === flags.key ? { externalId: true } : {}),
      path: ['writeBack', 'flagFields', name],
    });
  }
  out.push({
    object: TASK,
    field: writeBack.taskKeyField,
    externalId: true,
    writable: true,
    path: ['writeBack', 'taskKeyField'],
  });
  for (const key of WRITTEN_TYPES)
    out.push({ object: TASK, field: TASK_TYPE, picklistValues: [writeBack[key]], path: ['writeBack', key] });
  for (const api of TASK_WRITTEN) out.push({ object: TASK, field: api, writable: true, path: ['writeBack'] });
  out.push(...recordRequirements(config));
  return out;
}

/** The scorecard and effectiveness objects, when written: every field writable, the key an external id, the values. */
function recordRequirements(config: Config): Requirement[] {
  const out: Requirement[] = [];
  const { scorecard, effectiveness } = config.writeBack;
  const picklists: Record<string, Readonly<Record<string, readonly string[]>>> = {
    scorecard: SCORECARD_PICKLISTS,
    effectiveness: { scope: EFFECTIVENESS_SCOPES },
  };
  for (const [name, section] of [
    ['scorecard', scorecard],
    ['effectiveness', effectiveness],
  ] as const) {
    if (!section.enabled) continue;
    out.push({ object: section.object, path: ['writeBack', name, 'object'] });
    for (const [key, api] of Object.entries(section.fields)) {
      const values = picklists[name]?.[key];
      out.push({
        object: section.object,
        field: api,
        writable: true,
        ...(key === 'key' ? { externalId: true } : {}),
        ...(values ? { picklistValues: [...values] } : {}),
        path: ['writeBack', name, 'fields', key],
      });
    }
  }
  if (scorecard.enabled) {
    // The rep owns their scorecard: the connector sets OwnerId on create.
    out.push({
      object: scorecard.object,
      field: 'OwnerId',
      writable: true,
      path: ['writeBack', 'scorecard', 'object'],
    });
    for (const [step, api] of Object.entries(scorecard.stepFields))
      out.push({
        object: scorecard.object,
        field: api,
        writable: true,
        path: ['writeBack', 'scorecard', 'stepFields', step],
      });
  }
  return out;
}

const FIX_HINT =
  'Fix the name in the config, or add what is missing to the org (manifests/salesforce holds what Execution Coach adds).';
/** A written Task type is the admin's choice: one the org has, or one they add (manifests keep the org's list). */
const TASK_TYPE_SETUP = 'in Setup: Object Manager → Task → Fields & Relationships → Type';
/** Picklists longer than this are not listed in full in a hint. */
const MAX_LISTED_VALUES = 25;

/** "did you mean" for a name or value the org has under a close spelling; a picklist's values when none is close. */
function suggestionFor(problem: DescribeProblem): string | undefined {
  if (problem.unknown === undefined || problem.choices === undefined) return undefined;
  const match = closest(problem.unknown, problem.choices);
  if (match !== undefined) return `did you mean "${match}"?`;
  if (problem.choicesAre !== 'values' || problem.choices.length === 0) return undefined;
  const listed = problem.choices.slice(0, MAX_LISTED_VALUES).map((value) => `"${value}"`);
  const more = problem.choices.length > MAX_LISTED_VALUES ? `, … (${problem.choices.length} in all)` : '';
  return `the org's values: ${listed.join(', ')}${more}`;
}

function hintFor(problem: DescribeProblem, path: ConfigPath): string {
  const suggestion = suggestionFor(problem);
  const writtenType = path[0] === 'writeBack' && WRITTEN_TYPES.some((key) => key === path[1]);
  if (!writtenType) return suggestion ?? FIX_HINT;
  const add = `add "${problem.unknown ?? ''}" ${TASK_TYPE_SETUP}.`;
  if (suggestion === undefined) return `Set it to one of the org's Task types, or ${add}`;
  return suggestion.endsWith('?') ? `${suggestion} Or ${add}` : `${suggestion}. Set it to one of these, or ${add}`;
}

/** What `validate --org` verified, per object: which org, how it logged in, the fields and values it found there. */
function checkedLines(
  requirements: readonly FieldRequirement[],
  session: Pick<SalesforceSession, 'instanceUrl' | 'method'>,
  user: string | null,
): string[] {
  const byObject = new Map<string, { fields: Set<string>; values: Set<string> }>();
  for (const requirement of requirements) {
    const entry = byObject.get(requirement.object) ?? { fields: new Set<string>(), values: new Set<string>() };
    if (requirement.field !== undefined) entry.fields.add(requirement.field);
    for (const value of requirement.picklistValues ?? []) entry.values.add(`${requirement.field ?? ''}=${value}`);
    byObject.set(requirement.object, entry);
  }
  const width = Math.max(0, ...[...byObject.keys()].map((object) => object.length));
  return [
    `Checked against the org at ${session.instanceUrl} as ${user ?? 'the integration user'} (login: ${session.method}):`,
    ...[...byObject].map(
      ([object, { fields, values }]) =>
        `  ${object.padEnd(width)}  ${counted(fields.size, 'field', 'fields')}, ${counted(values.size, 'picklist value', 'picklist values')}`,
    ),
  ];
}

/**
 * A check for `validate` that describes the org and reports what it lacks. Its logger is made from the config
 * (`logger`), so that it redacts the secret variables the config renames.
 */
export function orgCheck(
  options: Pick<OrgCommandOptions, 'targetOrg'>,
  ctx: CliContext,
  logger: (config: Config) => Logger,
) {
  return async (config: Config, file: string): Promise<CheckResult> => {
    try {
      const session = await openSession(options, config, ctx, logger(config));
      try {
        const result = await checkInOrg(session, config, file, ctx.cwd);
        const user = await session.runningUser();
        return { problems: result.problems, checked: checkedLines(result.requirements, session, user) };
      } finally {
        await session.close();
      }
    } catch (error) {
      // As in runAgainstOrg: only here are the config's renamed secret variables known.
      throw redactError(error, redactorFor(ctx.env, config));
    }
  };
}

/** Where a sync keeps the fingerprint of the last config found to fit the org, and the day it was checked. */
const CHECKED_META = 'orgCheck';

/**
 * Before a sync reads or writes anything: the config must fit the org (every object, field and picklist value it names,
 * the Task types it writes). Checked once a day per config, the fingerprint kept in the state; a config that does not
 * fit stops the run with exit 2 and the same problems `validate --org` shows, so no manager gets a flag built on a
 * step that matches nothing.
 */
export async function assertConfigFitsOrg(
  session: SalesforceSession,
  loaded: { config: Config; file: string; cwd: string },
  state: Pick<StateStore, 'getMeta' | 'setMeta'>,
  now: number,
): Promise<void> {
  const { config, file, cwd } = loaded;
  const fingerprint = `${createHash('sha256').update(JSON.stringify(config)).digest('hex')}:${new Date(now).toISOString().slice(0, 10)}`;
  if (state.getMeta(CHECKED_META) === fingerprint) return;
  const { problems } = await checkInOrg(session, config, file, cwd);
  if (problems.length > 0) throw configInvalidError(file, problems, `execution-coach validate --config ${file} --org`);
  state.setMeta(CHECKED_META, fingerprint);
}

async function checkInOrg(
  session: SalesforceSession,
  config: Config,
  file: string,
  cwd: string,
): Promise<{ problems: CheckResult['problems']; requirements: Requirement[] }> {
  const requirements = orgRequirements(config);
  const describes = await session.describeRequirements(requirements);
  // The org's object list costs a call, so it is read only when an object is missing, for its "did you mean".
  const orgObjects = [...describes.values()].includes(null) ? await session.objectNames() : [];
  const problems = checkConfigAgainstDescribe(
    requirements.map(({ path, ...requirement }) => ({ ...requirement, source: JSON.stringify(path) })),
    describes,
    orgObjects,
  );
  const lines = new LineCounter();
  const locator = new SourceLocator(
    parseDocument(readFileSync(resolve(cwd, file), 'utf8'), { lineCounter: lines }),
    lines,
  );
  const located = problems.map((problem) => {
    const path = JSON.parse(problem.source ?? '[]') as ConfigPath;
    const { line, column } = locator.locate(path);
    return {
      file,
      line,
      column,
      path: formatPath(path),
      message: `${problem.message} in the org at ${session.instanceUrl}`,
      hint: hintFor(problem, path),
    };
  });
  return { problems: located, requirements };
}
