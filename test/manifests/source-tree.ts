/**
 * The SFDX source tree of manifests/salesforce as a list of metadata components (type and
 * full name, as package.xml names them), derived from file names and folders the way the `sf`
 * CLI resolves source format. A file of a kind this list does not know is an error, so adding a
 * new kind of component means teaching the tests about it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const SALESFORCE_PROJECT_ROOT = join(__dirname, '..', '..', 'manifests', 'salesforce');

export type ComponentType =
  | 'CustomObject'
  | 'CustomField'
  | 'ListView'
  | 'CompactLayout'
  | 'Layout'
  | 'PermissionSet'
  | 'ReportType'
  | 'Report'
  | 'Dashboard';

export interface SourceComponent {
  type: ComponentType;
  /** As package.xml lists it: `Coaching_Flag__c.Status__c`, `Execution_Coach_Manager`. */
  fullName: string;
  path: string;
}

interface SourceRule {
  type: ComponentType;
  /** Matches the path below `main/default/`, split on `/`; returns the full name. */
  match: (parts: readonly string[]) => string | undefined;
}

/** `objects/<Object>/<folder>/<Name><suffix>` → `<Object>.<Name>`. */
function childOfObject(folder: string, suffix: string): SourceRule['match'] {
  return (parts) => {
    const [top, object, sub, file] = parts;
    if (parts.length !== 4 || top !== 'objects' || sub !== folder || !file?.endsWith(suffix)) return undefined;
    return `${object}.${file.slice(0, -suffix.length)}`;
  };
}

/** `<top>/<Name><suffix>` → `<Name>`. */
function topLevel(top: string, suffix: string): SourceRule['match'] {
  return ([dir, file, ...rest]) =>
    dir === top && rest.length === 0 && file?.endsWith(suffix) ? file.slice(0, -suffix.length) : undefined;
}

/**
 * Reports and dashboards live in folders: `<top>/<Folder><folderSuffix>` is the folder, listed
 * in package.xml under the same type by its bare name, and `<top>/<Folder>/<Name><suffix>` is
 * `<Folder>/<Name>`.
 */
function inFolder(top: string, folderSuffix: string, suffix: string): SourceRule['match'] {
  return ([dir, file, child, ...rest]) => {
    if (dir !== top || file === undefined || rest.length > 0) return undefined;
    if (child === undefined) return file.endsWith(folderSuffix) ? file.slice(0, -folderSuffix.length) : undefined;
    return child.endsWith(suffix) ? `${file}/${child.slice(0, -suffix.length)}` : undefined;
  };
}

const RULES: readonly SourceRule[] = [
  {
    type: 'CustomObject',
    match: ([top, object, file, ...rest]) =>
      top === 'objects' && rest.length === 0 && file === `${object}.object-meta.xml` ? object : undefined,
  },
  { type: 'CustomField', match: childOfObject('fields', '.field-meta.xml') },
  { type: 'ListView', match: childOfObject('listViews', '.listView-meta.xml') },
  { type: 'CompactLayout', match: childOfObject('compactLayouts', '.compactLayout-meta.xml') },
  {
    // Layout full names are `<Object>-<Layout Name>`, spaces included.
    type: 'Layout',
    match: ([top, file, ...rest]) =>
      top === 'layouts' && rest.length === 0 && file?.endsWith('.layout-meta.xml')
        ? file.slice(0, -'.layout-meta.xml'.length)
        : undefined,
  },
  { type: 'PermissionSet', match: topLevel('permissionsets', '.permissionset-meta.xml') },
  { type: 'ReportType', match: topLevel('reportTypes', '.reportType-meta.xml') },
  { type: 'Report', match: inFolder('reports', '.reportFolder-meta.xml', '.report-meta.xml') },
  { type: 'Dashboard', match: inFolder('dashboards', '.dashboardFolder-meta.xml', '.dashboard-meta.xml') },
];

export class UnknownSourceFileError extends Error {}

/** Every file below `dir`, recursively, as absolute paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** The components of one package directory (`force-app`, `reference-model`). */
export function componentsOf(projectRoot: string, packageDirectory: string): SourceComponent[] {
  const base = join(projectRoot, packageDirectory, 'main', 'default');
  return listFiles(base).map((path) => {
    const parts = relative(base, path).split(sep);
    for (const rule of RULES) {
      const fullName = rule.match(parts);
      if (fullName !== undefined) return { type: rule.type, fullName, path };
    }
    throw new UnknownSourceFileError(`${path}: not a component kind the manifest tests know`);
  });
}
