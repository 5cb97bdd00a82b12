import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxClock } from './clock';
import { DEMO_DEFAULTS } from './demo/generate';
import { FaultController } from './faults/fault-controller';
import type { FaultSettings } from './faults/fault-settings';
import { ApiUsage, DEFAULT_DAILY_API_LIMIT } from './http/api-usage';
import { createApp } from './http/app';
import { publicKeyFrom } from './http/auth/jwt-bearer';
import { DEFAULT_SESSION_TIMEOUT_MS, SessionStore, randomToken } from './http/auth/sessions';
import { BulkJobStore } from './http/bulk/bulk-jobs';
import type { SandboxContext, SandboxCredentials } from './http/context';
import { CursorStore, DEFAULT_CURSOR_TTL_MS } from './http/query/cursors';
import { type SandboxOrg, createSandboxOrg } from './org';
import { type SeedOptions, type SeedSummary, seedDemo, seedOptionsFrom } from './seed';
import { addBadRecords } from './demo/bad-records';
import type { Store, StoreSnapshot } from './store/store';
import { parseDateTime } from './time/datetime';
import { DEFAULT_PORT, SANDBOX_HOST as HOST } from './address';

/**
 * Starts the sandbox org on 127.0.0.1 (never another interface): builds the org, optionally
 * seeds the demo dealership or loads a snapshot file, wires the HTTP app and hands back
 * everything a test, the demo or the CLI needs to drive it.
 */

export { DEFAULT_PORT };

export interface SandboxOptions {
  /** TCP port; 0 picks a free one (tests). Default 4010. */
  port?: number;
  /** The org's time zone (date literals, derived local dates); default the demo's. */
  timeZone?: string;
  /** Start the virtual clock at this instant (ISO or epoch ms); it then runs in real time. */
  now?: string | number;
  /** Stop the clock (tests move it with clock.set/advance). */
  freezeClock?: boolean;
  /** Seed the demo dealership (omit or false for an empty org). */
  seed?: SeedOptions | false;
  /** Snapshot file: loaded at start when it exists (instead of seeding), saved on close. */
  dataFile?: string;
  /** Daily API allocation (default 100,000). */
  apiLimit?: number;
  /** Faults active from the start. */
  faults?: Partial<FaultSettings>;
  clientId?: string;
  clientSecret?: string;
  /** Password of every user for the username-password grant. */
  userPassword?: string;
  adminToken?: string;
  /** Letters and digits every access and refresh token issued carries (tests look for leaked tokens by it). */
  tokenMarker?: string;
  /** PEM certificate or public key; JWT bearer assertions are then signature-checked. */
  jwtPublicKey?: string;
  sessionTimeoutMs?: number;
  cursorTtlMs?: number;
  manifestDir?: string;
}

export interface RunningSandbox {
  /** The origin: instance URL and login URL at once (`http://127.0.0.1:4010`). */
  readonly url: string;
  readonly adminToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** A session of the integration user, ready to use. */
  readonly accessToken: string;
  /** A refresh token of the integration user (refresh_token grant). */
  readonly refreshToken: string;
  /** Password of every user for the username-password grant. */
  readonly userPassword: string;
  /** Username of the integration user (the one the tokens above act as). */
  readonly username: string;
  readonly org: SandboxOrg;
  readonly store: Store;
  readonly clock: SandboxClock;
  readonly faults: FaultController;
  readonly usage: ApiUsage;
  readonly sessions: SessionStore;
  readonly cursors: CursorStore;
  /** What seeding produced, when the org was seeded. */
  readonly seeded?: SeedSummary;
  /** Reseeds (resetting the org) with new options. */
  seed(options?: SeedOptions): SeedSummary;
  /** Saves the snapshot file now (when dataFile is set). */
  save(): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = new SandboxClock();
  clock.move({
    to: options.now === undefined ? undefined : instant(options.now),
    freeze: options.freezeClock === true ? true : undefined,
  });
  const org = createSandboxOrg({
    clock,
    timeZone: options.timeZone ?? DEMO_DEFAULTS.timeZone,
    manifestDir: options.manifestDir,
  });
  const usage = new ApiUsage(clock, options.apiLimit ?? DEFAULT_DAILY_API_LIMIT);
  const sessions = new SessionStore(
    clock,
    () => org.orgId,
    options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
    options.tokenMarker,
  );
  const baseLimit = usage.max;
  const faults = new FaultController({
    expireSessions: () => void sessions.expireAll(),
    setDailyApiLimit: (limit) => (usage.max = limit ?? baseLimit),
  });
  const cursors = new CursorStore(clock, options.cursorTtlMs ?? DEFAULT_CURSOR_TTL_MS);
  const bulkJobs = new BulkJobStore(clock);
  const credentials: SandboxCredentials = {
    clientId: options.clientId ?? `3MVG9sandbox.${randomToken(24)}`,
    clientSecret: options.clientSecret ?? randomToken(32),
    userPassword: options.userPassword ?? randomToken(16),
    adminToken: options.adminToken ?? randomBytes(24).toString('hex'),
    ...(options.jwtPublicKey ? { jwtPublicKey: publicKeyFrom(options.jwtPublicKey) } : {}),
  };

  let seeded: SeedSummary | undefined;
  const seed = (seedOptions: SeedOptions = {}): SeedSummary => {
    seeded = seedDemo(org, seedOptions);
    return seeded;
  };
  if (options.dataFile && existsSync(options.dataFile)) {
    org.restore(JSON.parse(readFileSync(options.dataFile, 'utf8')) as StoreSnapshot);
  } else if (options.seed) {
    seed(options.seed);
  }

  let origin = '';
  const ctx: SandboxContext = {
    org,
    clock,
    usage,
    sessions,
    faults,
    cursors,
    bulkJobs,
    credentials,
    origin: () => origin,
    seed: (input) => seed(seedOptionsFrom(input)),
    addBadRecords: () => {
      if (!seeded) throw new Error('the org holds no demo dealership: seed it first');
      const dataset = addBadRecords(org, seeded);
      faults.configure({ repeatRowAcrossPages: true });
      return dataset;
    },
  };
  const resetAll = (): void => {
    faults.releaseStalls();
    cursors.expireAll();
    bulkJobs.clear();
    org.reset();
  };
  const app = createApp(ctx, resetAll);
  const server = await listen(app, options.port ?? DEFAULT_PORT);
  origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
  if (options.faults) faults.configure(options.faults);

  const save = (): void => {
    if (!options.dataFile) return;
    const tmp = `${options.dataFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(org.snapshot()));
    renameSync(tmp, options.dataFile);
  };

  return {
    url: origin,
    adminToken: credentials.adminToken,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    accessToken: sessions.issue(org.integrationUserId).accessToken,
    refreshToken: sessions.issueRefreshToken(org.integrationUserId),
    userPassword: credentials.userPassword,
    get username() {
      return String(org.store.get('User', org.integrationUserId)?.Username ?? '');
    },
    org,
    store: org.store,
    clock,
    faults,
    usage,
    sessions,
    cursors,
    get seeded() {
      return seeded;
    },
    seed,
    save,
    close: async () => {
      faults.releaseStalls();
      save();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function listen(app: ReturnType<typeof createApp>, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, HOST);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function instant(value: string | number): number {
  if (typeof value === 'number') return value;
  const ms = parseDateTime(value) ?? Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`Not an ISO datetime: ${value}`);
  return ms;
}
