import { ApiError } from '../errors';
import type { FieldDef, FieldValue } from '../schema/types';
import { canonicalDateTime, isDateString } from '../time/datetime';

/**
 * Turns a JSON value sent by a client into the stored form of a field, rejecting what a real
 * org's JSON deserialiser rejects (JSON_PARSER_ERROR) and what its field rules reject
 * (STRING_TOO_LONG, INVALID_EMAIL_ADDRESS, NUMBER_OUTSIDE_VALID_RANGE).
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function coerceValue(field: FieldDef, raw: unknown): FieldValue {
  if (raw === null || raw === undefined) return null;
  switch (field.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw parserError('boolean', raw);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return coerceNumber(field, raw);
    case 'date':
      if (typeof raw === 'string' && isDateString(raw)) return raw;
      throw parserError('date', raw);
    case 'datetime': {
      const canonical = typeof raw === 'string' ? canonicalDateTime(raw) : null;
      if (canonical === null) throw parserError('datetime', raw);
      return canonical;
    }
    default:
      return coerceText(field, raw);
  }
}

function coerceNumber(field: FieldDef, raw: unknown): number {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw parserError(field.type === 'int' ? 'int' : 'double', raw);
  if (field.type === 'int' && !Number.isInteger(value)) throw parserError('int', raw);
  const integerDigits = field.precision - field.scale;
  if (field.type !== 'int' && field.precision > 0 && Math.abs(value) >= 10 ** integerDigits) {
    throw new ApiError(
      400,
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${field.label}: value outside of valid range on numeric field: ${value}`,
      [field.name],
    );
  }
  return value;
}

function coerceText(field: FieldDef, raw: unknown): string {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') throw parserError('String', raw);
  const value = String(raw);
  if (field.type !== 'id' && field.type !== 'reference' && field.length > 0 && value.length > field.length) {
    throw new ApiError(
      400,
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${value.slice(0, 80)} (max length=${field.length})`,
      [field.name],
    );
  }
  if (field.type === 'email' && value !== '' && !EMAIL.test(value)) {
    throw new ApiError(400, 'INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${value}`, [field.name]);
  }
  return value;
}

function parserError(typeName: string, raw: unknown): ApiError {
  const shown = typeof raw === 'string' ? raw : JSON.stringify(raw);
  return new ApiError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${typeName} from VALUE_STRING value ${shown} or request may be missing a required field`,
  );
}
