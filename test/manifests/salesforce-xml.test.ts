/**
 * Every XML file of the SFDX project is well-formed metadata of the kind its suffix promises,
 * in the metadata namespace, and the project targets API version 62.0.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { METADATA_NAMESPACE, XML_PROLOG, MalformedXmlError, readMetadataFile, textOf } from './xml';
import { SALESFORCE_PROJECT_ROOT, listFiles } from './source-tree';

const API_VERSION = '62.0';

/** Root element each file suffix must carry. */
const ROOT_BY_SUFFIX: ReadonlyArray<readonly [suffix: string, root: string]> = [
  ['.object-meta.xml', 'CustomObject'],
  ['.field-meta.xml', 'CustomField'],
  ['.listView-meta.xml', 'ListView'],
  ['.compactLayout-meta.xml', 'CompactLayout'],
  ['.layout-meta.xml', 'Layout'],
  ['.permissionset-meta.xml', 'PermissionSet'],
  ['.reportType-meta.xml', 'ReportType'],
  ['.reportFolder-meta.xml', 'ReportFolder'],
  ['.report-meta.xml', 'Report'],
  ['.dashboardFolder-meta.xml', 'DashboardFolder'],
  ['.dashboard-meta.xml', 'Dashboard'],
  ['package.xml', 'Package'],
];

function expectedRoot(path: string): string | undefined {
  return ROOT_BY_SUFFIX.find(([suffix]) => basename(path).endsWith(suffix))?.[1];
}

const xmlFiles = listFiles(SALESFORCE_PROJECT_ROOT).filter((path) => path.endsWith('.xml'));
const cases = xmlFiles.map((path) => [relative(SALESFORCE_PROJECT_ROOT, path), path] as const);

describe('Salesforce metadata XML', () => {
  it('given the project, then it holds the objects, fields, views, layouts, permission sets, reports, dashboard and manifests', () => {
    expect(xmlFiles.length).toBeGreaterThanOrEqual(90);
  });

  it.each(cases)('given %s, then it is well-formed metadata of the kind its suffix names', (_name, path) => {
    const document = readMetadataFile(path);

    expect(document.text.startsWith(`${XML_PROLOG}\n`)).toBe(true);
    expect(document.rootName).toBe(expectedRoot(path));
    expect(document.namespace).toBe(METADATA_NAMESPACE);
  });

  it.each(cases.filter(([name]) => name.endsWith('package.xml')))(
    'given the manifest %s, then it targets API version 62.0',
    (_name, path) => {
      expect(textOf(readMetadataFile(path).body, 'version')).toBe(API_VERSION);
    },
  );

  it('given a file with mismatched tags, when read, then the reader rejects it', () => {
    const broken = join(__dirname, 'fixtures', 'broken.field-meta.xml');
    expect(() => readMetadataFile(broken)).toThrow(MalformedXmlError);
  });
});

describe('sfdx-project.json', () => {
  const project = JSON.parse(readFileSync(join(SALESFORCE_PROJECT_ROOT, 'sfdx-project.json'), 'utf8')) as {
    name: string;
    namespace: string;
    sourceApiVersion: string;
    packageDirectories: Array<{ path: string; default?: boolean }>;
  };

  it('given the project file, then it targets API 62.0 with no namespace', () => {
    expect(project).toMatchObject({ name: 'execution-coach', namespace: '', sourceApiVersion: API_VERSION });
  });

  it('given the package directories, then force-app is the default and reference-model is the optional second', () => {
    expect(project.packageDirectories.map((dir) => [dir.path, dir.default === true])).toEqual([
      ['force-app', true],
      ['reference-model', false],
    ]);
  });
});
