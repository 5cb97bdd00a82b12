/**
 * What the org says it has (`GET /sobjects/{name}/describe`), reduced to what the connector
 * checks, and the pure comparison of the config's needs against it, for `validate --org` and
 * for typing Bulk API CSV values. Describe shows only what the integration user can see, so
 * "does not exist" may also mean "is hidden by field-level security".
 */
import { apiName, fieldPath } from './soql-builder';
import type { SalesforceHttp } from './http-client';
import { SalesforceRequestError } from './error-policy';

export interface FieldDescribe {
  name: string;
  /** Salesforce field type: `string`, `picklist`, `datetime`, `reference`, `double`, … */
  type: string;
  /** Active picklist values (empty for other types). */
  picklistValues: string[];
  externalId: boolean;
  idLookup: boolean;
  createable: boolean;
  updateable: boolean;
  /** For lookups: the relationship name used in paths (`Opportunity` for `OpportunityId`). */
  relationshipName: string | null;
  referenceTo: string[];
}

export interface ObjectDescribe {
  name: string;
  fields: FieldDescribe[];
}

/** Keyed by lower-cased object name; null when the org has no such object (or hides it). */
export type DescribeMap = ReadonlyMap<string, ObjectDescribe | null>;

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function toField(raw: unknown): FieldDescribe {
  const field = asRecord(raw);
  const picklist = Array.isArray(field.picklistValues) ? field.picklistValues.map(asRecord) : [];
  return {
    name: String(field.name),
    type: String(field.type),
    picklistValues: picklist.filter((entry) => entry.active !== false).map((entry) => String(entry.value)),
    externalId: field.externalId === true,
    idLookup: field.idLookup === true,
    createable: field.createable === true,
    updateable: field.updateable === true,
    relationshipName: typeof field.relationshipName === 'string' ? field.relationshipName : null,
    referenceTo: Array.isArray(field.referenceTo) ? field.referenceTo.map(String) : [],
  };
}

/** Errors that mean "no such object" rather than "cannot ask". */
const MISSING_OBJECT_CODES = new Set(['NOT_FOUND', 'INVALID_TYPE']);

/** Describes one object; null when the org has no object of that name. */
export async function describeObject(http: SalesforceHttp, name: string): Promise<ObjectDescribe | null> {
  try {
    const response = await http.send<unknown>('other', { method: 'GET', path: `/sobjects/${apiName(name)}/describe` });
    const body = asRecord(response.body);
    return {
      name: typeof body.name === 'string' ? body.name : name,
      fields: Array.isArray(body.fields) ? body.fields.map(toField) : [],
    };
  } catch (error) {
    const missing =
      error instanceof SalesforceRequestError &&
      error.failure.errors.some((e) => MISSING_OBJECT_CODES.has(e.errorCode));
    if (missing) return null;
    throw error;
  }
}

/** The names of the objects the integration user can see (describe global), for a "did you mean" on an object. */
export async function objectNames(http: SalesforceHttp): Promise<string[]> {
  const response = await http.send<unknown>('other', { method: 'GET', path: '/sobjects' });
  const listed = asRecord(response.body).sobjects;
  return (Array.isArray(listed) ? listed.map(asRecord) : [])
    .map((entry) => entry.name)
    .filter((name): name is string => typeof name === 'string');
}

/**
 * The username the session acts as (OAuth userinfo), for saying who a check ran as; null when the token may not ask
 * (userinfo needs the openid scope, which a connected app may leave out).
 */
export async function runningUser(http: SalesforceHttp): Promise<string | null> {
  try {
    const response = await http.send<unknown>('other', { method: 'GET', path: '/services/oauth2/userinfo' });
    const name = asRecord(response.body).preferred_username;
    return typeof name === 'string' ? name : null;
  } catch (error) {
    if (error instanceof SalesforceRequestError && error.classification.action !== 'retry') return null;
    throw error;
  }
}

export async function describeObjects(
  http: SalesforceHttp,
  names: readonly string[],
): Promise<Map<string, ObjectDescribe | null>> {
  const unique = [...new Map(names.map((name) => [name.toLowerCase(), name])).values()];
  const described = await Promise.all(
    unique.map(async (name) => [name.toLowerCase(), await describeObject(http, name)] as const),
  );
  return new Map(described);
}

// ---------------------------------------------------------------------------------------------
// Checking the config's needs against the describe
// ---------------------------------------------------------------------------------------------

export interface FieldRequirement {
  object: string;
  /** Field or relationship path (`Opportunity.OwnerId`); omitted: only the object must exist. */
  field?: string;
  /** Values the config compares the field with; checked when the field is a picklist. */
  picklistValues?: readonly string[];
  /** The field must be an external id (upsert key). */
  externalId?: boolean;
  /** The connector writes the field: it must be createable and updateable. */
  writable?: boolean;
  /** Where the config asks for it, e.g. `steps[contact].match`. */
  source?: string;
}

export interface DescribeProblem {
  object: string;
  field?: string;
  source?: string;
  message: string;
  /** The name or value the org lacks, and what the org has instead: for a "did you mean". */
  unknown?: string;
  choices?: readonly string[];
  /** What the choices are: the org's objects, the object's fields, or the picklist's values (few enough to list). */
  choicesAre?: 'objects' | 'fields' | 'values';
}

/** Objects to describe so that every requirement, paths through lookups included, can be checked. */
export async function describeForRequirements(
  http: SalesforceHttp,
  requirements: readonly FieldRequirement[],
): Promise<DescribeMap> {
  const describes = await describeObjects(
    http,
    requirements.map((r) => r.object),
  );
  const related = new Set<string>();
  for (const requirement of requirements) {
    const owner = describes.get(requirement.object.toLowerCase());
    const [head, ...rest] = requirement.field === undefined ? [] : fieldPath(requirement.field).split('.');
    if (owner === null || owner === undefined || head === undefined || rest.length === 0) continue;
    const lookup = owner.fields.find((f) => f.relationshipName?.toLowerCase() === head.toLowerCase());
    const [target] = lookup?.referenceTo ?? [];
    if (
      lookup !== undefined &&
      lookup.referenceTo.length === 1 &&
      target !== undefined &&
      !describes.has(target.toLowerCase())
    )
      related.add(target);
  }
  if (related.size === 0) return describes;
  for (const [key, value] of await describeObjects(http, [...related])) describes.set(key, value);
  return describes;
}

type Resolution =
  | { field: FieldDescribe; label: string }
  | { problem: string; unknown?: string; choices?: readonly string[]; choicesAre?: 'fields' | 'values' }
  | { unchecked: true };

/** Follows a path through single-target lookups (polymorphic ones such as Who are not checked further). */
function resolvePath(object: ObjectDescribe, path: string, describes: DescribeMap): Resolution {
  const segments = path.split('.');
  let current = object;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] ?? '';
    const label = `${current.name}.${segment}`;
    if (i === segments.length - 1) {
      const field = current.fields.find((f) => f.name.toLowerCase() === segment.toLowerCase());
      return field === undefined
        ? {
            problem: `${label} does not exist (or is hidden from the integration user)`,
            unknown: segment,
            choices: current.fields.map((f) => f.name),
            choicesAre: 'fields',
          }
        : { field, label };
    }
    const lookup = current.fields.find((f) => f.relationshipName?.toLowerCase() === segment.toLowerCase());
    if (lookup === undefined) return { problem: `${label} is not a relationship of ${current.name}` };
    const [target] = lookup.referenceTo;
    if (lookup.referenceTo.length !== 1 || target === undefined) return { unchecked: true };
    const next = describes.get(target.toLowerCase());
    if (next === undefined)
      return { problem: `${target} was not described, so ${path} on ${object.name} cannot be checked` };
    if (next === null) return { problem: `${target} does not exist (or is hidden from the integration user)` };
    current = next;
  }
  return { unchecked: true };
}

type FieldProblem = Pick<DescribeProblem, 'message' | 'unknown' | 'choices' | 'choicesAre'>;

function fieldProblems(requirement: FieldRequirement, field: FieldDescribe, label: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (requirement.picklistValues !== undefined && (field.type === 'picklist' || field.type === 'multipicklist')) {
    for (const value of requirement.picklistValues) {
      if (!field.picklistValues.includes(value))
        problems.push({
          message: `picklist value '${value}' is not a value of ${label}`,
          unknown: value,
          choices: field.picklistValues,
          choicesAre: 'values',
        });
    }
  }
  if (requirement.externalId === true && !field.externalId && !field.idLookup)
    problems.push({ message: `${label} is not an external id` });
  if (requirement.writable === true && !(field.createable && field.updateable)) {
    problems.push({
      message: `${label} cannot be written by the integration user (createable: ${field.createable}, updateable: ${field.updateable})`,
    });
  }
  return problems;
}

/** Every way the org falls short of the config's requirements; empty when it fits. */
export function checkConfigAgainstDescribe(
  requirements: readonly FieldRequirement[],
  describes: DescribeMap,
  orgObjects: readonly string[] = [],
): DescribeProblem[] {
  const problems: DescribeProblem[] = [];
  for (const requirement of requirements) {
    const where = {
      object: requirement.object,
      ...(requirement.field === undefined ? {} : { field: requirement.field }),
      ...(requirement.source === undefined ? {} : { source: requirement.source }),
    };
    const object = describes.get(requirement.object.toLowerCase());
    if (object === undefined || object === null) {
      const message =
        object === null
          ? `${requirement.object} does not exist (or is hidden from the integration user)`
          : `${requirement.object} was not described`;
      // About the object, not the field asked of it: reported once at its first mention (below).
      const { field: _field, ...whereObject } = where;
      const suggestion =
        object === null && orgObjects.length > 0
          ? { unknown: requirement.object, choices: orgObjects, choicesAre: 'objects' as const }
          : {};
      problems.push({ ...whereObject, message, ...suggestion });
      continue;
    }
    if (requirement.field === undefined) continue;
    const resolution = resolvePath(object, requirement.field, describes);
    if ('problem' in resolution) {
      const { problem, ...suggestion } = resolution;
      problems.push({ ...where, message: problem, ...suggestion });
    } else if ('field' in resolution)
      problems.push(...fieldProblems(requirement, resolution.field, resolution.label).map((p) => ({ ...where, ...p })));
  }
  // One missing object is reported once, at its first mention, not once per field or step that names it; any
  // other problem once per place in the config.
  const sameProblem = (p: DescribeProblem, q: DescribeProblem): boolean =>
    p.message === q.message && (p.field === undefined || p.source === q.source);
  return problems.filter((p, i) => problems.findIndex((q) => sameProblem(p, q)) === i);
}
