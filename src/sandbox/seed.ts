import { DEMO_DEFAULTS, generateDealership } from './demo/generate';
import type { DemoDataset, DemoOptions } from './demo/types';
import type { SandboxOrg } from './org';

/**
 * Seeds the org with the demo dealership: the org is reset, the generator's records are loaded
 * as history (ids come from the store, so data is deterministic from the seed and `now`), and
 * API calls then act as the generator's integration user.
 */

export type SeedOptions = Partial<Omit<DemoOptions, 'timeZone'>>;

export interface SeedSummary {
  options: DemoOptions;
  integrationUserId: string;
  profiles: DemoDataset['profiles'];
  records: Record<string, number>;
}

export function seedDemo(org: SandboxOrg, options: SeedOptions = {}): SeedSummary {
  const demoOptions: DemoOptions = {
    ...DEMO_DEFAULTS,
    ...definedOnly(options),
    timeZone: org.store.timeZone,
    now: options.now ?? org.store.clock.now(),
  };
  let dataset: DemoDataset | undefined;
  org.reset(() => {
    dataset = generateDealership(demoOptions, (objectName) => org.store.newId(objectName));
    for (const [objectName, records] of Object.entries(dataset.records)) org.store.load(objectName, records);
    return dataset.integrationUserId;
  });
  if (!dataset) throw new Error('The demo generator produced no dataset');
  return {
    options: demoOptions,
    integrationUserId: dataset.integrationUserId,
    profiles: dataset.profiles,
    records: org.store.counts(),
  };
}

/** Reads seed options from loosely typed input (admin endpoint bodies). */
export function seedOptionsFrom(input: Record<string, unknown>): SeedOptions {
  const options: SeedOptions = {};
  for (const key of ['seed', 'days', 'reps', 'scale', 'now'] as const) {
    const raw = input[key];
    if (raw === undefined) continue;
    // `now` may also be an ISO datetime.
    const value = key === 'now' && typeof raw === 'string' ? Date.parse(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(`seed option '${key}' must be a number${key === 'now' ? ' or an ISO datetime' : ''}`);
    options[key] = value;
  }
  return options;
}

function definedOnly(options: SeedOptions): SeedOptions {
  const defined: SeedOptions = {};
  for (const [key, value] of Object.entries(options) as Array<[keyof SeedOptions, number | undefined]>)
    if (value !== undefined) defined[key] = value;
  return defined;
}
