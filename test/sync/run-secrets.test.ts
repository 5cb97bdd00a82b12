/**
 * The run history keeps each run's errors for as long as the state file lives: an org's answer that quotes the
 * session token must be stored redacted, like a log line.
 */
import { CoachError } from '../../src/lib/errors';
import { REDACTED, Redactor } from '../../src/lib/logger';
import { openStateStore } from '../../src/state/state-store';
import type { RecordPage } from '../../src/sync/ports';
import type { FakeOrg } from './fake-org';
import { Clock, givenAnOrgWithStaleLeads, NOW, ownTasks, run } from './story';

/** Not shaped like a Salesforce token, so only knowing its value can take it out. */
const TOKEN = 'opaque-session-value-4711';

function givenReadsAnswer(org: FakeOrg, message: string): void {
  const error = new CoachError({ code: 'SF_REQUEST_FAILED', message });
  org.readIncremental = (): AsyncIterable<RecordPage> => ({
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }),
  });
}

/** The keys of the tasks a run writes into the story's org (the same on every run at NOW). */
async function taskKeysOfARun(): Promise<string[]> {
  const clock = new Clock(NOW);
  const { org } = givenAnOrgWithStaleLeads(clock);
  await run(org, openStateStore(':memory:'), clock, 'keys');
  return ownTasks(org).map((task) => String(task.Coaching_Key__c));
}

describe('the errors a run keeps in the history', () => {
  it('given the org answers with a message quoting the token, when the run fails, then the history stores it redacted', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    givenReadsAnswer(org, `Reading Task failed: Salesforce answered 400: session ${TOKEN} is not valid here.`);

    await expect(run(org, state, clock, 'r1', 'test:r1', { redactor: new Redactor([TOKEN]) })).rejects.toThrow();

    const [stored] = state.listRuns(1);
    expect(stored?.errors).toEqual([
      `Reading Task failed: Salesforce answered 400: session ${REDACTED} is not valid here.`,
    ]);
  });

  it('given a record the org refuses with a message quoting the token, then the report and the history hold it redacted', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    org.failingKeys = new Set(await taskKeysOfARun());
    org.failureMessage = `rejected for session ${TOKEN}`;

    const report = await run(org, state, clock, 'r1', 'test:r1', { redactor: new Redactor([TOKEN]) });

    expect(report.errors.length).toBeGreaterThan(0);
    const stored = state.listRuns(1)[0]?.errors ?? [];
    expect([...report.errors, ...stored].join('\n')).not.toContain(TOKEN);
    expect(stored.join('\n')).toContain(`rejected for session ${REDACTED}`);
  });
});
