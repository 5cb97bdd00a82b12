/**
 * A login URL where nothing listens is a wrong URL, not an outage: over a real loopback socket, the refused
 * connection fails at once as configuration (exit 2) naming the URL, with no retries.
 */
import { openSalesforceSession } from '../../src/salesforce/session';
import { closedPort, instantTiming, salesforceSettings } from './support';

const ENV = { SF_CLIENT_ID: '3MVG9-consumer-key', SF_CLIENT_SECRET: 'consumer-secret-4242' };

describe('logging in at a URL where nothing listens', () => {
  it('given a refused connection, when a session opens, then SF_AUTH_INVALID (exit 2) names the URL, no retry', async () => {
    const loginUrl = `http://127.0.0.1:${await closedPort()}`;
    const timing = instantTiming();

    const error = await openSalesforceSession(
      { salesforce: { ...salesforceSettings({ method: 'clientCredentials' }), loginUrl }, maxApiUsage: 0.8 },
      { env: ENV, timing },
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'SF_AUTH_INVALID', exitCode: 2, retryable: false });
    expect((error as Error).message).toContain(`Could not reach ${loginUrl} to log in (ECONNREFUSED`);
    expect((error as { actions: string[] }).actions).toEqual([`Check the login URL: ${loginUrl}.`]);
    expect(timing.sleeps).toEqual([]);
  });
});
