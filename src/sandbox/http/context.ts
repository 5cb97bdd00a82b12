import type { KeyObject } from 'node:crypto';
import type { SandboxClock } from '../clock';
import type { FaultController } from '../faults/fault-controller';
import type { SandboxOrg } from '../org';
import type { ApiUsage } from './api-usage';
import type { SessionStore } from './auth/sessions';
import type { BulkJobStore } from './bulk/bulk-jobs';
import type { CursorStore } from './query/cursors';

/** Credentials of the sandbox's one connected app and its users. */
export interface SandboxCredentials {
  clientId: string;
  clientSecret: string;
  /** Password of every user for the username-password grant. */
  userPassword: string;
  /** Bearer token of the /__sandbox admin endpoints. */
  adminToken: string;
  /** Verifies JWT bearer assertions when set. */
  jwtPublicKey?: KeyObject;
}

/** Everything the HTTP layer works with; built once by startSandbox. */
export interface SandboxContext {
  org: SandboxOrg;
  clock: SandboxClock;
  usage: ApiUsage;
  sessions: SessionStore;
  faults: FaultController;
  cursors: CursorStore;
  bulkJobs: BulkJobStore;
  credentials: SandboxCredentials;
  /** The origin the sandbox answers on (`http://127.0.0.1:4010`), known once it listens. */
  origin: () => string;
  /** Re-seeds the demo dealership (admin endpoint); absent when no generator is wired. */
  seed?: (options: Record<string, unknown>) => unknown;
  /** Adds the bad-records dataset to the seeded demo dealership (admin endpoint); absent without a generator. */
  addBadRecords?: () => unknown;
}
