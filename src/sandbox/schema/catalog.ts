import type { FieldDef, ObjectDef } from './types';

/**
 * One object's definition with case-insensitive lookups (Salesforce field and relationship
 * names are case-insensitive everywhere: SOQL, REST bodies, URLs).
 */
export class SObjectType {
  readonly name: string;
  private readonly fieldsByLower = new Map<string, FieldDef>();
  private readonly relationshipsByLower = new Map<string, FieldDef>();

  constructor(readonly def: ObjectDef) {
    this.name = def.name;
    for (const f of def.fields) {
      this.fieldsByLower.set(f.name.toLowerCase(), f);
      if (f.relationshipName) this.relationshipsByLower.set(f.relationshipName.toLowerCase(), f);
    }
  }

  field(name: string): FieldDef | undefined {
    return this.fieldsByLower.get(name.toLowerCase());
  }

  /** The lookup field behind a relationship name (`Owner` → OwnerId). */
  relationship(name: string): FieldDef | undefined {
    return this.relationshipsByLower.get(name.toLowerCase());
  }

  get fields(): readonly FieldDef[] {
    return this.def.fields;
  }

  get nameField(): FieldDef | undefined {
    return this.def.fields.find((f) => f.nameField);
  }
}

/** All objects of the sandbox org. */
export class SchemaCatalog {
  private readonly byLower = new Map<string, SObjectType>();
  private readonly byPrefix = new Map<string, SObjectType[]>();

  constructor(objects: readonly ObjectDef[]) {
    for (const def of objects) {
      const type = new SObjectType(def);
      this.byLower.set(def.name.toLowerCase(), type);
      this.byPrefix.set(def.keyPrefix, [...(this.byPrefix.get(def.keyPrefix) ?? []), type]);
    }
  }

  object(name: string): SObjectType | undefined {
    return this.byLower.get(name.toLowerCase());
  }

  objects(): SObjectType[] {
    return [...this.byLower.values()];
  }

  /** Objects whose ids start with this key prefix (setup objects share one, as in a real org). */
  objectsWithPrefix(prefix: string): readonly SObjectType[] {
    return this.byPrefix.get(prefix) ?? [];
  }
}
