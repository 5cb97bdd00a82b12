import { ApiError } from '../errors';

/**
 * Query errors carry Salesforce's excerpt: the offending line of the SOQL, a caret under the
 * offending token, `ERROR at Row:r:Column:c`, then the reason. Clients match on errorCode;
 * the excerpt is for people.
 */

export interface SourcePosition {
  row: number;
  column: number;
}

/** Where `token` first occurs in `soql` as a whole word (outside string literals), if at all. */
export function locate(soql: string, token: string, from = 0): SourcePosition | undefined {
  const offset = findToken(soql, token, from);
  return offset < 0 ? undefined : positionOf(soql, offset);
}

export function positionOf(soql: string, offset: number): SourcePosition {
  const before = soql.slice(0, offset);
  const lines = before.split('\n');
  return { row: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

export function queryError(errorCode: string, soql: string, reason: string, at?: SourcePosition): ApiError {
  if (!at) return new ApiError(400, errorCode, reason);
  const line = soql.split('\n')[at.row - 1] ?? '';
  const message = `\n${line}\n${' '.repeat(at.column - 1)}^\nERROR at Row:${at.row}:Column:${at.column}\n${reason}`;
  return new ApiError(400, errorCode, message);
}

/** The offset of `token` as a whole word, skipping quoted strings; -1 if absent. */
export function findToken(soql: string, token: string, from = 0): number {
  const lower = soql.toLowerCase();
  const wanted = token.toLowerCase();
  let inString = false;
  for (let i = from; i < soql.length; i++) {
    const c = soql.charAt(i);
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
      continue;
    }
    if (c === "'") {
      inString = true;
      continue;
    }
    if (lower.startsWith(wanted, i) && !isWordChar(soql.charAt(i - 1)) && !isWordChar(soql.charAt(i + wanted.length))) {
      return i;
    }
  }
  return -1;
}

/** Offsets of every whole-word occurrence of the keywords, in order, outside strings. */
export function findAllTokens(
  soql: string,
  tokens: readonly string[],
  from = 0,
): Array<{ token: string; offset: number }> {
  const found: Array<{ token: string; offset: number }> = [];
  let i = from;
  for (;;) {
    let best: { token: string; offset: number } | undefined;
    for (const t of tokens) {
      const offset = findToken(soql, t, i);
      if (offset >= 0 && (!best || offset < best.offset)) best = { token: t, offset };
    }
    if (!best) return found;
    found.push(best);
    i = best.offset + best.token.length;
  }
}

function isWordChar(c: string): boolean {
  return c !== '' && /[A-Za-z0-9_.]/.test(c);
}
