/** Salesforce's JSON form of a datetime: `2026-11-20T15:04:05.000+0000` (always UTC). */
export function sfDateTime(epochMs: number): string {
  // toISOString gives `…T15:04:05.000Z`; Salesforce writes the offset as +0000.
  return `${new Date(epochMs).toISOString().slice(0, 23)}+0000`;
}
