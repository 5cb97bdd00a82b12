import { openStateStore, type StateStore } from '../../src/state/state-store';
import { RecordingWriter } from '../../src/sync/recording-writer';
import { Clock, DAY, givenAnOrgWithStaleLeads, HOUR, MODEL, NOW, run } from './story';
import type { FakeOrg } from './fake-org';

/** Two runs: the first writes, the second reads those writes back (a change) and writes nothing. */
async function twoRuns(): Promise<{ org: FakeOrg; state: StateStore; clock: Clock }> {
  const clock = new Clock(NOW);
  const { org } = givenAnOrgWithStaleLeads(clock);
  const state = openStateStore(':memory:');
  await run(org, state, clock, 'r1');
  clock.at += HOUR;
  const second = await run(org, state, clock, 'r2');
  expect(second.unchangedSince).toBeNull();
  expect(second.writes).toMatchObject({ created: 0, updated: 0 });
  return { org, state, clock };
}

describe('a run with nothing new to compute', () => {
  it('given the last run computed and wrote everything today and nothing changed since, then the run skips computing and writing', async () => {
    const { org, state, clock } = await twoRuns();
    clock.at += HOUR;
    const third = await run(org, state, clock, 'r3');

    expect(third.unchangedSince).toBe('r2');
    expect(third.coaching).toBeNull();
    expect(third.plan).toBeNull();
    expect(third.result).toBe('ok');
  });

  it('given a record changed, then the run computes', async () => {
    const { org, state, clock } = await twoRuns();
    clock.at += HOUR;
    const [lead] = org.records('Lead');
    org.change('Lead', String(lead?.Id), { Status: 'Working - Contacted' });

    const third = await run(org, state, clock, 'r3');
    expect(third.unchangedSince).toBeNull();
    expect(third.coaching).not.toBeNull();
  });

  it('given the next day, then the run computes (the window and what is due moved)', async () => {
    const { org, state, clock } = await twoRuns();
    clock.at += DAY;
    expect((await run(org, state, clock, 'r3')).unchangedSince).toBeNull();
  });

  it('given another config, then the run computes', async () => {
    const { org, state, clock } = await twoRuns();
    clock.at += HOUR;
    const model = { ...MODEL, coaching: { ...MODEL.coaching, maxFlagsPerRep: 1 } };
    expect((await run(org, state, clock, 'r3', 'test:r3', { model })).unchangedSince).toBeNull();
  });

  it('given the run before only previewed (wrote nothing), then the next live run computes and writes', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    await run(org, state, clock, 'p1', 'test:p1', { writer: new RecordingWriter(org) });
    clock.at += HOUR;
    await run(org, state, clock, 'p2', 'test:p2', { writer: new RecordingWriter(org) });
    clock.at += HOUR;

    const live = await run(org, state, clock, 'l1');
    expect(live.unchangedSince).toBeNull();
    expect(live.writes?.created).toBeGreaterThan(0);
  });

  it('given the run before failed to write a record, then the next run computes and retries it', async () => {
    const { org, state, clock } = await twoRuns();
    clock.at += HOUR;
    const [lead] = org.records('Lead');
    org.change('Lead', String(lead?.Id), { Name: 'Dana Reyes-Smith' });
    // The lead's follow-up task subject names the lead: its update is refused this time.
    org.failingKeys = new Set(
      org
        .records('Task')
        .filter((t) => t.WhoId === lead?.Id)
        .map((t) => String(t.Coaching_Key__c)),
    );
    const failed = await run(org, state, clock, 'r3');
    expect(failed.result).toBe('failed');

    clock.at += HOUR;
    org.failingKeys = new Set();
    const retry = await run(org, state, clock, 'r4');
    expect(retry.unchangedSince).toBeNull();
    expect(retry.writes).toMatchObject({ updated: 1, failed: 0 });
  });
});
