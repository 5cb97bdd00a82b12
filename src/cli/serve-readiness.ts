/**
 * What keeps a served dealership from being ready besides a late run (service-http.ts asks that): its state file
 * can no longer be written (a full or read-only volume: every run would fail), or its org's API usage is past the
 * config's guard (`sync.maxApiUsage`: runs stop at once until the allowance resets). Either is for an operator to see
 * on /readyz before the history fills with failures.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { pct } from './wording';

export interface ReadinessInputs {
  statePath: string;
  /** The config's `sync.maxApiUsage` (0–1). */
  maxApiUsage: number;
  /** The org's API usage (0–1) as its last run saw it; null before one. */
  apiUsage: () => number | null;
  /** Throws when the path cannot be written (root passes every permission check; a read-only volume does not). */
  assertWritable?: (path: string) => void;
}

const writable = (path: string): void => accessSync(path, constants.W_OK);

export function readinessProblem(inputs: ReadinessInputs): () => string | null {
  return () => {
    // A state file not made yet is made in its folder by the first run.
    const target = existsSync(inputs.statePath) ? inputs.statePath : dirname(inputs.statePath);
    try {
      (inputs.assertWritable ?? writable)(target);
    } catch {
      return `its state file ${inputs.statePath} cannot be written`;
    }
    const usage = inputs.apiUsage();
    if (usage !== null && usage >= inputs.maxApiUsage)
      return `its org has used ${pct(usage)} of its daily API allowance, past sync.maxApiUsage ${pct(inputs.maxApiUsage)}: runs stop until it resets`;
    return null;
  };
}
