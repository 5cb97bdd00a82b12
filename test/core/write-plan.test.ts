import fc from 'fast-check';
import { canonicalJson } from '../../src/core/canonical-json';
import { contentHash, fnv1a64 } from '../../src/core/content-hash';
import type { DesiredRecord } from '../../src/core/desired';
import { type Ledger, mapLedger, type PlannedWrite, planWrites, type WritePlan } from '../../src/core/write-plan';

const desired = (
  key: string,
  fields: DesiredRecord['fields'] = { Subject: key },
  createOnly: DesiredRecord['createOnly'] = { Status: 'Not Started' },
): DesiredRecord => ({
  kind: 'staleLeadTask',
  object: 'Task',
  keyField: 'Coaching_Key__c',
  key,
  createOnly,
  fields,
});

/** The ledger after the writer carried out a plan (each written record gets an Id). */
function ledgerAfter(
  plan: WritePlan,
  before: Array<{ object: string; key: string; hash: string; sfId?: string }> = [],
): Ledger {
  const written = [...plan.creates, ...plan.updates].map((w: PlannedWrite, i) => ({
    object: w.record.object,
    key: w.record.key,
    hash: w.hash,
    sfId: w.sfId ?? `00T${i}`,
  }));
  const keys = new Set(written.map((w) => `${w.object}|${w.key}`));
  return mapLedger([...before.filter((b) => !keys.has(`${b.object}|${b.key}`)), ...written]);
}

describe('canonical JSON and the content hash', () => {
  it('given the same content built in different key orders, then the same text', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, e: undefined })).toBe(
      '{"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
    expect(canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } }),
    );
    expect(canonicalJson(-0)).toBe('0');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });

  it('given the published FNV-1a 64 test vectors, then the same hashes', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('given non-ASCII text, then it is hashed as its UTF-8 bytes (2, 3 and 4-byte characters; reference values from Python)', () => {
    expect(fnv1a64('é')).toBe('0ac21707b7181e01');
    expect(fnv1a64('→')).toBe('56388e1b884934d1');
    expect(fnv1a64('😀')).toBe('feff073875020288');
  });
});

describe('planning writes', () => {
  it('given an empty ledger, then everything is created with the key and create-only fields', () => {
    const plan = planWrites([desired('k2'), desired('k1')], mapLedger([]));
    expect(plan.creates.map((w) => w.record.key)).toEqual(['k1', 'k2']);
    expect(plan.creates[0]?.payload).toEqual({ Coaching_Key__c: 'k1', Status: 'Not Started', Subject: 'k1' });
  });

  it('given a changed record, then an update without create-only fields, with its Salesforce Id', () => {
    const first = planWrites([desired('k1')], mapLedger([]));
    const plan = planWrites([desired('k1', { Subject: 'changed' })], ledgerAfter(first));
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]).toMatchObject({ sfId: '00T0', payload: { Coaching_Key__c: 'k1', Subject: 'changed' } });
    expect(plan.updates[0]?.payload).not.toHaveProperty('Status');
  });

  it('given only a create-only field changed, then it is skipped: it would never be sent again anyway', () => {
    const first = planWrites([desired('k1')], mapLedger([]));
    expect(
      planWrites([desired('k1', { Subject: 'k1' }, { Status: 'Completed' })], ledgerAfter(first)).skips,
    ).toHaveLength(1);
  });

  it('given two desired records with one key, then a coded error', () => {
    expect(() => planWrites([desired('k1'), desired('k1')], mapLedger([]))).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_KEY' }),
    );
  });

  const records = fc.uniqueArray(
    fc.record({
      key: fc.string({ minLength: 1, maxLength: 12 }),
      subject: fc.string(),
      n: fc.integer(),
      flag: fc.boolean(),
    }),
    { selector: (r) => r.key, maxLength: 30 },
  );

  it('property: planning twice over an unchanged ledger (updated with the first plan) yields only skips', () => {
    fc.assert(
      fc.property(records, fc.array(fc.nat(), { maxLength: 30 }), (rows, seen) => {
        const wanted = rows.map((r) => desired(r.key, { Subject: r.subject, N: r.n, F: r.flag }));
        // Some records were written before, with other content: a mix of creates, updates and skips.
        const before = wanted
          .filter((_, i) => seen.includes(i))
          .map((d, i) => ({
            object: d.object,
            key: d.key,
            hash: i % 2 === 0 ? 'stale' : contentHash({ object: d.object, key: d.key, fields: d.fields }),
            sfId: `X${i}`,
          }));
        const first = planWrites(wanted, mapLedger(before));
        const second = planWrites(wanted, ledgerAfter(first, before));
        expect(second.creates).toEqual([]);
        expect(second.updates).toEqual([]);
        expect(second.skips).toHaveLength(wanted.length);
      }),
    );
  });

  it('property: the plan does not depend on the order of the desired records', () => {
    fc.assert(
      fc.property(
        records.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const toDesired = (r: (typeof rows)[number]) => desired(r.key, { Subject: r.subject });
          expect(planWrites(shuffled.map(toDesired), mapLedger([]))).toEqual(
            planWrites(rows.map(toDesired), mapLedger([])),
          );
        },
      ),
    );
  });
});
