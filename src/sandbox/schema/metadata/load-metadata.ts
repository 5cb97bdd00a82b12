import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { FieldDef } from '../types';
import { type CustomFieldXml, MetadataError, fieldFromMetadata } from './custom-field';

/**
 * Reads what the product adds to an org from the SFDX source in manifests/salesforce (the one
 * source of truth the deployed org is built from), so the sandbox never types it again.
 * Only the schema is read: `objects/<Object>/<Object>.object-meta.xml` and its `fields/`. What
 * the sandbox does not model (layouts, compact layouts, list views, permission sets, report
 * types, reports, dashboards) lies outside those paths and is never opened.
 */

/** Where manifests/salesforce lives, from src/sandbox/schema/metadata or its dist copy. */
export const DEFAULT_MANIFEST_DIR = resolve(__dirname, '../../../../manifests/salesforce');

/** Package directories read, in order (sfdx-project.json's paths with their main/default). */
export const PACKAGE_DIRS = ['force-app/main/default', 'reference-model/main/default'] as const;

export interface CustomObjectSpec {
  name: string;
  label: string;
  pluralLabel: string;
  nameField: { label: string; type: 'Text' | 'AutoNumber'; displayFormat?: string };
  enableActivities: boolean;
  fields: FieldDef[];
}

export interface MetadataExtensions {
  customObjects: CustomObjectSpec[];
  /** Custom fields on standard objects, keyed by object (`Activity` means Task and Event). */
  standardObjectFields: Map<string, FieldDef[]>;
}

interface CustomObjectXml {
  label?: string;
  pluralLabel?: string;
  enableActivities?: string;
  nameField?: { label?: string; type?: string; displayFormat?: string };
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'value',
});

function readXml<T>(file: string, root: string): T {
  const parsed = parser.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const element = parsed[root];
  if (typeof element !== 'object' || element === null) throw new MetadataError(file, `no <${root}> element`);
  return element as T;
}

export function loadMetadataExtensions(manifestDir: string = DEFAULT_MANIFEST_DIR): MetadataExtensions {
  const customObjects = new Map<string, CustomObjectSpec>();
  const standardObjectFields = new Map<string, FieldDef[]>();
  for (const pkg of PACKAGE_DIRS) {
    const objectsDir = join(manifestDir, pkg, 'objects');
    if (!existsSync(objectsDir)) continue;
    for (const objectName of readdirSync(objectsDir).sort()) {
      const fields = readFields(join(objectsDir, objectName, 'fields'));
      const objectFile = join(objectsDir, objectName, `${objectName}.object-meta.xml`);
      if (objectName.endsWith('__c') && existsSync(objectFile)) {
        const existing = customObjects.get(objectName);
        if (existing) existing.fields.push(...fields);
        else
          customObjects.set(
            objectName,
            customObject(objectName, readXml<CustomObjectXml>(objectFile, 'CustomObject'), fields, objectFile),
          );
      } else {
        standardObjectFields.set(objectName, [...(standardObjectFields.get(objectName) ?? []), ...fields]);
      }
    }
  }
  return { customObjects: [...customObjects.values()], standardObjectFields };
}

function readFields(fieldsDir: string): FieldDef[] {
  if (!existsSync(fieldsDir)) return [];
  return readdirSync(fieldsDir)
    .filter((f) => f.endsWith('.field-meta.xml'))
    .sort()
    .map((f) => {
      const file = join(fieldsDir, f);
      return fieldFromMetadata(readXml<CustomFieldXml>(file, 'CustomField'), file);
    });
}

function customObject(name: string, xml: CustomObjectXml, fields: FieldDef[], file: string): CustomObjectSpec {
  const nameType = xml.nameField?.type;
  if (nameType !== 'Text' && nameType !== 'AutoNumber') {
    throw new MetadataError(file, `nameField type '${String(nameType)}' is not supported by the sandbox`);
  }
  return {
    name,
    label: xml.label ?? name,
    pluralLabel: xml.pluralLabel ?? xml.label ?? name,
    nameField: { label: xml.nameField?.label ?? 'Name', type: nameType, displayFormat: xml.nameField?.displayFormat },
    enableActivities: xml.enableActivities?.trim() === 'true',
    fields,
  };
}
