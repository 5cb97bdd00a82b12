/**
 * The object and fields deployed from manifests/salesforce are exactly the write contract of
 * ARCHITECTURE.md §5.2 (write-contract.ts): names, types, lengths, precision and scale, external ids,
 * unique and required settings, picklist values and lookups. Plus what a manager and an admin
 * see: labels, help text, ownership in each description, and Salesforce's own limits.
 */
import {
  ACTIVITY_KEY_FIELD,
  EFFECTIVENESS_FIELDS,
  EFFECTIVENESS_OBJECT,
  FLAG_FIELDS,
  FLAG_FORMULA_FIELDS,
  FLAG_OBJECT,
  NEW_FLAG_STATUS,
  REP_FLAG_SCOPE,
  SCORECARD_FIELDS,
  SCORECARD_OBJECT,
  type ContractField,
} from './write-contract';
import { loadCustomObject, loadObjectFields, loadProductMetadata, type MetadataField } from './metadata';
import { SALESFORCE_PROJECT_ROOT } from './source-tree';
import { textOf, type XmlNode } from './xml';

/** Limits Salesforce enforces at deploy time. */
const MAX_LABEL = 40;
const MAX_DESCRIPTION = 1000;
const MAX_HELP_TEXT = 510;
const MAX_FIELD_NAME = 40;

/** The contract's view of a parsed field (toEqual ignores the properties left undefined). */
function contractView(field: MetadataField): Omit<ContractField, 'owner'> {
  const { name, type, length, precision, scale, externalId, unique, required, picklistValues, referenceTo } = field;
  const picklistDefault = field.defaultPicklistValue;
  return {
    name,
    type: type as ContractField['type'],
    length,
    precision,
    scale,
    externalId,
    unique,
    required,
    picklistValues,
    picklistDefault,
    referenceTo,
  };
}

function withoutOwner({ owner: _owner, ...rest }: ContractField): Omit<ContractField, 'owner'> {
  return rest;
}

const product = loadProductMetadata(SALESFORCE_PROJECT_ROOT);
const byName = new Map(product.fields.map((field) => [field.name, field]));
const writtenFields = product.fields.filter((field) => field.formula === undefined);
const scorecard = loadCustomObject(SCORECARD_OBJECT, SALESFORCE_PROJECT_ROOT);
const effectiveness = loadCustomObject(EFFECTIVENESS_OBJECT, SALESFORCE_PROJECT_ROOT);
const allFields = [
  ...product.fields,
  ...scorecard.fields,
  ...effectiveness.fields,
  ...product.activityFields,
  ...loadObjectFields(SALESFORCE_PROJECT_ROOT, 'reference-model', 'Activity'),
  ...loadObjectFields(SALESFORCE_PROJECT_ROOT, 'reference-model', 'User'),
];

describe('Coaching_Flag__c fields against the write contract', () => {
  it('given the metadata, then the written fields are exactly the contract, in any order', () => {
    const sortByName = <T extends { name: string }>(list: T[]) =>
      [...list].sort((a, b) => a.name.localeCompare(b.name));
    expect(sortByName(writtenFields.map(contractView))).toEqual(sortByName(FLAG_FIELDS.map(withoutOwner)));
  });

  it('given the metadata, then the only other field is the list-view formula, read-only by nature', () => {
    const formulas = product.fields.filter((field) => field.formula !== undefined);
    expect(formulas.map(({ name, type, formula }) => ({ name, type, formula }))).toEqual([...FLAG_FORMULA_FIELDS]);
  });

  it('given the flag key, then it is a case-sensitive unique external id, so keys differing in case are two flags', () => {
    expect(byName.get('Flag_Key__c')).toMatchObject({
      externalId: true,
      unique: true,
      caseSensitive: true,
      required: true,
    });
  });

  it('given the picklists, then they are restricted, so a value the contract lacks is rejected by the org', () => {
    const picklists = product.fields.filter((field) => field.type === 'Picklist');
    expect(picklists.map((field) => [field.name, field.restrictedPicklist])).toEqual(
      picklists.map((field) => [field.name, true]),
    );
  });

  it('given a flag created with no status or scope, then it is a New flag about a rep, and no other picklist has a default', () => {
    const defaults = product.fields.filter((field) => field.defaultPicklistValue !== undefined);
    expect(defaults.map((field) => [field.name, field.defaultPicklistValue])).toEqual([
      ['Scope__c', REP_FLAG_SCOPE],
      ['Status__c', NEW_FLAG_STATUS],
    ]);
  });

  it('given the user lookups, then each has its own relationship name and clears itself when the user goes', () => {
    const lookups = product.fields.filter((field) => field.type === 'Lookup');
    expect(
      lookups.map(({ name, relationshipName, deleteConstraint }) => ({ name, relationshipName, deleteConstraint })),
    ).toEqual([
      { name: 'Manager__c', relationshipName: 'Managed_Coaching_Flags', deleteConstraint: 'SetNull' },
      { name: 'Salesperson__c', relationshipName: 'Coaching_Flags', deleteConstraint: 'SetNull' },
    ]);
  });

  it('given the checkboxes that are not formulas, then they default to false', () => {
    const checkboxes = writtenFields.filter((field) => field.type === 'Checkbox');
    expect(checkboxes.map((field) => field.defaultValue)).toEqual(checkboxes.map(() => 'false'));
  });

  it('given the long text fields, then a manager sees six lines of them', () => {
    const longTexts = product.fields.filter((field) => field.type === 'LongTextArea');
    expect(longTexts.map((field) => field.visibleLines)).toEqual(longTexts.map(() => 6));
  });

  it.each(FLAG_FIELDS.map((contract) => [contract.name, contract.owner] as const))(
    'given %s, then its description names its owner (%s)',
    (name, owner) => {
      expect(byName.get(name)?.description).toMatch(new RegExp(`^Owner: ${owner}\\.`));
    },
  );

  it('given the manager-visible change history, then the manager-written fields are tracked', () => {
    const tracked = new Set(product.fields.filter((field) => field.trackHistory).map((field) => field.name));
    expect(['Status__c', 'Commitment__c', 'Follow_Up_Date__c'].filter((name) => !tracked.has(name))).toEqual([]);
  });
});

describe('Activity.Coaching_Key__c', () => {
  it('given the activity fields, then the key is the contract: an external id that is deliberately not unique', () => {
    expect(product.activityFields.map(contractView)).toEqual([withoutOwner(ACTIVITY_KEY_FIELD)]);
  });

  it('given its description, then it says why the connector does not rely on Unique', () => {
    expect(product.activityFields[0]?.description).toMatch(/NOT unique/);
  });
});

describe('Coaching_Flag__c object', () => {
  const settings: XmlNode = product.settings;
  const nameField = settings['nameField'] as XmlNode;

  it('given the object, then it is deployed, reportable and history-tracked under its labels', () => {
    expect(product).toMatchObject({ object: FLAG_OBJECT, label: 'Coaching Flag', pluralLabel: 'Coaching Flags' });
    expect(['deploymentStatus', 'enableReports', 'enableHistory'].map((name) => textOf(settings, name))).toEqual([
      'Deployed',
      'true',
      'true',
    ]);
    expect(textOf(settings, 'description')).toBeTruthy();
  });

  it('given the record name, then it is the auto-number Flag Number CF-00001', () => {
    expect(['type', 'label', 'displayFormat'].map((name) => textOf(nameField, name))).toEqual([
      'AutoNumber',
      'Flag Number',
      'CF-{00000}',
    ]);
  });

  it('given the sharing model, then internal users share flags (field permissions guard edits) and external users do not', () => {
    expect([textOf(settings, 'sharingModel'), textOf(settings, 'externalSharingModel')]).toEqual([
      'ReadWrite',
      'Private',
    ]);
  });
});

/** The objects added after the flag, each all the connector's and written by the integration user. */
const NEW_OBJECTS = [
  {
    name: SCORECARD_OBJECT,
    metadata: scorecard,
    contract: SCORECARD_FIELDS,
    key: 'Scorecard_Key__c',
    labels: ['Coaching Scorecard', 'Coaching Scorecards'],
    nameField: ['AutoNumber', 'Scorecard Number', 'SC-{00000}'],
    // Owned by the rep; managers above them see it through the role hierarchy.
    sharing: ['Private', 'Private'],
    relationships: [
      { name: 'Manager__c', relationshipName: 'Managed_Coaching_Scorecards', deleteConstraint: 'SetNull' },
      { name: 'Salesperson__c', relationshipName: 'Coaching_Scorecards', deleteConstraint: 'SetNull' },
    ],
  },
  {
    name: EFFECTIVENESS_OBJECT,
    metadata: effectiveness,
    contract: EFFECTIVENESS_FIELDS,
    key: 'Effectiveness_Key__c',
    labels: ['Coaching Effectiveness', 'Coaching Effectiveness'],
    nameField: ['AutoNumber', 'Effectiveness Number', 'CE-{00000}'],
    // Owned by the integration user; every manager reads every record.
    sharing: ['Read', 'Private'],
    relationships: [{ name: 'Manager__c', relationshipName: 'Coaching_Effectiveness', deleteConstraint: 'SetNull' }],
  },
] as const;

describe.each(NEW_OBJECTS)('$name fields against the write contract', ({ metadata, contract, key, relationships }) => {
  const fields = new Map(metadata.fields.map((field) => [field.name, field]));

  it('given the metadata, then the fields are exactly the contract, in any order, and none is a formula', () => {
    const sortByName = <T extends { name: string }>(list: T[]) =>
      [...list].sort((a, b) => a.name.localeCompare(b.name));
    expect(sortByName(metadata.fields.map(contractView))).toEqual(sortByName(contract.map(withoutOwner)));
    expect(metadata.fields.filter((field) => field.formula !== undefined)).toEqual([]);
  });

  it('given the key, then it is the one required field: a case-sensitive unique external id', () => {
    expect(fields.get(key)).toMatchObject({ externalId: true, unique: true, caseSensitive: true, required: true });
    expect(metadata.fields.filter((field) => field.required).map((field) => field.name)).toEqual([key]);
  });

  it('given the picklists, then they are restricted and have no default, so an unsent value stays empty', () => {
    const picklists = metadata.fields.filter((field) => field.type === 'Picklist');
    expect(picklists.length).toBeGreaterThan(0);
    expect(picklists.map((field) => [field.name, field.restrictedPicklist, field.defaultPicklistValue])).toEqual(
      picklists.map((field) => [field.name, true, undefined]),
    );
  });

  it('given the user lookups, then each has its own relationship name and clears itself when the user goes', () => {
    const lookups = metadata.fields.filter((field) => field.type === 'Lookup');
    expect(
      lookups.map(({ name, relationshipName, deleteConstraint }) => ({ name, relationshipName, deleteConstraint })),
    ).toEqual(relationships);
  });

  it('given the long text fields, then a manager sees six lines of them', () => {
    const longTexts = metadata.fields.filter((field) => field.type === 'LongTextArea');
    expect(longTexts.map((field) => field.visibleLines)).toEqual(longTexts.map(() => 6));
  });

  it.each(contract.map((field) => [field.name, field.owner] as const))(
    'given %s, then its description names its owner (%s) and the integration user who writes it',
    (name, owner) => {
      expect(fields.get(name)?.description).toMatch(
        new RegExp(`^Owner: ${owner}\\. Written by the Execution Coach integration user\\b`),
      );
    },
  );
});

describe.each(NEW_OBJECTS)('$name object', ({ name, metadata, labels, nameField, sharing }) => {
  const settings: XmlNode = metadata.settings;

  it('given the object, then it is deployed and reportable under its labels, with a description', () => {
    expect([metadata.label, metadata.pluralLabel]).toEqual(labels);
    expect(['deploymentStatus', 'enableReports'].map((setting) => textOf(settings, setting))).toEqual([
      'Deployed',
      'true',
    ]);
    expect(textOf(settings, 'description')).toMatch(/Execution Coach integration user/);
  });

  it('given the record name, then it is an auto-number like the flag', () => {
    const record = settings['nameField'] as XmlNode;
    expect(['type', 'label', 'displayFormat'].map((setting) => textOf(record, setting))).toEqual(nameField);
  });

  it('given the sharing model, then it is the one its owner needs, and external users get none', () => {
    expect([textOf(settings, 'sharingModel'), textOf(settings, 'externalSharingModel')]).toEqual(sharing);
  });

  it('given its compact layout, then it is the one assigned', () => {
    expect(textOf(settings, 'compactLayoutAssignment')).toBe(`${name.replace(/__c$/, '')}_Compact`);
  });
});

describe('relationship names on User', () => {
  it('given every lookup to User of the product, then no two share a relationship name (Salesforce rejects it)', () => {
    const names = [...product.fields, ...scorecard.fields, ...effectiveness.fields]
      .filter((field) => field.referenceTo === 'User')
      .map((field) => field.relationshipName);
    expect(names.length).toBe(5);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('reference-model fields', () => {
  const optional = allFields.filter((field) => ['Appointment_Status__c', 'Monthly_Unit_Goal__c'].includes(field.name));

  it('given the optional fields, then they are the ones the default config expects', () => {
    expect(optional.map(contractView)).toEqual([
      {
        name: 'Appointment_Status__c',
        type: 'Picklist',
        externalId: false,
        unique: false,
        required: false,
        picklistValues: ['Scheduled', 'Showed', 'No Show', 'Cancelled'],
        picklistDefault: 'Scheduled',
      },
      {
        name: 'Monthly_Unit_Goal__c',
        type: 'Number',
        externalId: false,
        unique: false,
        required: false,
        precision: 4,
        scale: 0,
      },
    ]);
  });

  it('given their descriptions, then each is marked OPTIONAL and says to map your own field instead', () => {
    expect(optional.map((field) => field.description ?? '')).toEqual([
      expect.stringMatching(/^OPTIONAL\b.*map your own field/),
      expect.stringMatching(/^OPTIONAL\b.*map your own field/),
    ]);
  });
});

describe('every field, against the limits Salesforce enforces', () => {
  it.each(allFields.map((field) => [field.name, field] as const))('given %s, then it deploys', (_name, field) => {
    expect(field.name.replace(/__c$/, '').length).toBeLessThanOrEqual(MAX_FIELD_NAME);
    expect(field.label?.length ?? 0).toBeGreaterThan(0);
    expect(field.label?.length ?? 0).toBeLessThanOrEqual(MAX_LABEL);
    expect(field.description?.length ?? 0).toBeGreaterThan(0);
    expect(field.description?.length ?? 0).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(field.inlineHelpText?.length ?? 0).toBeGreaterThan(0);
    expect(field.inlineHelpText?.length ?? 0).toBeLessThanOrEqual(MAX_HELP_TEXT);
    if (field.precision !== undefined) expect(field.scale ?? 0).toBeLessThanOrEqual(field.precision);
  });
});
