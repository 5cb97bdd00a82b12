import type { FieldDef } from '../types';
import { field, picklistValue } from '../field-builders';

/**
 * Maps an SFDX `CustomField` (as parsed from *.field-meta.xml) to the field describe reports
 * for it once deployed: Text → string, LongTextArea → textarea, Number → double (also at
 * scale 0), Percent → percent (a number of percent, 0 to 100 for a share: 62.5 means 62.5%,
 * as a real org stores it), Checkbox → boolean, Lookup → reference whose relationship is
 * `<Name>__r`, and a formula makes the field calculated and read-only.
 */

/** The CustomField element with every leaf as a string (the parser keeps text untyped). */
export interface CustomFieldXml {
  fullName?: string;
  label?: string;
  type?: string;
  length?: string;
  precision?: string;
  scale?: string;
  externalId?: string;
  unique?: string;
  required?: string;
  caseSensitive?: string;
  defaultValue?: string;
  formula?: string;
  referenceTo?: string;
  relationshipName?: string;
  valueSet?: {
    restricted?: string;
    valueSetDefinition?: { value?: Array<{ fullName?: string; default?: string; label?: string }> };
  };
}

const isTrue = (value: string | undefined): boolean => value?.trim().toLowerCase() === 'true';
const num = (value: string | undefined, fallback: number): number => (value === undefined ? fallback : Number(value));

export class MetadataError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'MetadataError';
  }
}

export function fieldFromMetadata(xml: CustomFieldXml, file: string): FieldDef {
  const name = xml.fullName;
  if (!name) throw new MetadataError(file, 'CustomField has no fullName');
  const label = xml.label ?? name;
  const formula = xml.formula !== undefined;
  const common = {
    nillable: !isTrue(xml.required),
    externalId: isTrue(xml.externalId),
    unique: isTrue(xml.unique),
    caseSensitive: isTrue(xml.caseSensitive),
    idLookup: isTrue(xml.externalId) || isTrue(xml.unique),
    ...(formula ? { calculated: true, createable: false, updateable: false, nillable: true } : {}),
  };
  switch (xml.type) {
    case 'Text':
      return field(name, label, 'string', { ...common, length: num(xml.length, 255) });
    case 'TextArea':
      return field(name, label, 'textarea', { ...common, length: 255 });
    case 'LongTextArea':
    case 'Html':
      return field(name, label, 'textarea', { ...common, length: num(xml.length, 32768) });
    case 'Email':
      return field(name, label, 'email', { ...common, length: 80 });
    case 'Phone':
      return field(name, label, 'phone', { ...common, length: 40 });
    case 'Url':
      return field(name, label, 'url', { ...common, length: 255 });
    case 'Number':
    case 'Currency':
    case 'Percent':
      return field(name, label, xml.type === 'Number' ? 'double' : xml.type === 'Currency' ? 'currency' : 'percent', {
        ...common,
        precision: num(xml.precision, 18),
        scale: num(xml.scale, 0),
      });
    case 'Checkbox':
      return field(name, label, 'boolean', {
        ...common,
        nillable: false,
        defaultedOnCreate: !formula,
        defaultValue: isTrue(xml.defaultValue),
      });
    case 'Date':
      return field(name, label, 'date', common);
    case 'DateTime':
      return field(name, label, 'datetime', common);
    case 'Picklist':
      return picklistFromMetadata(name, label, xml, common);
    case 'Lookup':
    case 'MasterDetail':
      if (!xml.referenceTo) throw new MetadataError(file, `${name} is a ${xml.type} without referenceTo`);
      return field(name, label, 'reference', {
        ...common,
        length: 18,
        referenceTo: [xml.referenceTo],
        relationshipName: `${name.replace(/__c$/, '')}__r`,
        ...(xml.relationshipName ? { childRelationshipName: `${xml.relationshipName}__r` } : {}),
      });
    default:
      throw new MetadataError(file, `field type '${String(xml.type)}' of ${name} is not supported by the sandbox`);
  }
}

function picklistFromMetadata(name: string, label: string, xml: CustomFieldXml, common: Partial<FieldDef>): FieldDef {
  const values = xml.valueSet?.valueSetDefinition?.value ?? [];
  const defaultValue = values.find((v) => isTrue(v.default))?.fullName ?? null;
  return field(name, label, 'picklist', {
    ...common,
    length: 255,
    restrictedPicklist: isTrue(xml.valueSet?.restricted),
    picklistValues: values.map((v) => picklistValue(v.fullName ?? '', isTrue(v.default), v.label ?? v.fullName ?? '')),
    defaultedOnCreate: defaultValue !== null,
    defaultValue,
  });
}
