/**
 * The SFDX source resolves and converts with Salesforce's own library, offline: the library
 * behind `sf project deploy` (@salesforce/source-deploy-retrieve) reads every file of
 * force-app, names each component as package.xml must, and converts the project to Metadata API
 * format. That catches what the hand-written tests here cannot: a wrong folder, suffix or
 * component structure that `sf` would refuse before even reaching the org. It does not check
 * what only an org knows (field references in reports and dashboards, enum values).
 *
 * The library is not a dependency of the product (it pins a @salesforce/core and jsforce
 * other than the connector's, and on Node 20 needs an undici override), so it lives in a package
 * of its own, tools/sfdx-check (`npm ci --prefix tools/sfdx-check`), which CI installs; the folder
 * SFDX_LIBRARY_DIR names is looked in first. Without it the suite is skipped and says so in its
 * name, except under CI, where a missing library fails: the check must not silently stop running.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listOf, readMetadataFile, textOf, textsOf } from './xml';
import { SALESFORCE_PROJECT_ROOT } from './source-tree';

interface SourceComponentLike {
  fullName: string;
  type: { name: string };
}
interface ComponentSetLike {
  getSourceComponents(): { toArray(): SourceComponentLike[] };
}
interface SourceDeployRetrieve {
  ComponentSet: {
    fromSource(path: string): ComponentSetLike;
    fromManifest(options: { manifestPath: string; resolveSourcePaths: string[] }): Promise<ComponentSetLike>;
  };
  MetadataConverter: new () => {
    convert(
      components: ComponentSetLike,
      format: 'metadata',
      output: { type: 'directory'; outputDirectory: string },
    ): Promise<unknown>;
  };
}

const LIBRARY = '@salesforce/source-deploy-retrieve';

function findLibrary(): SourceDeployRetrieve | undefined {
  const places = [process.env['SFDX_LIBRARY_DIR'], join(__dirname, '..', '..', 'tools', 'sfdx-check')].filter(
    (place): place is string => place !== undefined && place !== '',
  );
  for (const place of places) {
    const load = createRequire(join(place, 'package.json'));
    try {
      return load(LIBRARY) as SourceDeployRetrieve;
    } catch {
      // not installed there
    }
  }
  return undefined;
}

const sdr = findLibrary();
const inCi = process.env['CI'] === 'true';
const describeWithLibrary = sdr === undefined && !inCi ? describe.skip : describe;
const FORCE_APP = join(SALESFORCE_PROJECT_ROOT, 'force-app');

function packageXmlComponents(): string[] {
  const { body } = readMetadataFile(join(SALESFORCE_PROJECT_ROOT, 'manifest', 'package.xml'));
  return listOf(body, 'types').flatMap((type) =>
    textsOf(type, 'members').map((member) => `${textOf(type, 'name')}:${member}`),
  );
}

/** Folders are ReportFolder/DashboardFolder components; package.xml lists them under Report/Dashboard. */
const FOLDER_TYPES: Readonly<Record<string, string>> = { ReportFolder: 'Report', DashboardFolder: 'Dashboard' };
const describeName = sdr === undefined ? `${LIBRARY} (skipped: not installed; see this file)` : LIBRARY;

describeWithLibrary(describeName, () => {
  const library = sdr as SourceDeployRetrieve;

  it('given CI, then the library is installed (tools/sfdx-check), so this check runs', () => {
    expect(sdr).toBeDefined();
  });

  it('given force-app, when the library resolves it offline, then it finds every component package.xml lists, under the same names', () => {
    const resolved = library.ComponentSet.fromSource(FORCE_APP)
      .getSourceComponents()
      .toArray()
      .map((component) => `${FOLDER_TYPES[component.type.name] ?? component.type.name}:${component.fullName}`);
    // The library resolves an object's fields, list views and compact layouts as children of the
    // object; package.xml names each.
    const topLevel = packageXmlComponents().filter(
      (component) =>
        !/^(CustomField|ListView|CompactLayout):/.test(component) || component.startsWith('CustomField:Activity.'),
    );
    expect(resolved.sort()).toEqual(topLevel.sort());
  });

  it('given package.xml, when the library reads it against force-app, then every member resolves to a source file', async () => {
    const set = await library.ComponentSet.fromManifest({
      manifestPath: join(SALESFORCE_PROJECT_ROOT, 'manifest', 'package.xml'),
      resolveSourcePaths: [FORCE_APP],
    });
    const types = new Set(
      set
        .getSourceComponents()
        .toArray()
        .map((component) => component.type.name),
    );
    expect([...types].sort()).toEqual(
      expect.arrayContaining(['CustomObject', 'Dashboard', 'DashboardFolder', 'Report', 'ReportFolder', 'ReportType']),
    );
  });

  it('given force-app, when converted to Metadata API format, then the conversion succeeds', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sfdx-convert-'));
    try {
      await new library.MetadataConverter().convert(library.ComponentSet.fromSource(FORCE_APP), 'metadata', {
        type: 'directory',
        outputDirectory: out,
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
