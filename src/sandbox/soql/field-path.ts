import type { SObjectType } from '../schema/catalog';
import { field as makeField } from '../schema/field-builders';
import type { FieldDef, FieldValue, StoredRecord } from '../schema/types';
import type { Store } from '../store/store';
import { locate, queryError } from './soql-error';

/**
 * Resolves a SOQL field path (`Subject`, `Owner.Name`, `Opportunity.Owner.Name`, polymorphic
 * `Who.Name`) against the schema, and compiles a getter that walks the lookups in the store.
 * Polymorphic relationships resolve to Salesforce's `Name` pseudo-object, whose few fields
 * are read from whatever record the id points to.
 */

export interface Parent {
  type: SObjectType;
  record: StoredRecord;
}

export interface RelationshipStep {
  /** The lookup field on the child (`OwnerId`). */
  lookup: FieldDef;
  /** The relationship name as described (`Owner`). */
  name: string;
  polymorphic: boolean;
  /** Finds the parent a lookup value points to. */
  resolve: (id: string) => Parent | undefined;
}

export interface ResolvedPath {
  /** Canonical dotted path (`Owner.Name`). */
  path: string;
  steps: RelationshipStep[];
  field: FieldDef;
  get: (record: StoredRecord) => FieldValue;
}

/** Fields of the `Name` pseudo-object behind polymorphic lookups. */
const NAME_OBJECT_FIELDS: readonly FieldDef[] = [
  makeField('Id', 'Name ID', 'id'),
  makeField('Name', 'Name', 'string', { length: 255 }),
  makeField('FirstName', 'First Name', 'string', { length: 40 }),
  makeField('LastName', 'Last Name', 'string', { length: 80 }),
  makeField('Alias', 'Alias', 'string', { length: 8 }),
  makeField('Email', 'Email', 'email', { length: 80 }),
  makeField('Phone', 'Phone', 'phone', { length: 40 }),
  makeField('Title', 'Title', 'string', { length: 128 }),
  makeField('Type', 'Object Type', 'string', { length: 40 }),
  makeField('Username', 'Username', 'string', { length: 80 }),
  makeField('IsActive', 'Active', 'boolean'),
];

const CUSTOM_FIELD_HINT =
  "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
const CUSTOM_RELATIONSHIP_HINT =
  "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.";

export class PathResolver {
  constructor(
    private readonly store: Store,
    private readonly soql: string,
    /** The FROM object's alias (`FROM Task t`), stripped from paths. */
    private readonly alias?: string,
  ) {}

  resolve(base: SObjectType, rawPath: string): ResolvedPath {
    let segments = rawPath.split('.');
    if (segments.length > 1 && this.alias && segments[0]?.toLowerCase() === this.alias.toLowerCase())
      segments = segments.slice(1);
    const steps: RelationshipStep[] = [];
    const canonical: string[] = [];
    let current: SObjectType | 'Name' = base;
    for (const segment of segments.slice(0, -1)) {
      const lookup: FieldDef | undefined = current === 'Name' ? undefined : current.relationship(segment);
      if (!lookup || !lookup.relationshipName) {
        throw queryError(
          'INVALID_FIELD',
          this.soql,
          `Didn't understand relationship '${segment}' in field path. ${CUSTOM_RELATIONSHIP_HINT}`,
          locate(this.soql, rawPath),
        );
      }
      const step = this.step(lookup);
      steps.push(step);
      canonical.push(lookup.relationshipName);
      current = step.polymorphic ? 'Name' : this.targetOf(lookup);
    }
    const last = segments[segments.length - 1] ?? '';
    const field =
      current === 'Name'
        ? NAME_OBJECT_FIELDS.find((f) => f.name.toLowerCase() === last.toLowerCase())
        : current.field(last);
    if (!field) {
      const entity = current === 'Name' ? 'Name' : current.name;
      throw queryError(
        'INVALID_FIELD',
        this.soql,
        `No such column '${last}' on entity '${entity}'. ${CUSTOM_FIELD_HINT}`,
        locate(this.soql, rawPath),
      );
    }
    canonical.push(field.name);
    return { path: canonical.join('.'), steps, field, get: compileGetter(steps, field, current === 'Name') };
  }

  private targetOf(lookup: FieldDef): SObjectType {
    const target = this.store.catalog.object(lookup.referenceTo[0] ?? '');
    if (!target) throw new Error(`Lookup ${lookup.name} points to an unknown object`);
    return target;
  }

  private step(lookup: FieldDef): RelationshipStep {
    const polymorphic = lookup.referenceTo.length > 1;
    if (polymorphic) {
      return { lookup, name: lookup.relationshipName ?? '', polymorphic, resolve: (id) => this.store.findById(id) };
    }
    const type = this.targetOf(lookup);
    const table = this.store.table(type.name);
    return {
      lookup,
      name: lookup.relationshipName ?? '',
      polymorphic,
      resolve: (id) => {
        const record = table.get(id);
        return record ? { type, record } : undefined;
      },
    };
  }
}

function compileGetter(
  steps: RelationshipStep[],
  field: FieldDef,
  nameObject: boolean,
): (r: StoredRecord) => FieldValue {
  const name = field.name;
  const readLeaf = nameObject
    ? (p: Parent): FieldValue => (name === 'Type' ? p.type.name : p.type.field(name) ? (p.record[name] ?? null) : null)
    : (p: Parent): FieldValue => p.record[name] ?? null;
  if (steps.length === 0) return (r) => r[name] ?? null;
  return (r) => {
    let parent: Parent | undefined = undefined;
    let record = r;
    for (const step of steps) {
      const id = record[step.lookup.name];
      if (typeof id !== 'string') return null;
      parent = step.resolve(id);
      if (!parent) return null;
      record = parent.record;
    }
    return parent ? readLeaf(parent) : null;
  };
}
