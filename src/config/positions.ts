/**
 * Finds where in the YAML source a config path (`['measures', 2, 'from']`) was written, so a
 * problem can be reported as `file:line:column`.
 */
import { isCollection, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type ConfigPath = readonly PropertyKey[];

/** What to point at: the value at the path, or (for an unknown key) the key itself. */
export type PositionTarget = 'value' | 'key';

const START: SourcePosition = { line: 1, column: 1 };

export class SourceLocator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /**
   * Position of the path, or of its deepest part that exists (a missing key is reported at its
   * parent). A collection is reported at its key, which is where an admin looks for it.
   */
  locate(path: ConfigPath, target: PositionTarget = 'value'): SourcePosition {
    let node: unknown = this.doc.contents;
    let position = this.start(node) ?? START;
    for (const [index, segment] of path.entries()) {
      const isLast = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => keyText(item) === String(segment));
        if (pair === undefined) return position;
        const keyPosition = this.start(pair.key) ?? position;
        if (isLast && target === 'key') return keyPosition;
        node = pair.value;
        position = isCollection(node) || isEmpty(node) ? keyPosition : (this.start(node) ?? keyPosition);
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (item === undefined) return position;
        node = item;
        position = this.start(item) ?? position;
      } else {
        return position;
      }
    }
    return position;
  }

  private start(node: unknown): SourcePosition | undefined {
    const range = (node as Partial<Node> | null | undefined)?.range;
    if (!range) return undefined;
    const { line, col } = this.lines.linePos(range[0]);
    return { line, column: col };
  }
}

function keyText(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** `key:` with nothing after it: the value node has an empty range at the end of the line. */
function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null && node.source === '');
}
