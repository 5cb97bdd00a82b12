import { DEMO_DEFAULTS, generateDealership } from '../../../src/sandbox/demo/generate';
import type { DemoDataset, DemoOptions, NewId } from '../../../src/sandbox/demo/types';

/** Salesforce key prefixes of the demo objects. */
export const KEY_PREFIXES: Record<string, string> = {
  User: '005',
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Task: '00T',
  Event: '00U',
  Opportunity: '006',
  OpportunityHistory: '008',
};

/** A counter id source: prefix, a base-36 counter padded to 12, a fixed 3-character suffix. */
export function counterNewId(): NewId {
  let next = 0;
  return (objectName) => {
    const prefix = KEY_PREFIXES[objectName];
    if (prefix === undefined) throw new Error(`no key prefix for ${objectName}`);
    return `${prefix}${(next++).toString(36).toUpperCase().padStart(12, '0')}AAA`;
  };
}

/** Friday 20 November 2026, 15:30 in Chicago: the 90 days before it span the end of DST (1 November). */
export const DEMO_NOW = Date.parse('2026-11-20T21:30:00Z');

export function demoOptions(overrides: Partial<DemoOptions> = {}): DemoOptions {
  return { ...DEMO_DEFAULTS, now: DEMO_NOW, ...overrides };
}

export function generate(overrides: Partial<DemoOptions> = {}): DemoDataset {
  return generateDealership(demoOptions(overrides), counterNewId());
}
