import { type Query, parseQuery } from '@jetstreamapp/soql-parser-js';
import { locate, queryError } from './soql-error';

/**
 * Parses SOQL with a real SOQL parser and turns its failures into Salesforce's
 * MALFORMED_QUERY ("unexpected token: X"), with the excerpt pointing at X.
 */

/** chevrotain says "but found: 'X'" (or unquoted after "Redundant input"). */
const FOUND = /but found: (?:'([^']*)'|(\S+))/;

export function parseSoql(soql: string): Query {
  if (soql.trim() === '') throw queryError('MALFORMED_QUERY', soql, 'unexpected token: <EOF>');
  try {
    return parseQuery(soql);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const m = FOUND.exec(text);
    const token = m?.[1] ?? m?.[2] ?? '';
    if (token === '') {
      const lines = soql.split('\n');
      const lastLine = lines[lines.length - 1] ?? '';
      return throwError(soql, 'unexpected token: <EOF>', { row: lines.length, column: lastLine.length + 1 });
    }
    return throwError(soql, `unexpected token: ${token}`, locateLast(soql, token));
  }
}

function throwError(soql: string, reason: string, at: ReturnType<typeof locate>): never {
  throw queryError('MALFORMED_QUERY', soql, reason, at);
}

/** Parser errors concern the latest occurrence in practice (the query went wrong late). */
function locateLast(soql: string, token: string): ReturnType<typeof locate> {
  let found = locate(soql, token);
  for (let next = found; next;) {
    found = next;
    const offset = offsetOf(soql, next);
    next = locate(soql, token, offset + token.length);
  }
  return found;
}

function offsetOf(soql: string, at: { row: number; column: number }): number {
  const lines = soql.split('\n');
  let offset = 0;
  for (let i = 0; i < at.row - 1; i++) offset += (lines[i]?.length ?? 0) + 1;
  return offset + at.column - 1;
}
