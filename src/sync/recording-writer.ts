/**
 * The writer previews and dry runs plug in (ARCHITECTURE.md §7): it records every record it is
 * given and answers as Salesforce would, so the run goes through the same planning, chunking,
 * budget checks and settling as a live one, and sends nothing. Reading back by key still asks
 * the org, through the org's writer: the plan is diffed against what the org holds.
 */
import type { SfRecord } from '../core/model';
import type { CrmWriter, WriteItemResult } from './ports';

export interface RecordedWrite {
  object: string;
  /** The external id field of an upsert; null for an update by Id. */
  keyField: string | null;
  /** The fields as they would have been sent. */
  record: Readonly<Record<string, unknown>>;
}

export class RecordingWriter implements CrmWriter {
  readonly sends = false;
  private readonly recorded: RecordedWrite[] = [];
  /** Records known to exist, by object and key: found in the org, or given before. */
  private readonly existing = new Set<string>();

  constructor(private readonly org: Pick<CrmWriter, 'findByKeys'>) {}

  /** Everything this writer was given, in order. */
  get records(): readonly RecordedWrite[] {
    return this.recorded;
  }

  /**
   * Answers `created` for a key it has neither found in the org nor been given before. It
   * carries no Id: no record was made to name. (An update the plan made from the ledger is
   * answered as created too; the write phase counts what it planned as an update as one.)
   */
  upsert(
    object: string,
    keyField: string,
    records: ReadonlyArray<Record<string, unknown>>,
  ): Promise<WriteItemResult[]> {
    return Promise.resolve(
      records.map((record) => {
        const key = existingKey(object, record[keyField]);
        const created = !this.existing.has(key);
        this.existing.add(key);
        this.recorded.push({ object, keyField, record: { ...record } });
        return { ok: true, created };
      }),
    );
  }

  update(object: string, records: ReadonlyArray<{ Id: string } & Record<string, unknown>>): Promise<WriteItemResult[]> {
    return Promise.resolve(
      records.map((record) => {
        this.recorded.push({ object, keyField: null, record: { ...record } });
        return { ok: true, id: record.Id };
      }),
    );
  }

  async findByKeys(
    object: string,
    keyField: string,
    keys: readonly string[],
    fields?: readonly string[],
  ): Promise<SfRecord[]> {
    const found = await this.org.findByKeys(object, keyField, keys, fields);
    for (const record of found) this.existing.add(existingKey(object, record[keyField]));
    return found;
  }
}

function existingKey(object: string, key: unknown): string {
  return `${object}\u0000${String(key)}`;
}
