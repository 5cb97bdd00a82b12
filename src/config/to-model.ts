/**
 * From the validated config to the model the pure core works on. The sections the core needs
 * are already in the model's shape (the schema fills every default); the compile-time checks
 * below fail the build if src/core/model.ts and the schema drift apart in either direction.
 */
import type { CoachModel, MeasureKind, MeasureModel, RepRole } from '../core/model';
import type { Config } from './schema/config';

export function toCoachModel(config: Config): CoachModel {
  const { mode: _mode, ...writeBack } = config.writeBack;
  return {
    dealership: config.dealership,
    team: config.team,
    steps: config.steps,
    measures: config.measures,
    goals: config.goals,
    coaching: config.coaching,
    writeBack,
  };
}

// ---------------------------------------------------------------------------------------------
// Compile-time checks. Assignability alone misses an optional field the model gains but the
// schema lacks (`{a}` is assignable to `{a; b?}`), so the keys are compared as well.
// ---------------------------------------------------------------------------------------------

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type ModelMeasure<K extends MeasureKind> = Extract<MeasureModel, { kind: K }>;
type ConfigMeasure<K extends MeasureKind> = Extract<Config['measures'][number], { kind: K }>;
type ConfigWriteBack = Omit<Config['writeBack'], 'mode'>;
type ConfigByRole<K extends MeasureKind> = NonNullable<ConfigMeasure<K>['byRole']>;
type ModelByRole<K extends MeasureKind> = NonNullable<ModelMeasure<K>['byRole']>;
/** A kind's thresholds per role: the same roles, and for each role the same threshold fields. */
type SameByRole<K extends MeasureKind> =
  SameKeys<ConfigByRole<K>, Record<RepRole, unknown>> extends true
    ? false extends {
        [R in RepRole]: SameKeys<NonNullable<ConfigByRole<K>[R]>, NonNullable<ModelByRole<K>[R]>>;
      }[RepRole]
      ? false
      : true
    : false;

export type _ModelChecks = [
  Assert<SameKeys<Config['dealership'], CoachModel['dealership']>>,
  Assert<SameKeys<NonNullable<Config['dealership']['hours']>, NonNullable<CoachModel['dealership']['hours']>>>,
  Assert<SameKeys<Config['team'], CoachModel['team']>>,
  Assert<SameKeys<Config['steps'][number], CoachModel['steps'][number]>>,
  Assert<SameKeys<Config['goals'], CoachModel['goals']>>,
  Assert<SameKeys<Config['coaching'], CoachModel['coaching']>>,
  Assert<SameKeys<Config['coaching']['severity'], CoachModel['coaching']['severity']>>,
  Assert<SameKeys<ConfigWriteBack, CoachModel['writeBack']>>,
  Assert<SameKeys<ConfigWriteBack['flagFields'], CoachModel['writeBack']['flagFields']>>,
  Assert<SameKeys<ConfigWriteBack['scorecard'], CoachModel['writeBack']['scorecard']>>,
  Assert<SameKeys<ConfigWriteBack['scorecard']['fields'], CoachModel['writeBack']['scorecard']['fields']>>,
  Assert<SameKeys<ConfigWriteBack['effectiveness'], CoachModel['writeBack']['effectiveness']>>,
  Assert<SameKeys<ConfigWriteBack['effectiveness']['fields'], CoachModel['writeBack']['effectiveness']['fields']>>,
  Assert<SameUnion<Config['measures'][number]['kind'], MeasureKind>>,
  Assert<SameKeys<ConfigMeasure<'volume'>, ModelMeasure<'volume'>>>,
  Assert<SameKeys<ConfigMeasure<'ratio'>, ModelMeasure<'ratio'>>>,
  Assert<SameKeys<ConfigMeasure<'responseTime'>, ModelMeasure<'responseTime'>>>,
  Assert<SameKeys<ConfigMeasure<'overdue'>, ModelMeasure<'overdue'>>>,
  Assert<SameKeys<ConfigMeasure<'staleLead'>, ModelMeasure<'staleLead'>>>,
  Assert<SameKeys<ConfigMeasure<'sequence'>, ModelMeasure<'sequence'>>>,
  Assert<SameKeys<ConfigMeasure<'integrity'>, ModelMeasure<'integrity'>>>,
  Assert<SameByRole<'volume'>>,
  Assert<SameByRole<'ratio'>>,
  Assert<SameByRole<'responseTime'>>,
  Assert<SameByRole<'overdue'>>,
  Assert<SameByRole<'staleLead'>>,
  Assert<SameByRole<'sequence'>>,
  Assert<SameByRole<'integrity'>>,
  Assert<
    SameKeys<
      NonNullable<ConfigMeasure<'integrity'>['minDuration']>,
      NonNullable<ModelMeasure<'integrity'>['minDuration']>
    >
  >,
];
