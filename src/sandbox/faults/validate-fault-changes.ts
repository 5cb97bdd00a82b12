import { type FaultSettings, NO_FAULTS } from './fault-settings';

/** Faults switched on and off rather than counted. */
const BOOLEAN_FAULTS: ReadonlySet<string> = new Set(['randomPageSizes', 'repeatRowAcrossPages']);

/** Checks a fault change sent to the admin endpoint: known keys, values of the right type. */
export function validateFaultChanges(body: unknown): Partial<FaultSettings> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error('expected a JSON object of fault settings');
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!(key in NO_FAULTS)) throw new Error(`unknown fault '${key}' (known: ${Object.keys(NO_FAULTS).join(', ')})`);
    const nullable = key === 'expireSessionAfterCalls' || key === 'dailyApiLimit' || key === 'stallMs';
    if (value === null && nullable) {
      changes[key] = null;
      continue;
    }
    const expected = typeof NO_FAULTS[key as keyof FaultSettings];
    const ok = BOOLEAN_FAULTS.has(key)
      ? typeof value === 'boolean'
      : typeof value === 'number' && Number.isFinite(value) && value >= 0;
    if (!ok)
      throw new Error(
        `fault '${key}' expects ${BOOLEAN_FAULTS.has(key) ? 'a boolean' : expected === 'number' ? 'a number ≥ 0' : 'a number ≥ 0 or null'}`,
      );
    if (key === 'lockRowShare' && (value as number) > 1)
      throw new Error("fault 'lockRowShare' is a share between 0 and 1");
    changes[key] = value;
  }
  // Every key and value was checked against NO_FAULTS above.
  return changes;
}
