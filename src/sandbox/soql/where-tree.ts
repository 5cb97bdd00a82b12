import type { Condition, ValueQueryCondition, WhereClause } from '@jetstreamapp/soql-parser-js';
import { findAllTokens, positionOf, queryError } from './soql-error';

/**
 * soql-parser-js returns WHERE as a right-leaning chain of conditions joined by AND/OR/NOT,
 * with parentheses only as counts on the conditions; it encodes no precedence. This module
 * linearises the chain into tokens and re-parses it with SOQL's rules: NOT binds tighter than
 * AND, AND tighter than OR; AND and OR may not be mixed at one level without parentheses, and
 * NOT may not follow AND/OR unparenthesised. A real org answers both with MALFORMED_QUERY.
 */

export type LeafCondition = Exclude<Condition, { openParen: number; field?: undefined }> | ValueQueryCondition;

export type BoolExpr =
  | { kind: 'and' | 'or'; operands: BoolExpr[] }
  | { kind: 'not'; operand: BoolExpr }
  | { kind: 'leaf'; condition: LeafCondition };

type Token = { kind: '(' | ')' | 'AND' | 'OR' | 'NOT' } | { kind: 'COND'; condition: LeafCondition };

function isLeaf(value: unknown): value is LeafCondition {
  return typeof value === 'object' && value !== null && ('field' in value || 'fn' in value);
}

function linearise(where: WhereClause): Token[] {
  const tokens: Token[] = [];
  let node: WhereClause | undefined = where;
  while (node) {
    const left: unknown = node.left;
    if ('operator' in node && node.operator === 'NOT') {
      // `{openParen: n}` on a NOT node means "(… NOT": the parentheses open before it.
      const opens = typeof left === 'object' && left !== null && 'openParen' in left ? Number(left.openParen) : 0;
      for (let i = 0; i < opens; i++) tokens.push({ kind: '(' });
      tokens.push({ kind: 'NOT' });
      node = node.right;
      continue;
    }
    if (isLeaf(left)) {
      for (let i = 0; i < (left.openParen ?? 0); i++) tokens.push({ kind: '(' });
      tokens.push({ kind: 'COND', condition: left });
      for (let i = 0; i < (left.closeParen ?? 0); i++) tokens.push({ kind: ')' });
    }
    if ('operator' in node && node.right) {
      tokens.push({ kind: node.operator });
      node = node.right;
    } else {
      node = undefined;
    }
  }
  return tokens;
}

/** Builds the boolean tree of a WHERE clause, or throws MALFORMED_QUERY as a real org does. */
export function buildWhereTree(where: WhereClause, soql: string): BoolExpr {
  const tokens = linearise(where);
  const logicalOffsets = logicalKeywordOffsets(soql);
  let pos = 0;
  let logicalSeen = 0;

  const fail = (token: string): never => {
    const offset = logicalOffsets[logicalSeen - 1];
    throw queryError(
      'MALFORMED_QUERY',
      soql,
      `unexpected token: ${token}`,
      offset === undefined ? undefined : positionOf(soql, offset),
    );
  };
  const take = (): Token | undefined => {
    const t = tokens[pos++];
    if (t && (t.kind === 'AND' || t.kind === 'OR' || t.kind === 'NOT')) logicalSeen++;
    return t;
  };

  const parseUnary = (): BoolExpr => {
    const t = take();
    if (!t) return fail('<EOF>');
    if (t.kind === 'NOT') return { kind: 'not', operand: parseUnary() };
    if (t.kind === '(') {
      const inner = parseLevel();
      if (take()?.kind !== ')') fail('<EOF>');
      return inner;
    }
    if (t.kind === 'COND') return { kind: 'leaf', condition: t.condition };
    return fail(t.kind);
  };

  const parseLevel = (): BoolExpr => {
    const operands = [parseUnary()];
    let joiner: 'AND' | 'OR' | undefined;
    for (let t = tokens[pos]; t && (t.kind === 'AND' || t.kind === 'OR'); t = tokens[pos]) {
      take();
      if (joiner && joiner !== t.kind) fail(t.kind);
      joiner = t.kind;
      if (tokens[pos]?.kind === 'NOT') {
        take();
        fail('NOT');
      }
      operands.push(parseUnary());
    }
    if (operands.length === 1 && operands[0]) return operands[0];
    return { kind: joiner === 'OR' ? 'or' : 'and', operands };
  };

  const tree = parseLevel();
  if (pos < tokens.length) fail(tokens[pos]?.kind ?? '<EOF>');
  return tree;
}

/** Offsets of AND/OR/NOT keywords after WHERE (NOT IN is an operator, not a keyword). */
function logicalKeywordOffsets(soql: string): number[] {
  const where = findAllTokens(soql, ['WHERE'])[0];
  if (!where) return [];
  return findAllTokens(soql, ['AND', 'OR', 'NOT'], where.offset)
    .filter((t) => !(t.token === 'NOT' && /^NOT\s+IN\b/i.test(soql.slice(t.offset))))
    .map((t) => t.offset);
}
