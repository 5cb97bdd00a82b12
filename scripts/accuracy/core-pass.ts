/**
 * The core-level pass: a generated dealership's records through the real mapper and the real
 * judgement, as one sync run would do it, minus the org and the store: users through
 * mapUsers, every record through mapRecord, then computeCoaching with no flags open yet.
 */
import { type CoachingResult, computeCoaching } from '../../src/core/coach';
import { compileMapper } from '../../src/core/map';
import { type MapStats, newMapStats } from '../../src/core/map-stats';
import type { CoachModel, SfRecord, StepEvent } from '../../src/core/model';
import type { Fact } from '../../src/core/facts';
import type { ObjectRecord } from './records';

export interface CorePass {
  result: CoachingResult;
  stats: MapStats;
  events: number;
}

export function runCore(model: CoachModel, users: readonly SfRecord[], records: readonly ObjectRecord[], now: number) {
  const mapper = compileMapper(model);
  const stats = newMapStats();
  const events: StepEvent[] = [];
  const facts: Fact[] = [];
  for (const { object, record } of records) {
    const mapped = mapper.mapRecord(object, record, stats);
    for (const event of mapped.events) events.push(event);
    for (const fact of mapped.facts) facts.push(fact);
  }
  const reps = mapper.mapUsers(users);
  const result = computeCoaching({ model, reps, events, facts, openFlags: [], now });
  return { result, stats, events: events.length } satisfies CorePass;
}
