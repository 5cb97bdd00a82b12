import { ApiError } from '../errors';
import type { SObjectType } from '../schema/catalog';
import type { FieldDef, StoredRecord } from '../schema/types';

/** A record as the sObject Rows resource returns it: `attributes`, then fields in describe order. */
export function recordJson(
  type: SObjectType,
  record: StoredRecord,
  version: string,
  fields: readonly FieldDef[] = type.fields,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: type.name, url: `/services/data/v${version}/sobjects/${type.name}/${String(record.Id)}` },
  };
  for (const f of fields) out[f.name] = record[f.name] ?? null;
  return out;
}

/** The fields of a `?fields=A,B` list, refused with INVALID_FIELD as a real org does. */
export function fieldList(type: SObjectType, list: string | undefined): FieldDef[] | undefined {
  if (list === undefined || list.trim() === '') return undefined;
  return list.split(',').map((name) => {
    const f = type.field(name.trim());
    if (!f) {
      throw new ApiError(
        400,
        'INVALID_FIELD',
        `No such column '${name.trim()}' on entity '${type.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    return f;
  });
}

/** The body of a request as an object of fields (a real org answers JSON_PARSER_ERROR otherwise). */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object of field values');
  }
  return body as Record<string, unknown>;
}
