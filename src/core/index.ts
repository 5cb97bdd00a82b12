/**
 * The public face of the pure core: what the config, connector, sync and CLI call.
 */
export { DealershipCalendar } from './calendar';
export { dateFromDay, dayFromDate, type DayNumber } from './civil-date';
export { type CoachingInput, type CoachingResult, computeCoaching } from './coach';
export { CoreError } from './core-error';
export { type EventColumns, EventColumnsBuilder, eventColumnsOf } from './event-columns';
export type { DesiredKind, DesiredRecord, SfValue } from './desired';
export type { Finding, RepDiagnosis } from './diagnose';
export type { Fact, FollowUpFact, LeadFact, OwnTaskFact } from './facts';
export {
  type FlagScope,
  type FlagStatus,
  flagKey,
  flagReadFields,
  isRepFlag,
  isTeamFlag,
  OPEN_STATUSES,
  type OpenFlag,
  openFlagFromRecord,
  type OpenRepFlag,
  type OpenTeamFlag,
  teamFlagKey,
} from './flags';
export type { GoalPlan, GoalPlanStep, GoalSource } from './goal-plan';
export { compileMapper, type MappedRecord, type RecordMapper } from './map';
export { type Counter, type MapStats, newMapStats } from './map-stats';
export { type BadRecordKind, type MapContext } from './plausibility';
export type * from './measure-results';
export type * from './model';
export type { CommitmentCheck } from './commitment-check';
export { pooledResult } from './pooled-result';
export { type SilentStep } from './silent-steps';
export { type DecidedFlag } from './commitments';
export { type CoachedFlag, coachingEffectiveness, type Effectiveness, type EffectivenessCounts } from './effectiveness';
export { EFFECTIVENESS_SCOPES, type MonthEffectiveness } from './effectiveness-records';
export { SCORECARD_PICKLISTS } from './scorecard-records';
export { type Pace, paceOf } from './scorecard-text';
export { type ObjectRead, readPlan } from './read-plan';
export { formatSfDateTime, parseSfDate, parseSfDateTime } from './salesforce-datetime';
export { readPath } from './salesforce-values';
export { type Interval, wilsonInterval } from './stats';
export { plainLine } from './plain-text';
export { staleLeadTaskKey } from './tasks';
export type { TeamFinding } from './team-finding';
export type { MeasureWindow, MonthToDate, Period } from './window';
export {
  desiredHash,
  type Ledger,
  type LedgerEntry,
  mapLedger,
  type PlannedWrite,
  planWrites,
  type WritePlan,
} from './write-plan';
export { canonicalJson } from './canonical-json';
export { contentHash } from './content-hash';
export type { StoreEffect, StoreEffects } from './leak-store';
export { MIN_PEOPLE, MIN_PERSON_WEEKS, MIN_WEEKS_PER_PERSON, type Verdict } from './predictive-effects';
export {
  type AnalyzedMeasure,
  analysisTable,
  analyzeStore,
  type CandidateSource,
  DEFAULT_LAG,
  type StoreAnalysis,
  type StoreAnalysisInput,
} from './predictive-store';
export {
  type AddedMeasure,
  calibrateTargets,
  KEEP_WITHIN,
  NEGLIGIBLE_WORTH,
  roundForConfig,
  SHRINK_PEOPLE,
  type StoreTargets,
  type Suggestion,
  type TargetRow,
} from './predictive-targets';
