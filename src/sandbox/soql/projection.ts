import type { FieldType, FieldValue, StoredRecord } from '../schema/types';
import type { Parent, RelationshipStep, ResolvedPath } from './field-path';

/**
 * Shapes a stored row as Salesforce returns it for a SELECT list: `attributes` first, fields in
 * SELECT order under their described names, and each parent relationship as a nested object
 * with its own `attributes` (type `Name` for polymorphic lookups) or null when the lookup is
 * empty. Also gives flat columns (`Owner.Name`) for Bulk API CSV.
 */

type Node =
  { kind: 'field'; key: string } | { kind: 'relationship'; key: string; step: RelationshipStep; children: Node[] };

export type JsonRecord = Record<string, unknown>;

/** A flat column of the SELECT list (`Owner.Name`), as Bulk API CSV lays them out. */
export interface Column {
  name: string;
  type: FieldType;
  get: (record: StoredRecord) => FieldValue;
}

export class Projection {
  private readonly roots: Node[] = [];
  readonly columns: readonly Column[];

  constructor(
    private readonly objectName: string,
    paths: readonly ResolvedPath[],
  ) {
    const seen = new Set<string>();
    const columns: Column[] = [];
    for (const path of paths) {
      if (seen.has(path.path.toLowerCase())) continue;
      seen.add(path.path.toLowerCase());
      columns.push({ name: path.path, type: path.field.type, get: path.get });
      this.add(path);
    }
    this.columns = columns;
  }

  private add(path: ResolvedPath): void {
    let level = this.roots;
    for (const step of path.steps) {
      let node = level.find(
        (n): n is Extract<Node, { kind: 'relationship' }> => n.kind === 'relationship' && n.key === step.name,
      );
      if (!node) {
        node = { kind: 'relationship', key: step.name, step, children: [] };
        level.push(node);
      }
      level = node.children;
    }
    level.push({ kind: 'field', key: path.field.name });
  }

  /** The record as JSON for a REST query response built for API version `version` (`62.0`). */
  project(record: StoredRecord, version: string): JsonRecord {
    const out: JsonRecord = {
      attributes: {
        type: this.objectName,
        url: `/services/data/v${version}/sobjects/${this.objectName}/${String(record.Id)}`,
      },
    };
    fill(out, this.roots, { type: null, record }, version);
    return out;
  }
}

function fill(
  out: JsonRecord,
  nodes: readonly Node[],
  source: { type: Parent['type'] | null; record: StoredRecord },
  version: string,
): void {
  for (const node of nodes) {
    if (node.kind === 'field') {
      out[node.key] = readField(source, node.key);
      continue;
    }
    const id = source.record[node.step.lookup.name];
    const parent = typeof id === 'string' ? node.step.resolve(id) : undefined;
    if (!parent) {
      out[node.key] = null;
      continue;
    }
    const nested: JsonRecord = {
      attributes: {
        type: node.step.polymorphic ? 'Name' : parent.type.name,
        url: `/services/data/v${version}/sobjects/${parent.type.name}/${String(parent.record.Id)}`,
      },
    };
    fill(
      nested,
      node.children,
      node.step.polymorphic ? { type: parent.type, record: parent.record } : { type: null, record: parent.record },
      version,
    );
    out[node.key] = nested;
  }
}

/** Reads a field; through the `Name` pseudo-object (typed source) only fields the target has. */
function readField(source: { type: Parent['type'] | null; record: StoredRecord }, key: string): FieldValue {
  if (source.type === null) return source.record[key] ?? null;
  if (key === 'Type') return source.type.name;
  return source.type.field(key) ? (source.record[key] ?? null) : null;
}
