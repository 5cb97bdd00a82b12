/**
 * Turns the parsed YAML document into plain data within limits a config never comes near, so
 * that a hostile or broken file is refused as a config problem rather than ending as a crash:
 * aliases that expand exponentially (a "billion laughs"), and nesting deep enough to exhaust the stack.
 */
import { isAlias, visit, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigProblem } from './problems';
import { TOO_DEEP } from './syntax';

/** Values one alias may expand to, in total; the yaml library's own default, stated so it is ours. */
const MAX_ALIAS_EXPANSION = 100;

export type PlainData = { data: unknown } | { problem: ConfigProblem };

export function toPlainData(doc: Document, lines: LineCounter, file: string): PlainData {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) as unknown };
  } catch (error) {
    // The library throws a ReferenceError for an alias bomb or an undefined anchor, a RangeError for deep nesting.
    if (error instanceof ReferenceError) return { problem: aliasProblem(doc, lines, file, error.message) };
    if (error instanceof RangeError) return { problem: { file, line: 1, column: 1, path: '', ...TOO_DEEP } };
    throw error;
  }
}

export function aliasProblem(doc: Document, lines: LineCounter, file: string, reason: string): ConfigProblem {
  // The library names the alias it could not resolve at the end of its message; a bomb names none.
  const unresolved = /^Unresolved alias.*: (\S+)$/.exec(reason)?.[1];
  let found: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (unresolved !== undefined && node.source !== unresolved) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  const range = found?.range;
  const { line, col } = range ? lines.linePos(range[0]) : { line: 1, col: 1 };
  const name = isAlias(found) ? found.source : 'name';
  const at = { file, line, column: col, path: '' };
  if (unresolved !== undefined)
    return {
      ...at,
      message: `the alias *${name} refers to no anchor: &${name} is not defined above it`,
      hint: `write the value out here, or put &${name} on the value it should repeat, earlier in the file`,
    };
  return {
    ...at,
    message: `the aliases (*${name} and the others) expand to more than ${MAX_ALIAS_EXPANSION} copies of their anchors' values`,
    hint: 'write the values out, or refer to each anchor (&name) only a few times',
  };
}
