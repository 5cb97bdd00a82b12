import type { Clock } from './clock';
import { buildCatalog } from './schema/build-catalog';
import type { SchemaCatalog } from './schema/catalog';
import type { StoredRecord } from './schema/types';
import { DEFAULT_MANIFEST_DIR, loadMetadataExtensions } from './schema/metadata/load-metadata';
import { setupRows } from './schema/standard/sales';
import { QueryEngine } from './soql/query-engine';
import { RecordWriter } from './store/record-writer';
import { Store, type StoreSnapshot } from './store/store';
import { formatDateTime } from './time/datetime';
import { assertTimeZone } from './time/zone';

/**
 * The sandbox org without HTTP: schema, data, writer and query engine, plus the rows every
 * org has (its Organization record, the setup objects, an integration user).
 */

export interface SandboxOrgOptions {
  clock: Clock;
  /** The org's default time zone (date literals, derived local dates). */
  timeZone: string;
  /** manifests/salesforce (defaults to the repository's). */
  manifestDir?: string;
  orgName?: string;
}

export const INTEGRATION_USERNAME = 'integration@execution-coach.sandbox';
const META_INTEGRATION_USER = 'integrationUserId';

export class SandboxOrg {
  readonly store: Store;
  readonly writer: RecordWriter;
  readonly queries: QueryEngine;
  private orgIdValue = '';
  private integrationUser = '';

  constructor(
    readonly catalog: SchemaCatalog,
    private readonly options: SandboxOrgOptions,
  ) {
    this.store = new Store(catalog, options.clock, options.timeZone);
    this.writer = new RecordWriter(this.store);
    this.queries = new QueryEngine(this.store, options.clock);
    this.reset();
  }

  get orgId(): string {
    return this.orgIdValue;
  }

  /** The user API calls act as (CreatedById of what the connector writes). */
  get integrationUserId(): string {
    return this.integrationUser;
  }

  set integrationUserId(userId: string) {
    if (!this.store.get('User', userId)) throw new Error(`No User ${userId} in the sandbox`);
    this.integrationUser = userId;
  }

  /**
   * Empties the org back to the rows every org has. `populate` (seeding) loads data right after
   * the store is cleared and returns the integration user it created; without it a default
   * integration user is created.
   */
  reset(populate?: () => string): void {
    this.store.clear();
    const now = formatDateTime(this.options.clock.now());
    const audit = { CreatedDate: now, SystemModstamp: now, LastModifiedDate: now };
    const orgId = this.store.newId('Organization');
    let userId: string;
    try {
      userId = populate ? populate() : this.createIntegrationUser(audit);
    } catch (error) {
      // A failed seed must not leave an org without its Organization row.
      this.reset();
      throw error;
    }
    const createdBy = { CreatedById: userId, LastModifiedById: userId, ...audit };
    this.store.load('Organization', [
      {
        Id: orgId,
        Name: this.options.orgName ?? 'Execution Coach Sandbox',
        InstanceName: 'SB0',
        IsSandbox: true,
        OrganizationType: 'Enterprise Edition',
        TimeZoneSidKey: this.options.timeZone,
        ...createdBy,
      },
    ]);
    for (const [objectName, rows] of Object.entries(setupRows())) {
      this.store.load(
        objectName,
        rows.map((row) => ({ ...row, Id: this.store.newId(objectName), ...createdBy })),
      );
    }
    this.orgIdValue = orgId;
    this.integrationUser = userId;
  }

  private createIntegrationUser(audit: Record<string, string>): string {
    const userId = this.store.newId('User');
    this.store.load('User', [
      {
        Id: userId,
        Username: INTEGRATION_USERNAME,
        FirstName: 'Integration',
        LastName: 'User',
        Alias: 'integ',
        Email: INTEGRATION_USERNAME,
        IsActive: true,
        Title: 'Integration',
        TimeZoneSidKey: this.options.timeZone,
        CreatedById: userId,
        LastModifiedById: userId,
        ...audit,
      },
    ]);
    return userId;
  }

  snapshot(): StoreSnapshot {
    return this.store.snapshot({ [META_INTEGRATION_USER]: this.integrationUser });
  }

  restore(snapshot: StoreSnapshot): void {
    this.store.restore(snapshot);
    const org: StoredRecord | undefined = [...this.store.table('Organization').values()][0];
    if (!org) throw new Error('The snapshot has no Organization row');
    this.orgIdValue = org.Id as string;
    const users = [...this.store.table('User').values()];
    const fallback = users.find((u) => u.Username === INTEGRATION_USERNAME) ?? users[0];
    const userId = snapshot.meta?.[META_INTEGRATION_USER] ?? (fallback?.Id as string | undefined);
    if (userId === undefined) throw new Error('The snapshot has no User rows');
    this.integrationUserId = userId;
  }
}

const catalogs = new Map<string, SchemaCatalog>();

/** Builds an org; the schema read from the manifests is shared by orgs built from one directory. */
export function createSandboxOrg(options: SandboxOrgOptions): SandboxOrg {
  assertTimeZone(options.timeZone);
  const dir = options.manifestDir ?? DEFAULT_MANIFEST_DIR;
  let catalog = catalogs.get(dir);
  if (!catalog) {
    catalog = buildCatalog(loadMetadataExtensions(dir));
    catalogs.set(dir, catalog);
  }
  return new SandboxOrg(catalog, options);
}
