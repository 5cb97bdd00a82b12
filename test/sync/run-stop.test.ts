/**
 * A run asked to stop (serve on SIGTERM) stops at its next checkpoint: it records `stopped`, releases the lock, and
 * the next run leaves the org as one uninterrupted run would.
 */
import { ExitCode } from '../../src/lib/errors';
import { openStateStore } from '../../src/state/state-store';
import type { CrmWriter } from '../../src/sync/ports';
import type { FakeOrg } from './fake-org';
import { Clock, givenAnOrgWithStaleLeads, NOW, productView, run, uninterruptedView } from './story';

/** The org's own writer, which asks the run to stop once its first collection is written. */
function stopAfterFirstWrite(org: FakeOrg, stop: AbortController): CrmWriter {
  return {
    upsert: async (object, key, records) => {
      const results = await org.upsert(object, key, records);
      stop.abort();
      return results;
    },
    update: () => org.update(),
    findByKeys: (object, keyField, keys) => org.findByKeys(object, keyField, keys),
  };
}

describe('a run asked to stop', () => {
  it('given the stop comes while it writes, then it ends at the next collection with stopped (exit 75), and the next run finishes the job', async () => {
    const uninterrupted = await uninterruptedView();

    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    const stop = new AbortController();
    await expect(
      run(org, state, clock, 'r1', 'test:r1', { writer: stopAfterFirstWrite(org, stop), stop: stop.signal }),
    ).rejects.toMatchObject({ code: 'RUN_STOPPED', exitCode: ExitCode.tryLater });
    expect(state.listRuns(1)[0]).toMatchObject({ runId: 'r1', result: 'stopped' });
    expect(productView(org).length).toBeGreaterThan(0);
    expect(productView(org).length).toBeLessThan(uninterrupted.length);
    expect(state.acquireLock('another-run', 60_000).ok).toBe(true);
    state.releaseLock('another-run');

    expect((await run(org, state, clock, 'r2')).result).toBe('ok');
    expect(productView(org)).toEqual(uninterrupted);
  });

  it('given the stop came before the run started, then it stops at its first checkpoint and writes nothing', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    const stop = new AbortController();
    stop.abort();
    await expect(run(org, state, clock, 'r1', 'test:r1', { stop: stop.signal })).rejects.toMatchObject({
      code: 'RUN_STOPPED',
    });
    expect([state.listRuns(1)[0]?.result, productView(org)]).toEqual(['stopped', []]);
  });
});
