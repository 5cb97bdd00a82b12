/**
 * The composition root of the Salesforce adapter: resolves credentials, logs in, and wires the
 * HTTP client, API budget, reader, writer and describe together. Everything from outside
 * (environment, clock, timers, randomness, file access, @salesforce/core) comes in through
 * `deps`, so tests and the CLI build sessions the same way.
 */
import { readFile } from 'node:fs/promises';
import type { ApiCallCounts, ApiUsage } from '../sync/ports';
import { ApiBudget } from './api-budget';
import { BulkQueryClient } from './bulk-query';
import type { AuthMethod, Environment, SalesforceSettings } from './credentials';
import { resolveCredentials, sessionActions } from './credentials';
import { connect } from './connect';
import type { DescribeMap, FieldRequirement, ObjectDescribe } from './describe';
import { describeForRequirements, describeObject, describeObjects, objectNames, runningUser } from './describe';
import { toCoachError } from './error-policy';
import { SalesforceHttp } from './http-client';
import { SalesforceReader } from './reader';
import type { RetryEvent, RetryTiming } from './retry';
import { systemTiming } from './retry';
import { SalesforceWriter } from './writer';

export interface SalesforceSessionSettings {
  /** The config's `salesforce` section (method undefined: inferred from the environment). */
  salesforce: SalesforceSettings;
  /** The config's `sync.maxApiUsage`: fraction of the daily API allowance a run may reach. */
  maxApiUsage: number;
}

export interface SalesforceSessionDeps {
  env: Environment;
  now?: () => number;
  timing?: RetryTiming;
  readFile?: (path: string) => Promise<string>;
  loadSalesforceCore?: () => Promise<typeof import('@salesforce/core')>;
  /** Told about each retry (for logs); never given secrets. */
  onRetry?: (event: RetryEvent) => void;
  /** How long a request (`requestMs`) or a login (`loginMs`) may go unanswered; the adapter's defaults otherwise. */
  timeouts?: { requestMs?: number; loginMs?: number };
}

export interface SalesforceSession {
  readonly method: AuthMethod;
  readonly instanceUrl: string;
  readonly apiVersion: string;
  readonly reader: SalesforceReader;
  readonly writer: SalesforceWriter;
  /** One cheap call (`GET /services/data/vXX.X`) that proves the login and the API version, then the budget check. */
  preflight(): Promise<ApiUsage | null>;
  /** Throws SF_API_BUDGET (exit 75) when usage is above maxApiUsage. */
  assertWithinBudget(): void;
  usage(): ApiUsage | null;
  calls(): ApiCallCounts;
  describeObjects(names: readonly string[]): Promise<DescribeMap>;
  /** Describes what the requirements need, lookups' targets included; feed it to checkConfigAgainstDescribe. */
  describeRequirements(requirements: readonly FieldRequirement[]): Promise<DescribeMap>;
  /** The names of the objects the integration user can see (describe global). */
  objectNames(): Promise<string[]>;
  /** The username the session acts as; null when the token may not ask. */
  runningUser(): Promise<string | null>;
  /** Ends the session: every later request fails with SF_SESSION_CLOSED. Tokens are left to expire. */
  close(): Promise<void>;
}

export async function openSalesforceSession(
  settings: SalesforceSessionSettings,
  deps: SalesforceSessionDeps,
): Promise<SalesforceSession> {
  const credentials = resolveCredentials(settings.salesforce, deps.env);
  const now = deps.now ?? Date.now;
  const timing = deps.timing ?? systemTiming;
  const org = await connect(credentials, settings.salesforce.apiVersion, settings.salesforce.auth.env, {
    now,
    readFile: deps.readFile ?? ((path) => readFile(path, 'utf8')),
    loadSalesforceCore: deps.loadSalesforceCore ?? (() => import('@salesforce/core')),
    timing,
    ...(deps.timeouts?.loginMs === undefined ? {} : { loginTimeoutMs: deps.timeouts.loginMs }),
    ...(deps.onRetry ? { onRetry: deps.onRetry } : {}),
  });
  const budget = new ApiBudget(settings.maxApiUsage);
  const http = new SalesforceHttp({
    connection: org.connection,
    budget,
    session: org.session,
    timing,
    ...(deps.timeouts?.requestMs === undefined ? {} : { requestTimeoutMs: deps.timeouts.requestMs }),
    ...(deps.onRetry ? { onRetry: deps.onRetry } : {}),
  });
  const advice = sessionActions(credentials.method, settings.salesforce.auth.env);
  const describeCache = new Map<string, Promise<ObjectDescribe | null>>();
  const describeCached = (name: string): Promise<ObjectDescribe | null> => {
    const key = name.toLowerCase();
    const cached = describeCache.get(key);
    if (cached !== undefined) return cached;
    // A failed describe is not kept: the next read may ask again.
    const pending = describeObject(http, name).catch((error: unknown) => {
      describeCache.delete(key);
      throw error;
    });
    describeCache.set(key, pending);
    return pending;
  };
  const reader = new SalesforceReader({
    http,
    budget,
    bulk: new BulkQueryClient(http, { sleep: (ms) => timing.sleep(ms), now }),
    describe: describeCached,
    sessionActions: advice,
  });
  const writer = new SalesforceWriter({ http, budget, timing, sessionActions: advice });
  const describing = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toCoachError(error, { doing: 'Describing the org', sessionActions: advice });
    }
  };
  return {
    method: credentials.method,
    instanceUrl: org.connection.instanceUrl,
    apiVersion: settings.salesforce.apiVersion,
    reader,
    writer,
    async preflight() {
      try {
        await http.send('other', { method: 'GET', path: `/services/data/v${http.apiVersion}` });
      } catch (error) {
        throw toCoachError(error, {
          doing: 'Connecting to Salesforce',
          configField: 'salesforce.apiVersion',
          sessionActions: advice,
        });
      }
      budget.assertWithinBudget();
      return budget.usage();
    },
    assertWithinBudget: () => budget.assertWithinBudget(),
    usage: () => budget.usage(),
    calls: () => budget.calls(),
    describeObjects: (names) => describing(() => describeObjects(http, names)),
    describeRequirements: (requirements) => describing(() => describeForRequirements(http, requirements)),
    objectNames: () => describing(() => objectNames(http)),
    runningUser: () => describing(() => runningUser(http)),
    close() {
      http.close();
      return Promise.resolve();
    },
  };
}
