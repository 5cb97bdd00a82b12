/**
 * Reading Salesforce metadata XML for the manifest tests: one parser configuration, so every
 * test sees the same shapes. Values stay strings (the metadata API's own typing is applied by
 * the readers that know each field), and the elements that may repeat are always arrays, so a
 * file with one picklist value reads like a file with five.
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
export const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>';

/** Element paths that may occur more than once in the metadata types these manifests use. */
const REPEATED_ELEMENTS = new Set([
  'Package.types',
  'Package.types.members',
  'CustomField.valueSet.valueSetDefinition.value',
  'ListView.columns',
  'ListView.filters',
  'CompactLayout.fields',
  'Layout.layoutSections',
  'Layout.layoutSections.layoutColumns',
  'Layout.layoutSections.layoutColumns.layoutItems',
  'Layout.relatedLists',
  'PermissionSet.fieldPermissions',
  'PermissionSet.objectPermissions',
  'PermissionSet.userPermissions',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, path) => REPEATED_ELEMENTS.has(String(path)),
});

/** A parsed element: child elements by name, text as strings, attributes under `@_`. */
export type XmlNode = { readonly [name: string]: unknown };

export interface MetadataDocument {
  /** Name of the root element, e.g. `CustomField`. */
  rootName: string;
  /** Value of the root element's xmlns attribute. */
  namespace: string | undefined;
  body: XmlNode;
  text: string;
}

export class MalformedXmlError extends Error {}

/** Parses one metadata file; throws MalformedXmlError when it is not well-formed XML. */
export function readMetadataFile(path: string): MetadataDocument {
  const text = readFileSync(path, 'utf8');
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new MalformedXmlError(`${path}:${line}:${col}: ${msg}`);
  }
  const parsed = parser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(parsed).filter((key) => !key.startsWith('?'));
  if (roots.length !== 1 || roots[0] === undefined) {
    throw new MalformedXmlError(`${path}: expected one root element, found ${roots.length}`);
  }
  const rootName = roots[0];
  const body = (parsed[rootName] ?? {}) as XmlNode;
  const namespace = typeof body['@_xmlns'] === 'string' ? body['@_xmlns'] : undefined;
  return { rootName, namespace, body, text };
}

/** The text of a child element, or undefined when absent. */
export function textOf(node: XmlNode, name: string): string | undefined {
  const value = node[name];
  return typeof value === 'string' ? value : undefined;
}

/** The children of a repeated element (always parsed as an array). */
export function listOf(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** The texts of a repeated element whose items are plain text (`<columns>`, `<members>`). */
export function textsOf(node: XmlNode, name: string): string[] {
  const value = node[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `true`/`false` text as a boolean; absent means false, as the metadata API defaults it. */
export function flagOf(node: XmlNode, name: string): boolean {
  return textOf(node, name) === 'true';
}
