/**
 * An in-memory org behind the reader and writer ports, for narrow tests of the sync's own
 * logic (lock, budget stops, ledger gaps, write failures). End-to-end behaviour is tested
 * against the sandbox org over HTTP (test/e2e); this fake only keeps SystemModstamp order,
 * pages, deletes and upserts by key honest.
 */
import type { SfRecord } from '../../src/core/model';
import { CoachError, ExitCode } from '../../src/lib/errors';
import type { CrmReader, CrmWriter, IncrementalReadRequest, RecordPage, WriteItemResult } from '../../src/sync/ports';

export const sfTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

export class FakeOrg implements CrmReader, CrmWriter {
  readonly objects = new Map<string, Map<string, SfRecord>>();
  calls = { read: 0, write: 0, findByKeys: 0 };
  /** Throw REQUEST_LIMIT_EXCEEDED once this many calls have been made (null: never). */
  limitAt: number | null = null;
  /** Keys whose upsert fails (per item) while listed. */
  failingKeys = new Set<string>();
  /** What the org says about each of those failures. */
  failureMessage = 'rejected by a rule';
  private counter = 0;

  constructor(private readonly clock: { now(): number }) {}

  get totalCalls(): number {
    return this.calls.read + this.calls.write + this.calls.findByKeys;
  }

  insert(object: string, fields: SfRecord, modstamp = this.clock.now()): string {
    const id = fields.Id ?? this.newId(object);
    this.table(object).set(id, { ...fields, Id: id, IsDeleted: false, SystemModstamp: sfTime(modstamp) });
    return id;
  }

  change(object: string, id: string, fields: SfRecord, modstamp = this.clock.now()): void {
    const record = this.table(object).get(id);
    if (!record) throw new Error(`no ${object} ${id}`);
    this.table(object).set(id, { ...record, ...fields, SystemModstamp: sfTime(modstamp) });
  }

  remove(object: string, id: string, modstamp = this.clock.now()): void {
    this.change(object, id, { IsDeleted: true }, modstamp);
  }

  records(object: string): SfRecord[] {
    return [...this.table(object).values()].filter((r) => r.IsDeleted !== true);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- an in-memory stand-in for paged HTTP reads
  async *readIncremental(request: IncrementalReadRequest): AsyncIterable<RecordPage> {
    const from = request.since ?? request.backfillFrom;
    const rows = [...this.table(request.object).values()]
      .filter((r) => {
        const at = Date.parse(String(r.SystemModstamp).replace('+0000', 'Z'));
        return at >= from && at <= request.until;
      })
      .sort(
        (a, b) =>
          String(a.SystemModstamp).localeCompare(String(b.SystemModstamp)) || String(a.Id).localeCompare(String(b.Id)),
      );
    let offset = 0;
    do {
      this.count('read');
      const page = rows
        .slice(offset, offset + request.pageSize)
        .map((r) => ({ attributes: { type: request.object }, ...r }));
      offset += request.pageSize;
      yield { object: request.object, records: page, last: offset >= rows.length };
    } while (offset < rows.length);
  }

  queryAll(): Promise<SfRecord[]> {
    return Promise.reject(new Error('FakeOrg.queryAll is not used by runCycle'));
  }

  upsert(
    object: string,
    keyField: string,
    records: ReadonlyArray<Record<string, unknown>>,
  ): Promise<WriteItemResult[]> {
    this.count('write');
    return Promise.resolve(
      records.map((fields) => {
        const key = fields[keyField] as string;
        if (this.failingKeys.has(key))
          return { ok: false, errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: this.failureMessage };
        const existing = this.records(object).find((r) => r[keyField] === key);
        if (existing) {
          this.change(object, String(existing.Id), fields);
          return { ok: true, id: String(existing.Id), created: false };
        }
        return {
          ok: true,
          id: this.insert(object, { LastModifiedDate: sfTime(this.clock.now()), ...(fields as SfRecord) }),
          created: true,
        };
      }),
    );
  }

  update(): Promise<WriteItemResult[]> {
    return Promise.reject(new Error('FakeOrg.update is not used by runCycle'));
  }

  findByKeys(object: string, keyField: string, keys: readonly string[]): Promise<SfRecord[]> {
    this.count('findByKeys');
    const wanted = new Set(keys);
    return Promise.resolve(this.records(object).filter((r) => wanted.has(r[keyField] as string)));
  }

  private count(kind: keyof FakeOrg['calls']): void {
    if (this.limitAt !== null && this.totalCalls >= this.limitAt) {
      throw new CoachError({
        code: 'SF_API_LIMIT',
        message: 'TotalRequests Limit exceeded.',
        exitCode: ExitCode.tryLater,
      });
    }
    this.calls[kind] += 1;
  }

  private table(object: string): Map<string, SfRecord> {
    let table = this.objects.get(object);
    if (!table) this.objects.set(object, (table = new Map()));
    return table;
  }

  private newId(object: string): string {
    this.counter += 1;
    const prefix = { Task: '00T', Lead: '00Q', User: '005', Coaching_Flag__c: 'a00' }[object] ?? '0XX';
    return `${prefix}${String(this.counter).padStart(12, '0')}AAA`;
  }
}
