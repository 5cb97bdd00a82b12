/**
 * The product's objects and fields as the SFDX source in manifests/salesforce declares them,
 * parsed into plain records. Tests compare these with the write contract (write-contract.ts);
 * the connector's writer and the sandbox's describe can be compared with the same records.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { flagOf, listOf, readMetadataFile, textOf, type XmlNode } from './xml';
import { SALESFORCE_PROJECT_ROOT } from './source-tree';

export { SALESFORCE_PROJECT_ROOT };

export interface MetadataField {
  name: string;
  /** Metadata API type: `Text`, `Lookup`, `Picklist`, `Number`, `Percent`, `Date`, `LongTextArea`, `Checkbox`. */
  type: string;
  label: string | undefined;
  length?: number;
  precision?: number;
  scale?: number;
  externalId: boolean;
  unique: boolean;
  required: boolean;
  caseSensitive: boolean;
  picklistValues?: string[];
  restrictedPicklist?: boolean;
  defaultPicklistValue?: string;
  referenceTo?: string;
  relationshipName?: string;
  deleteConstraint?: string;
  /** Present on formula fields, which nobody writes. */
  formula?: string;
  defaultValue?: string;
  visibleLines?: number;
  trackHistory: boolean;
  description: string | undefined;
  inlineHelpText: string | undefined;
}

export interface ProductMetadata {
  /** API name of the flag object, `Coaching_Flag__c`. */
  object: string;
  label: string | undefined;
  pluralLabel: string | undefined;
  settings: XmlNode;
  fields: MetadataField[];
  /** Custom Activity fields of the product (Task and Event inherit them). */
  activityFields: MetadataField[];
}

const FLAG_OBJECT = 'Coaching_Flag__c';

function numberOf(node: XmlNode, name: string): number | undefined {
  const text = textOf(node, name);
  return text === undefined ? undefined : Number(text);
}

/** Copies the optional properties that are present, so absent ones stay absent (not undefined). */
function present<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Parses one `<Name>.field-meta.xml`. */
export function readField(path: string): MetadataField {
  const { body } = readMetadataFile(path);
  const name = textOf(body, 'fullName');
  const type = textOf(body, 'type');
  if (name === undefined || type === undefined) throw new Error(`${path}: a field needs fullName and type`);
  const valueSet = body['valueSet'] as XmlNode | undefined;
  const definition = valueSet?.['valueSetDefinition'] as XmlNode | undefined;
  const values = definition === undefined ? undefined : listOf(definition, 'value');
  return {
    name,
    type,
    label: textOf(body, 'label'),
    externalId: flagOf(body, 'externalId'),
    unique: flagOf(body, 'unique'),
    required: flagOf(body, 'required'),
    caseSensitive: flagOf(body, 'caseSensitive'),
    trackHistory: flagOf(body, 'trackHistory'),
    description: textOf(body, 'description'),
    inlineHelpText: textOf(body, 'inlineHelpText'),
    ...present({
      length: numberOf(body, 'length'),
      precision: numberOf(body, 'precision'),
      scale: numberOf(body, 'scale'),
      picklistValues: values?.map((value) => textOf(value, 'fullName') ?? ''),
      restrictedPicklist: valueSet === undefined ? undefined : flagOf(valueSet, 'restricted'),
      defaultPicklistValue: values?.find((value) => flagOf(value, 'default'))?.['fullName'] as string | undefined,
      referenceTo: textOf(body, 'referenceTo'),
      relationshipName: textOf(body, 'relationshipName'),
      deleteConstraint: textOf(body, 'deleteConstraint'),
      formula: textOf(body, 'formula'),
      defaultValue: textOf(body, 'defaultValue'),
      visibleLines: numberOf(body, 'visibleLines'),
    }),
  };
}

/** The custom fields of one object in one package directory (none when it has no folder). */
export function loadObjectFields(root: string, packageDirectory: string, object: string): MetadataField[] {
  const dir = join(root, packageDirectory, 'main', 'default', 'objects', object, 'fields');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.field-meta.xml'))
    .sort()
    .map((file) => readField(join(dir, file)));
}

export interface CustomObjectMetadata {
  /** API name, e.g. `Coaching_Scorecard__c`. */
  object: string;
  label: string | undefined;
  pluralLabel: string | undefined;
  settings: XmlNode;
  fields: MetadataField[];
}

/** One custom object of the `force-app` package directory: its settings and fields. */
export function loadCustomObject(object: string, root: string = SALESFORCE_PROJECT_ROOT): CustomObjectMetadata {
  const objectFile = join(root, 'force-app', 'main', 'default', 'objects', object, `${object}.object-meta.xml`);
  const { body } = readMetadataFile(objectFile);
  return {
    object,
    label: textOf(body, 'label'),
    pluralLabel: textOf(body, 'pluralLabel'),
    settings: body,
    fields: loadObjectFields(root, 'force-app', object),
  };
}

/** The flag object and the product's Activity fields, from the `force-app` package directory. */
export function loadProductMetadata(root: string = SALESFORCE_PROJECT_ROOT): ProductMetadata {
  return { ...loadCustomObject(FLAG_OBJECT, root), activityFields: loadObjectFields(root, 'force-app', 'Activity') };
}
