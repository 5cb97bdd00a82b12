/**
 * The list views and the compact layout show the fields a manager needs, filter on fields and
 * values that exist, and "My team's open coaching flags" really means the viewer's team.
 */
import { join } from 'node:path';
import { FLAG_FIELDS, FLAG_OBJECT, OPEN_FLAG_STATUSES, TEAM_FLAG_SCOPE, managerWrites } from './write-contract';
import { loadProductMetadata } from './metadata';
import { SALESFORCE_PROJECT_ROOT } from './source-tree';
import { listOf, readMetadataFile, textOf, textsOf, type XmlNode } from './xml';

/** List view column and layout names of standard fields, which are not in the source. */
const STANDARD_COLUMNS = new Set(['NAME', 'Name', 'CreatedById', 'LastModifiedById']);
const EXPECTED_COLUMNS = [
  'NAME',
  'Salesperson__c',
  'Scope__c',
  'Measure__c',
  'Diagnosis__c',
  'Severity__c',
  'Summary__c',
  'Status__c',
  'Follow_Up_Date__c',
  'Is_Focus__c',
];

const objectDir = join(SALESFORCE_PROJECT_ROOT, 'force-app', 'main', 'default', 'objects', FLAG_OBJECT);
const product = loadProductMetadata(SALESFORCE_PROJECT_ROOT);
const fields = new Map(product.fields.map((field) => [field.name, field]));
const exists = (name: string) => STANDARD_COLUMNS.has(name) || fields.has(name);

interface Filter {
  field: string;
  operation: string;
  values: string[];
}

function readListView(name: string) {
  const { body } = readMetadataFile(join(objectDir, 'listViews', `${name}.listView-meta.xml`));
  const filters: Filter[] = listOf(body, 'filters').map((filter: XmlNode) => ({
    field: textOf(filter, 'field') ?? '',
    operation: textOf(filter, 'operation') ?? '',
    // A list view filter lists several values of one field comma-separated ("one of").
    values: (textOf(filter, 'value') ?? '').split(','),
  }));
  return {
    label: textOf(body, 'label'),
    scope: textOf(body, 'filterScope'),
    columns: textsOf(body, 'columns'),
    filters,
  };
}

const views = [
  ['My_Team_Open_Flags', "My team's open coaching flags"],
  ['All_Open_Flags', 'All open coaching flags'],
] as const;
/** Team findings name no salesperson and are never a rep's focus: the view shows whose team and how far off. */
const TEAM_COLUMNS = [
  'NAME',
  'Manager__c',
  'Measure__c',
  'Diagnosis__c',
  'Severity__c',
  'Actual__c',
  'Target__c',
  'Summary__c',
  'Status__c',
  'Follow_Up_Date__c',
];
const allViews = [...views, ['Team_Findings', 'Open team findings']] as const;

describe('Coaching_Flag__c list views', () => {
  it.each(views)('given %s, then it is labelled "%s" and shows what a manager scans', (name, label) => {
    const view = readListView(name);
    expect(view.label).toBe(label);
    expect(EXPECTED_COLUMNS.filter((column) => !view.columns.includes(column))).toEqual([]);
  });

  it.each(allViews)('given %s, then every column and filter names a field that exists', (name) => {
    const view = readListView(name);
    expect([...view.columns, ...view.filters.map((filter) => filter.field)].filter((field) => !exists(field))).toEqual(
      [],
    );
  });

  it.each(allViews)('given %s, then it keeps exactly the open flags (New, Committed, Not Improved)', (name) => {
    const status = readListView(name).filters.filter((filter) => filter.field === 'Status__c');
    expect(status).toEqual([{ field: 'Status__c', operation: 'equals', values: [...OPEN_FLAG_STATUSES] }]);
    expect(OPEN_FLAG_STATUSES.filter((value) => !fields.get('Status__c')?.picklistValues?.includes(value))).toEqual([]);
  });

  it("given my team's view, then it selects flags whose Manager is the viewing user", () => {
    const view = readListView('My_Team_Open_Flags');
    const others = view.filters.filter((filter) => filter.field !== 'Status__c');
    expect(view.scope).toBe('Everything');
    expect(others).toEqual([{ field: 'Managed_By_Me__c', operation: 'equals', values: ['1'] }]);
    expect(fields.get('Managed_By_Me__c')).toMatchObject({ type: 'Checkbox', formula: 'Manager__c = $User.Id' });
  });

  it('given the all-open view, then it is not narrowed to anyone', () => {
    const view = readListView('All_Open_Flags');
    expect([view.scope, view.filters.map((filter) => filter.field)]).toEqual(['Everything', ['Status__c']]);
  });

  it('given the team findings view, then it keeps only team flags, of every manager, and shows whose team and how far off', () => {
    const view = readListView('Team_Findings');
    const others = view.filters.filter((filter) => filter.field !== 'Status__c');
    expect([view.label, view.scope]).toEqual(['Open team findings', 'Everything']);
    expect(others).toEqual([{ field: 'Scope__c', operation: 'equals', values: [TEAM_FLAG_SCOPE] }]);
    expect(fields.get('Scope__c')?.picklistValues).toContain(TEAM_FLAG_SCOPE);
    expect(view.columns).toEqual(TEAM_COLUMNS);
  });
});

describe('Coaching_Flag_Compact', () => {
  const { body } = readMetadataFile(join(objectDir, 'compactLayouts', 'Coaching_Flag_Compact.compactLayout-meta.xml'));
  const layoutFields = textsOf(body, 'fields');

  it('given the layout, then it shows salesperson, scope, diagnosis, severity, status and follow-up date under the name', () => {
    expect(layoutFields).toEqual([
      'Name',
      'Salesperson__c',
      'Scope__c',
      'Diagnosis__c',
      'Severity__c',
      'Status__c',
      'Follow_Up_Date__c',
    ]);
    expect(layoutFields.filter((field) => !exists(field))).toEqual([]);
  });

  it('given the object, then the layout is its compact layout assignment', () => {
    expect(textOf(product.settings, 'compactLayoutAssignment')).toBe(textOf(body, 'fullName'));
  });
});

describe('Coaching Flag Layout', () => {
  const { body } = readMetadataFile(
    join(
      SALESFORCE_PROJECT_ROOT,
      'force-app',
      'main',
      'default',
      'layouts',
      'Coaching_Flag__c-Coaching Flag Layout.layout-meta.xml',
    ),
  );
  const items = listOf(body, 'layoutSections')
    .flatMap((section) => listOf(section, 'layoutColumns'))
    .flatMap((column) => listOf(column, 'layoutItems'))
    .map((item) => ({ field: textOf(item, 'field') ?? '', behavior: textOf(item, 'behavior') }));
  const behaviorOf = (behavior: string) =>
    items
      .filter((item) => item.behavior === behavior)
      .map((item) => item.field)
      .sort();

  it('given the layout, then every field it places exists and appears once', () => {
    const placed = items.map((item) => item.field);
    expect(placed.filter((field) => !exists(field))).toEqual([]);
    expect(placed.length).toBe(new Set(placed).size);
  });

  it('given the layout, then a manager sees every field of the write contract', () => {
    const placed = new Set(items.map((item) => item.field));
    expect(FLAG_FIELDS.map((contract) => contract.name).filter((name) => !placed.has(name))).toEqual([]);
  });

  it('given the behaviors, then managers edit only the fields they own and the required key is Required', () => {
    expect(behaviorOf('Edit')).toEqual(
      FLAG_FIELDS.filter(managerWrites)
        .map((contract) => contract.name)
        .sort(),
    );
    expect(behaviorOf('Required')).toEqual(product.fields.filter((field) => field.required).map((field) => field.name));
    expect(items.filter((item) => !['Edit', 'Required', 'Readonly'].includes(item.behavior ?? ''))).toEqual([]);
  });

  it('given field history is enabled, then the layout shows it so managers can see changes', () => {
    expect(listOf(body, 'relatedLists').map((list) => textOf(list, 'relatedList'))).toContain(
      'RelatedEntityHistoryList',
    );
  });
});
