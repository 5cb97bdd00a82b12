/**
 * Turns the parsed YAML document into plain data within limits a config never comes near, so
 * that a hostile or broken file is refused as a config problem rather than ending as a crash:
 * aliases that expand exponentially (a "billion laughs"), and nesting deep enough to exhaust the stack.
 */
import { isAlias, visit, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigProblem } from './problems';

/** Values one alias may expand to, in total; the yaml library's own default, stated so it is ours. */
const MAX_ALIAS_EXPANSION = 100;

export type PlainData = { data: unknown } | { problem: ConfigProblem };

export function toPlainData(doc: Document, lines: LineCounter, file: string): PlainData {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) as unknown };
  } catch (error) {
    // The library signals an alias bomb with a ReferenceError, a nesting too deep with a RangeError.
    if (error instanceof ReferenceError) return { problem: aliasProblem(doc, lines, file) };
    if (error instanceof RangeError) return { problem: { file, line: 1, column: 1, path: '', ...TOO_DEEP } };
    throw error;
  }
}

export const TOO_DEEP = {
  message: 'the file nests lists or maps too deeply to be read',
  hint: 'a config nests a few levels deep; check for unclosed [ or { brackets',
};

function aliasProblem(doc: Document, lines: LineCounter, file: string): ConfigProblem {
  let first: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      first = node;
      return visit.BREAK;
    },
  });
  const range = first?.range;
  const { line, col } = range ? lines.linePos(range[0]) : { line: 1, col: 1 };
  const name = isAlias(first) ? `*${first.source}` : 'an alias';
  return {
    file,
    line,
    column: col,
    path: '',
    message: `the aliases (${name} and the others) expand to more than ${MAX_ALIAS_EXPANSION} copies of their anchors' values`,
    hint: 'write the values out, or refer to each anchor (&name) only a few times',
  };
}
