/**
 * Each package.xml lists every component of its package directory and nothing else, so
 * `sf project deploy start --manifest …` deploys what the source holds.
 */
import { join } from 'node:path';
import { listOf, readMetadataFile, textOf, textsOf } from './xml';
import { SALESFORCE_PROJECT_ROOT, UnknownSourceFileError, componentsOf } from './source-tree';

function manifestComponents(file: string): string[] {
  const { body } = readMetadataFile(join(SALESFORCE_PROJECT_ROOT, 'manifest', file));
  return listOf(body, 'types').flatMap((type) =>
    textsOf(type, 'members').map((member) => `${textOf(type, 'name')}:${member}`),
  );
}

function sourceComponents(packageDirectory: string): string[] {
  return componentsOf(SALESFORCE_PROJECT_ROOT, packageDirectory).map(
    (component) => `${component.type}:${component.fullName}`,
  );
}

const manifests = [
  ['package.xml', 'force-app'],
  ['reference-model.package.xml', 'reference-model'],
] as const;

describe('package.xml manifests', () => {
  it.each(manifests)('given %s, then it lists exactly the components of %s', (file, packageDirectory) => {
    expect(manifestComponents(file).sort()).toEqual(sourceComponents(packageDirectory).sort());
  });

  it.each(manifests)('given %s, then it lists no component twice', (file) => {
    const listed = manifestComponents(file);
    expect(listed.length).toBe(new Set(listed).size);
  });

  it('given the main manifest, then it deploys the objects, their fields, views, layouts, the task key, the permission sets, report types, reports and dashboard', () => {
    const types = new Set(manifestComponents('package.xml').map((component) => component.split(':')[0]));
    expect([...types].sort()).toEqual([
      'CompactLayout',
      'CustomField',
      'CustomObject',
      'Dashboard',
      'Layout',
      'ListView',
      'PermissionSet',
      'Report',
      'ReportType',
    ]);
    expect(manifestComponents('package.xml')).toEqual(
      expect.arrayContaining([
        'CustomField:Activity.Coaching_Key__c',
        'CustomObject:Coaching_Flag__c',
        'CustomObject:Coaching_Scorecard__c',
        'CustomObject:Coaching_Effectiveness__c',
        'PermissionSet:Execution_Coach_Salesperson',
      ]),
    );
  });

  it('given the report and dashboard folders, then package.xml names each folder by its bare name, as the Metadata API does', () => {
    const listed = manifestComponents('package.xml');
    expect(listed.filter((component) => /^(Report|Dashboard):[^/]+$/.test(component)).sort()).toEqual([
      'Dashboard:Execution_Coach',
      'Report:Execution_Coach',
    ]);
  });

  it('given a file of a kind the tests do not know, when the source is listed, then it is reported', () => {
    const fixtures = join(__dirname, 'fixtures', 'unknown-kind');
    expect(() => componentsOf(fixtures, 'force-app')).toThrow(UnknownSourceFileError);
  });
});
