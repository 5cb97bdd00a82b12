/**
 * The report types, reports and dashboard deployed from manifests/salesforce hang together the
 * way the org checks only at deploy time: every report names a report type of the project,
 * every field a report names (columns, groupings, filters, chart) is one that report type
 * exposes and its object has, every report type exposes the whole write contract, and every
 * dashboard component names a report of the folder and charts one of its groupings.
 * Reports on a custom report type name it `<ReportType>__c` and its fields `<Object>$<Field>`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  EFFECTIVENESS_FIELDS,
  EFFECTIVENESS_OBJECT,
  FLAG_FIELDS,
  FLAG_OBJECT,
  OPEN_FLAG_STATUSES,
  SCORECARD_FIELDS,
  SCORECARD_OBJECT,
  type ContractField,
} from './write-contract';
import { loadCustomObject } from './metadata';
import { SALESFORCE_PROJECT_ROOT, componentsOf } from './source-tree';
import { readMetadataFile, textOf, type XmlNode } from './xml';

const SOURCE = join(SALESFORCE_PROJECT_ROOT, 'force-app', 'main', 'default');
const FOLDER = 'Execution_Coach';
/** Standard fields every custom object has, which are not in the source. */
const STANDARD_FIELDS = new Set(['Id', 'Name', 'CreatedDate', 'CreatedBy', 'LastModifiedDate', 'LastModifiedBy']);
/** Report column names that are not fields. */
const PSEUDO_COLUMNS = new Set(['RowCount']);

const CONTRACTS: ReadonlyArray<readonly [object: string, contract: readonly ContractField[]]> = [
  [SCORECARD_OBJECT, SCORECARD_FIELDS],
  [FLAG_OBJECT, FLAG_FIELDS],
  [EFFECTIVENESS_OBJECT, EFFECTIVENESS_FIELDS],
];
const objectFields = new Map(
  CONTRACTS.map(([object]) => [object, new Set(loadCustomObject(object).fields.map((field) => field.name))]),
);

interface ReportTypeSource {
  name: string;
  baseObject: string | undefined;
  category: string | undefined;
  deployed: string | undefined;
  /** `table.field` of every column of every section. */
  columns: string[];
}

const components = componentsOf(SALESFORCE_PROJECT_ROOT, 'force-app');
const namesOf = (type: string) => components.filter((c) => c.type === type).map((c) => c.fullName);

const reportTypes: ReportTypeSource[] = namesOf('ReportType').map((name) => {
  const { body } = readMetadataFile(join(SOURCE, 'reportTypes', `${name}.reportType-meta.xml`));
  const sections = body['sections'];
  const list = (Array.isArray(sections) ? sections : [sections]) as XmlNode[];
  return {
    name,
    baseObject: textOf(body, 'baseObject'),
    category: textOf(body, 'category'),
    deployed: textOf(body, 'deployed'),
    columns: list.flatMap((section) => {
      const columns = section['columns'];
      return ((Array.isArray(columns) ? columns : [columns]) as XmlNode[]).map(
        (column) => `${textOf(column, 'table') ?? ''}.${textOf(column, 'field') ?? ''}`,
      );
    }),
  };
});
const reportTypeOf = (reference: string | undefined) => reportTypes.find((type) => `${type.name}__c` === reference);

/** One element or a list of them, as a list (the shared parser only knows the repeated elements of other kinds). */
function many(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}
function texts(node: XmlNode | undefined, name: string): string[] {
  const value = node?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

interface ReportSource {
  fullName: string;
  name: string | undefined;
  format: string | undefined;
  reportType: string | undefined;
  columns: Array<{ field: string; aggregates: string[] }>;
  groupings: string[];
  filters: Array<{ column: string; operator: string; value: string }>;
  chart: { type: string | undefined; grouping: string[]; summaries: string[] };
  timeFrame: string | undefined;
}

const reports: ReportSource[] = namesOf('Report')
  .filter((name) => name.includes('/'))
  .map((fullName) => {
    const { body } = readMetadataFile(join(SOURCE, 'reports', `${fullName}.report-meta.xml`));
    const chart = body['chart'] as XmlNode | undefined;
    const timeFrame = body['timeFrameFilter'] as XmlNode | undefined;
    return {
      fullName,
      name: textOf(body, 'name'),
      format: textOf(body, 'format'),
      reportType: textOf(body, 'reportType'),
      columns: many(body, 'columns').map((column) => ({
        field: textOf(column, 'field') ?? '',
        aggregates: texts(column, 'aggregateTypes'),
      })),
      groupings: many(body, 'groupingsDown').map((grouping) => textOf(grouping, 'field') ?? ''),
      filters: many(body['filter'] as XmlNode | undefined, 'criteriaItems').map((item) => ({
        column: textOf(item, 'column') ?? '',
        operator: textOf(item, 'operator') ?? '',
        value: textOf(item, 'value') ?? '',
      })),
      chart: {
        type: chart === undefined ? undefined : textOf(chart, 'chartType'),
        grouping: [textOf(chart ?? {}, 'groupingColumn'), textOf(chart ?? {}, 'secondaryGroupingColumn')].filter(
          (column): column is string => column !== undefined,
        ),
        summaries: many(chart, 'chartSummaries').map((summary) => textOf(summary, 'column') ?? ''),
      },
      timeFrame: timeFrame === undefined ? undefined : textOf(timeFrame, 'dateColumn'),
    };
  });
const reportNamed = (fullName: string) => reports.find((report) => report.fullName === fullName);

/** Every field reference of a report: columns, groupings, filters, the time frame and the chart. */
function referencesOf(report: ReportSource): string[] {
  return [
    ...report.columns.map((column) => column.field),
    ...report.groupings,
    ...report.filters.map((filter) => filter.column),
    ...(report.timeFrame === undefined ? [] : [report.timeFrame]),
    ...report.chart.grouping,
    ...report.chart.summaries,
  ].filter((reference) => !PSEUDO_COLUMNS.has(reference));
}

describe('report types', () => {
  it('given the project, then there is one custom report type on each of the three objects', () => {
    expect(reportTypes.map((type) => type.baseObject).sort()).toEqual(
      [EFFECTIVENESS_OBJECT, FLAG_OBJECT, SCORECARD_OBJECT].sort(),
    );
  });

  it.each(reportTypes.map((type) => [type.name, type] as const))(
    'given %s, then it is deployed under Other Reports',
    (_name, type) => {
      expect([type.deployed, type.category]).toEqual(['true', 'other']);
    },
  );

  it.each(CONTRACTS)('given the report type on %s, then it exposes every contract field, once', (object, contract) => {
    const type = reportTypes.find((candidate) => candidate.baseObject === object);
    expect(type).toBeDefined();
    const columns = type?.columns ?? [];
    expect(contract.map((field) => `${object}.${field.name}`).filter((column) => !columns.includes(column))).toEqual(
      [],
    );
    expect(columns.length).toBe(new Set(columns).size);
  });

  it.each(reportTypes.map((type) => [type.name, type] as const))(
    'given %s, then every column is a field of its base object',
    (_name, type) => {
      const fields = objectFields.get(type.baseObject ?? '') ?? new Set<string>();
      expect(
        type.columns.filter((column) => {
          const [table, field = ''] = column.split('.');
          return table !== type.baseObject || !(fields.has(field) || STANDARD_FIELDS.has(field));
        }),
      ).toEqual([]);
    },
  );
});

describe('reports in the Execution_Coach folder', () => {
  it('given the folder, then it holds the three reports, with developer names a URL can carry', () => {
    expect(existsSync(join(SOURCE, 'reports', `${FOLDER}.reportFolder-meta.xml`))).toBe(true);
    expect(reports.map((report) => [report.fullName, report.name])).toEqual([
      [`${FOLDER}/Coaching_Effectiveness_By_Manager`, 'Coaching effectiveness by manager'],
      [`${FOLDER}/My_Team_Funnel_This_Month`, "My team's funnel this month"],
      [`${FOLDER}/Open_Flags_By_Diagnosis`, 'Open flags by diagnosis'],
    ]);
    expect(reports.map((report) => report.fullName).filter((name) => !/^\w+\/[A-Za-z]\w*$/.test(name))).toEqual([]);
  });

  it.each(reports.map((report) => [report.fullName, report] as const))(
    'given %s, then its report type is one of the project, named with __c',
    (_name, report) => {
      expect(reportTypeOf(report.reportType)).toBeDefined();
    },
  );

  it.each(reports.map((report) => [report.fullName, report] as const))(
    'given %s, then every field it names is <object>$<field>, exposed by its report type and present on the object',
    (_name, report) => {
      const type = reportTypeOf(report.reportType);
      const bad = referencesOf(report).filter((reference) => {
        const [table = '', field = '', ...rest] = reference.split('$');
        return (
          rest.length > 0 ||
          type === undefined ||
          table !== type.baseObject ||
          !type.columns.includes(`${table}.${field}`) ||
          !(objectFields.get(table)?.has(field) || STANDARD_FIELDS.has(field))
        );
      });
      expect(bad).toEqual([]);
    },
  );

  it.each(reports.map((report) => [report.fullName, report] as const))(
    'given %s, then it is a summary report whose chart plots one of its groupings',
    (_name, report) => {
      expect(report.format).toBe('Summary');
      expect(report.groupings.length).toBeGreaterThan(0);
      expect(report.chart.grouping.length).toBeGreaterThan(0);
      expect(report.chart.grouping.filter((column) => !report.groupings.includes(column))).toEqual([]);
      expect(report.chart.summaries.length).toBeGreaterThan(0);
    },
  );

  it("given my team's funnel, then it sums every step from Leads to Sold, the goal and expected-by-now, per manager and salesperson, over this month's month-to-date scorecards", () => {
    const report = reportNamed(`${FOLDER}/My_Team_Funnel_This_Month`);
    const field = (name: string) => `${SCORECARD_OBJECT}$${name}`;
    const summed = [
      'Leads__c',
      'Attempts__c',
      'Contacts__c',
      'Appointments_Set__c',
      'Appointments_Shown__c',
      'Needs_Analyses__c',
      'Demos__c',
      'Write_Ups__c',
      'Sold__c',
      'Goal__c',
      'Expected_By_Now__c',
    ];
    expect(report?.groupings).toEqual([field('Manager__c'), field('Salesperson__c')]);
    expect(report?.columns.filter((column) => column.aggregates.includes('Sum')).map((c) => c.field)).toEqual(
      summed.map(field),
    );
    expect(report?.columns.map((column) => column.field)).toEqual(
      expect.arrayContaining([field('Pace__c'), field('Today_Needs__c')]),
    );
    expect(report?.filters).toEqual([{ column: field('Period__c'), operator: 'equals', value: 'Month to date' }]);
    expect(SCORECARD_FIELDS.find((f) => f.name === 'Period__c')?.picklistValues).toContain('Month to date');
    expect(report?.timeFrame).toBe(field('Period_Start__c'));
  });

  it('given open flags by diagnosis, then it keeps the open statuses and groups by diagnosis, then measure', () => {
    const report = reportNamed(`${FOLDER}/Open_Flags_By_Diagnosis`);
    const field = (name: string) => `${FLAG_OBJECT}$${name}`;
    expect(report?.groupings).toEqual([field('Diagnosis__c'), field('Measure__c')]);
    expect(report?.filters).toEqual([
      { column: field('Status__c'), operator: 'equals', value: OPEN_FLAG_STATUSES.join(',') },
    ]);
  });

  it('given coaching effectiveness by manager, then it sums the four counts per manager and month and shows the improved share', () => {
    const report = reportNamed(`${FOLDER}/Coaching_Effectiveness_By_Manager`);
    const field = (name: string) => `${EFFECTIVENESS_OBJECT}$${name}`;
    expect(report?.groupings).toEqual([field('Manager__c'), field('Month__c')]);
    expect(report?.columns.filter((column) => column.aggregates.includes('Sum')).map((c) => c.field)).toEqual(
      ['Committed__c', 'Improved__c', 'Not_Improved__c', 'Waiting__c'].map(field),
    );
    expect(report?.columns.find((column) => column.field === field('Improved_Share__c'))?.aggregates).toEqual([]);
    expect(report?.filters).toEqual([{ column: field('Scope__c'), operator: 'equals', value: 'Manager' }]);
  });
});

describe('the Execution Coach dashboard', () => {
  const path = join(SOURCE, 'dashboards', FOLDER, 'Execution_Coach_Dashboard.dashboard-meta.xml');
  const { body, text } = readMetadataFile(path);
  const layout = body['dashboardGridLayout'] as XmlNode | undefined;
  const dashboardComponents = many(layout, 'dashboardGridComponents').map((grid) => {
    const component = grid['dashboardComponent'] as XmlNode;
    return {
      type: textOf(component, 'componentType'),
      report: textOf(component, 'report') ?? '',
      grouping: texts(component, 'groupingColumn'),
      summaries: many(component, 'chartSummary').map((summary) => textOf(summary, 'column') ?? ''),
    };
  });

  it('given the folder, then the dashboard is a Lightning (grid) dashboard in the Execution_Coach dashboard folder', () => {
    expect(existsSync(join(SOURCE, 'dashboards', `${FOLDER}.dashboardFolder-meta.xml`))).toBe(true);
    expect(textOf(body, 'isGridLayout')).toBe('true');
    expect(textOf(body, 'title')).toBeTruthy();
  });

  it('given its type, then it runs as the viewer or a named user, and a comment says why', () => {
    expect(['LoggedInUser', 'SpecifiedUser']).toContain(textOf(body, 'dashboardType'));
    expect(text).toMatch(/<!--[\s\S]*(LoggedInUser|SpecifiedUser)[\s\S]*-->/);
  });

  it('given its components, then there is one per report: a bar for the funnel, a donut for the flags, a bar for effectiveness', () => {
    expect(dashboardComponents.map((component) => [component.report, component.type])).toEqual([
      [`${FOLDER}/My_Team_Funnel_This_Month`, 'BarStacked'],
      [`${FOLDER}/Open_Flags_By_Diagnosis`, 'Donut'],
      [`${FOLDER}/Coaching_Effectiveness_By_Manager`, 'Bar'],
    ]);
  });

  it.each(dashboardComponents.map((component) => [component.report, component] as const))(
    'given the component on %s, then the report is in the folder and the component charts its groupings and fields',
    (_name, component) => {
      const report = reportNamed(component.report);
      expect(report).toBeDefined();
      expect(component.grouping.length).toBeGreaterThan(0);
      expect(component.grouping.filter((column) => !report?.groupings.includes(column))).toEqual([]);
      const columns = report?.columns.map((column) => column.field) ?? [];
      expect(component.summaries.filter((column) => !PSEUDO_COLUMNS.has(column) && !columns.includes(column))).toEqual(
        [],
      );
    },
  );
});
