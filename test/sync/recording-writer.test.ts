/**
 * Previews and dry runs differ from a live run only in what they plug in: a RecordingWriter
 * (records what it is given, reads back from the org), and for a dry run a copy of the state
 * and no lock.
 */
import { RecordingWriter } from '../../src/sync/recording-writer';
import { readableMemoryStore, storedRecordCount } from '../state/stored';
import { FakeOrg } from './fake-org';
import { Clock, flags, givenAnOrgWithStaleLeads, NOW, ownTasks, run } from './story';

const KEY_FIELD = 'Coaching_Key__c';

describe('the recording writer', () => {
  it('given a key the org holds and a new one, when upserted, then only the new one is created', async () => {
    const org = new FakeOrg(new Clock(NOW));
    org.insert('Task', { [KEY_FIELD]: 'v1:held', Subject: 'Call back' });
    const writer = new RecordingWriter(org);

    const found = await writer.findByKeys('Task', KEY_FIELD, ['v1:held', 'v1:new']);
    const answers = await writer.upsert('Task', KEY_FIELD, [
      { [KEY_FIELD]: 'v1:held', Subject: 'Call back today' },
      { [KEY_FIELD]: 'v1:new', Subject: 'First call' },
    ]);
    const again = await writer.upsert('Task', KEY_FIELD, [{ [KEY_FIELD]: 'v1:new', Subject: 'First call, again' }]);

    expect(found.map((record) => record[KEY_FIELD])).toEqual(['v1:held']);
    expect(answers).toEqual([
      { ok: true, created: false },
      { ok: true, created: true },
    ]);
    expect(again).toEqual([{ ok: true, created: false }]);
    expect(writer.records.map((w) => [w.object, w.keyField, w.record.Subject])).toEqual([
      ['Task', KEY_FIELD, 'Call back today'],
      ['Task', KEY_FIELD, 'First call'],
      ['Task', KEY_FIELD, 'First call, again'],
    ]);
    expect(org.calls).toEqual({ read: 0, write: 0, findByKeys: 1 });
    expect(org.records('Task').map((t) => t.Subject)).toEqual(['Call back']);
  });

  it('given records to update by Id, then it records them and answers each with its Id', async () => {
    const writer = new RecordingWriter(new FakeOrg(new Clock(NOW)));
    expect(await writer.update('Task', [{ Id: '00T1', Status: 'Completed' }])).toEqual([{ ok: true, id: '00T1' }]);
    expect(writer.records).toEqual([{ object: 'Task', keyField: null, record: { Id: '00T1', Status: 'Completed' } }]);
  });
});

describe('a dry run: a recording writer, a copy of the state and no lock', () => {
  it('given another run holds the lock, then it records the plan and changes neither org nor state', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = readableMemoryStore(() => NOW);
    state.acquireLock('other-host:123:live', 60_000);
    const copy = state.copyInMemory();
    const writer = new RecordingWriter(org);

    const report = await run(org, copy, clock, 'dry', null, { writer });

    const planned = [...(report.plan?.creates ?? []), ...(report.plan?.updates ?? [])];
    expect(planned.length).toBeGreaterThan(0);
    expect(writer.records.map((w) => w.record)).toEqual(expect.arrayContaining(planned.map((w) => w.payload)));
    expect(writer.records).toHaveLength(planned.length);
    expect(report.writes).toMatchObject({ created: report.plan?.creates.length, failed: 0 });
    expect([...flags(org), ...ownTasks(org)]).toEqual([]);
    expect(org.calls.write).toBe(0);
    expect(copy.getLedger().size).toBe(0);
    expect(state.listRuns(5)).toEqual([]);
    expect(storedRecordCount(state)).toBe(0);
  });
});

describe('a preview: a recording writer, the state and the lock', () => {
  it('given a preview, then the state keeps what it read, the ledger nothing; the lock is released', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = readableMemoryStore(() => NOW);

    const report = await run(org, state, clock, 'p1', 'test:p1', { writer: new RecordingWriter(org) });

    expect(report.result).toBe('ok');
    expect(report.plan?.creates.length).toBeGreaterThan(0);
    expect(storedRecordCount(state, 'Lead')).toBe(7);
    expect(state.getLedger().size).toBe(0);
    expect(org.calls.write).toBe(0);
    expect(state.acquireLock('another-run', 60_000).ok).toBe(true);
  });
});
