/**
 * The permission sets grant the integration user what the connector reads and writes and
 * nothing more, and managers only the fields they own; every field they name exists.
 */
import { join } from 'node:path';
import { loadConfig, toCoachModel } from '../../src/config';
import { DEFAULT_CONFIG_FILE } from '../../src/cli/options';
import {
  EFFECTIVENESS_FIELDS,
  EFFECTIVENESS_OBJECT,
  FLAG_FIELDS,
  FLAG_OBJECT,
  SCORECARD_FIELDS,
  SCORECARD_OBJECT,
  TASK_FIELDS_WRITTEN,
  connectorWrites,
  managerWrites,
} from './write-contract';
import { fieldsReadBy } from './config-reads';
import { loadCustomObject, loadProductMetadata } from './metadata';
import { definingCustomField, readPermissionSet, type PermissionSetSource } from './permission-sets';
import { SALESFORCE_PROJECT_ROOT, componentsOf } from './source-tree';

/**
 * Fields the integration user reads or writes without a field permission: system fields,
 * required fields (always visible with the object, and Salesforce rejects a grant on them) and
 * the Call Center fields, which the Task reference documents as outside field-level security.
 * OpportunityHistory has no field permissions at all: it follows Opportunity.
 */
const OUTSIDE_FIELD_SECURITY = new Set([
  ...['Lead', 'Task', 'Event', 'Opportunity', 'User'].flatMap((object) => [
    `${object}.Id`,
    `${object}.OwnerId`,
    `${object}.CreatedDate`,
    `${object}.CreatedById`,
  ]),
  'User.Name',
  'User.IsActive',
  'Lead.Status',
  'Task.Status',
  'Task.Subject',
  'Task.IsClosed',
  'Task.CompletedDateTime',
  'Task.CallType',
  'Task.CallDisposition',
  'Task.CallDurationInSeconds',
  'Event.StartDateTime',
]);
const followsItsParent = (field: string) => field.startsWith('OpportunityHistory.');

const REPO_ROOT = join(__dirname, '..', '..');
const configReads = fieldsReadBy(toCoachModel(loadConfig(DEFAULT_CONFIG_FILE, { cwd: REPO_ROOT })));
const taskWrites = TASK_FIELDS_WRITTEN.map((field) => `Task.${field}`);

const permissionSetPath = (packageDirectory: string, name: string) =>
  join(
    SALESFORCE_PROJECT_ROOT,
    packageDirectory,
    'main',
    'default',
    'permissionsets',
    `${name}.permissionset-meta.xml`,
  );

const integration = readPermissionSet(permissionSetPath('force-app', 'Execution_Coach_Integration'));
const manager = readPermissionSet(permissionSetPath('force-app', 'Execution_Coach_Manager'));
const salesperson = readPermissionSet(permissionSetPath('force-app', 'Execution_Coach_Salesperson'));
const referenceModel = readPermissionSet(permissionSetPath('reference-model', 'Execution_Coach_Reference_Model'));

const product = loadProductMetadata(SALESFORCE_PROJECT_ROOT);
const scorecard = loadCustomObject(SCORECARD_OBJECT, SALESFORCE_PROJECT_ROOT);
const effectiveness = loadCustomObject(EFFECTIVENESS_OBJECT, SALESFORCE_PROJECT_ROOT);
const requiredFields = [product, scorecard, effectiveness].flatMap((object) =>
  object.fields.filter((field) => field.required).map((field) => `${object.object}.${field.name}`),
);
const flagField = (name: string) => `${FLAG_OBJECT}.${name}`;
/** The objects added after the flag: every field the connector's, the required key outside field security. */
const NEW_OBJECTS = [
  [SCORECARD_OBJECT, SCORECARD_FIELDS],
  [EFFECTIVENESS_OBJECT, EFFECTIVENESS_FIELDS],
] as const;
const permissionable = (object: string, contract: typeof SCORECARD_FIELDS) =>
  contract
    .filter((field) => !field.required)
    .map((field) => `${object}.${field.name}`)
    .sort();
const NO_ACCESS = {
  allowCreate: false,
  allowRead: false,
  allowEdit: false,
  allowDelete: false,
  viewAllRecords: false,
  modifyAllRecords: false,
};

function editableOn(set: PermissionSetSource, object: string): string[] {
  return set.fields
    .filter((entry) => entry.editable && entry.field.startsWith(`${object}.`))
    .map((entry) => entry.field)
    .sort();
}

function readOnly(set: PermissionSetSource): string[] {
  return set.fields.filter((entry) => entry.readable && !entry.editable).map((entry) => entry.field);
}

describe('Execution_Coach_Integration', () => {
  it('given its label, then admins find it by name', () => {
    expect(integration.label).toBe('Execution Coach Integration');
  });

  it('given its objects, then it creates and edits flags, scorecards and effectiveness and only reads leads and opportunities', () => {
    expect(
      integration.objects.map(({ object, allowCreate, allowRead, allowEdit }) => ({
        object,
        allowCreate,
        allowRead,
        allowEdit,
      })),
    ).toEqual([
      { object: EFFECTIVENESS_OBJECT, allowCreate: true, allowRead: true, allowEdit: true },
      { object: FLAG_OBJECT, allowCreate: true, allowRead: true, allowEdit: true },
      { object: SCORECARD_OBJECT, allowCreate: true, allowRead: true, allowEdit: true },
      { object: 'Lead', allowCreate: false, allowRead: true, allowEdit: false },
      { object: 'Opportunity', allowCreate: false, allowRead: true, allowEdit: false },
    ]);
  });

  it('given its objects, then it never deletes, views all or modifies all, except on the scorecards it gives away', () => {
    const grants = integration.objects.filter(
      (entry) => entry.allowDelete || entry.viewAllRecords || entry.modifyAllRecords,
    );
    // Scorecards are owned by the rep and Private: View All and Modify All let the connector read
    // and update what it created; Salesforce makes Modify All depend on Delete.
    expect(
      grants.map(({ object, allowDelete, viewAllRecords, modifyAllRecords }) => ({
        object,
        allowDelete,
        viewAllRecords,
        modifyAllRecords,
      })),
    ).toEqual([{ object: SCORECARD_OBJECT, allowDelete: true, viewAllRecords: true, modifyAllRecords: true }]);
  });

  it.each(NEW_OBJECTS)(
    'given the %s fields, then it edits every one of them but the required key, which needs no grant',
    (object, contract) => {
      expect(contract.every(connectorWrites)).toBe(true);
      expect(editableOn(integration, object)).toEqual(permissionable(object, contract));
    },
  );

  it('given its user permissions, then it has API access and can create tasks, nothing else', () => {
    expect([...integration.userPermissions].sort()).toEqual(['ApiEnabled', 'EditTask']);
  });

  it('given the flag fields, then it edits exactly those the connector writes (the required key needs no grant)', () => {
    const expected = FLAG_FIELDS.filter((contract) => connectorWrites(contract) && !contract.required).map((c) =>
      flagField(c.name),
    );
    expect(editableOn(integration, FLAG_OBJECT)).toEqual([...expected].sort());
  });

  it('given the manager-owned fields, then it reads them and never edits them', () => {
    const managerOwned = FLAG_FIELDS.filter((contract) => !connectorWrites(contract)).map((c) => flagField(c.name));
    expect(
      readOnly(integration)
        .filter((field) => managerOwned.includes(field))
        .sort(),
    ).toEqual([...managerOwned].sort());
  });

  it('given the task key, then it edits it on tasks', () => {
    expect(editableOn(integration, 'Task')).toContain('Task.Coaching_Key__c');
  });
});

describe('Execution_Coach_Integration against the default config', () => {
  const grantsRead = (set: PermissionSetSource, field: string) =>
    set.fields.some((entry) => entry.field === field && entry.readable);

  it('given every field the default config reads, then the integration user can read it', () => {
    const unreadable = configReads.filter(
      (field) =>
        !OUTSIDE_FIELD_SECURITY.has(field) &&
        !followsItsParent(field) &&
        !grantsRead(integration, field) &&
        !grantsRead(referenceModel, field),
    );
    expect(unreadable).toEqual([]);
  });

  it('given every task field the connector writes, then the integration user can write it', () => {
    const editable = new Set(editableOn(integration, 'Task'));
    expect(taskWrites.filter((field) => !OUTSIDE_FIELD_SECURITY.has(field) && !editable.has(field))).toEqual([]);
  });

  it('given the standard fields it grants, then each is one the default config reads or the connector writes', () => {
    const standard = integration.fields
      .map((entry) => entry.field)
      .filter((field) => definingCustomField(field) === undefined);
    expect(standard.filter((field) => !configReads.includes(field) && !taskWrites.includes(field))).toEqual([]);
  });

  it('given the standard fields it reads, then none is also declared outside field-level security', () => {
    expect(integration.fields.map((entry) => entry.field).filter((field) => OUTSIDE_FIELD_SECURITY.has(field))).toEqual(
      [],
    );
  });

  it('given the optional fields the default config reads, then the reference-model set grants exactly those', () => {
    const optional = new Set(componentsOf(SALESFORCE_PROJECT_ROOT, 'reference-model').map((c) => c.fullName));
    const readOptional = configReads.filter((field) => optional.has(definingCustomField(field) ?? ''));
    expect(referenceModel.fields.map((entry) => entry.field)).toEqual(readOptional);
  });
});

describe('Execution_Coach_Manager', () => {
  it('given its objects, then managers read and edit flags, only read scorecards and effectiveness, and never create, delete or reach beyond sharing', () => {
    expect(manager.objects).toEqual([
      { ...NO_ACCESS, object: EFFECTIVENESS_OBJECT, allowRead: true },
      { ...NO_ACCESS, object: FLAG_OBJECT, allowRead: true, allowEdit: true },
      { ...NO_ACCESS, object: SCORECARD_OBJECT, allowRead: true },
    ]);
    expect(manager.userPermissions).toEqual([]);
  });

  it.each(NEW_OBJECTS)('given the %s fields, then managers read every one and edit none', (object, contract) => {
    const granted = manager.fields.filter((entry) => entry.field.startsWith(`${object}.`));
    expect(granted.filter((entry) => entry.editable)).toEqual([]);
    expect(granted.map((entry) => entry.field).sort()).toEqual(permissionable(object, contract));
  });

  it('given the flag fields, then managers edit only Commitment, Follow-Up Date and Status', () => {
    const expected = FLAG_FIELDS.filter(managerWrites).map((contract) => flagField(contract.name));
    expect(expected.sort()).toEqual(['Commitment__c', 'Follow_Up_Date__c', 'Status__c'].map(flagField));
    expect(editableOn(manager, FLAG_OBJECT)).toEqual(expected);
  });

  it('given the flag fields, then managers read every one of them', () => {
    const permissionable = product.fields.filter((field) => !field.required).map((field) => flagField(field.name));
    const readable = new Set(manager.fields.filter((entry) => entry.readable).map((entry) => entry.field));
    expect(permissionable.filter((field) => !readable.has(field))).toEqual([]);
  });
});

describe('Execution_Coach_Salesperson', () => {
  it('given its label, then admins find it by name', () => {
    expect(salesperson.label).toBe('Execution Coach Salesperson');
  });

  it('given its objects, then it only reads scorecards: no edit even for the owner, no flags, no effectiveness', () => {
    expect(salesperson.objects).toEqual([{ ...NO_ACCESS, object: SCORECARD_OBJECT, allowRead: true }]);
    expect(salesperson.userPermissions).toEqual([]);
  });

  it('given the scorecard fields, then it reads every one and edits none', () => {
    expect(salesperson.fields.filter((entry) => entry.editable)).toEqual([]);
    expect(salesperson.fields.map((entry) => entry.field).sort()).toEqual(
      permissionable(SCORECARD_OBJECT, SCORECARD_FIELDS),
    );
  });
});

describe('every permission set', () => {
  const forceApp = new Set(componentsOf(SALESFORCE_PROJECT_ROOT, 'force-app').map((c) => c.fullName));
  const withReferenceModel = new Set([
    ...forceApp,
    ...componentsOf(SALESFORCE_PROJECT_ROOT, 'reference-model').map((c) => c.fullName),
  ]);
  const sets = [
    ['Execution_Coach_Integration', integration, forceApp],
    ['Execution_Coach_Manager', manager, forceApp],
    ['Execution_Coach_Salesperson', salesperson, forceApp],
    ['Execution_Coach_Reference_Model', referenceModel, withReferenceModel],
  ] as const;

  it.each(sets)('given %s, then it names no required field, which Salesforce rejects', (_name, set) => {
    expect(requiredFields.length).toBe(3);
    expect(set.fields.map((entry) => entry.field).filter((field) => requiredFields.includes(field))).toEqual([]);
  });

  it.each(sets)('given %s, then every field it grants exists where it deploys from', (_name, set, deployable) => {
    const missing = set.fields
      .map((entry) => entry.field)
      .filter((field) => {
        const custom = definingCustomField(field);
        return custom === undefined
          ? !configReads.includes(field) && !taskWrites.includes(field)
          : !deployable.has(custom);
      });
    expect(missing).toEqual([]);
  });

  it.each(sets)('given %s, then every edit grant also reads (Salesforce requires it)', (_name, set) => {
    expect(set.fields.filter((entry) => !entry.readable)).toEqual([]);
  });

  it.each(sets)(
    'given %s, then every object grant reads, and View All and Modify All come with what they imply',
    (_name, set) => {
      expect(set.objects.filter((entry) => (entry.allowCreate || entry.allowEdit) && !entry.allowRead)).toEqual([]);
      expect(set.objects.filter((entry) => entry.viewAllRecords && !entry.allowRead)).toEqual([]);
      expect(
        set.objects.filter(
          (entry) =>
            entry.modifyAllRecords &&
            !(entry.viewAllRecords && entry.allowEdit && entry.allowDelete && entry.allowCreate),
        ),
      ).toEqual([]);
    },
  );

  it('given the reference-model set, then it only reads the two optional fields', () => {
    expect(referenceModel.fields).toEqual([
      { field: 'Event.Appointment_Status__c', readable: true, editable: false },
      { field: 'User.Monthly_Unit_Goal__c', readable: true, editable: false },
    ]);
    expect([referenceModel.objects, referenceModel.userPermissions]).toEqual([[], []]);
  });
});
