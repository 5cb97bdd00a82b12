/** Builders for the accuracy benchmark's tests: the reference model, generated stores, hand-made truths, findings. */
import { join } from 'node:path';
import { loadConfig, toCoachModel } from '../../src/config';
import type { Finding, RepDiagnosis } from '../../src/core/diagnose';
import type { DesiredRecord } from '../../src/core/desired';
import type { CoachModel } from '../../src/core/model';
import { type GeneratedDealership, generateDealership } from '../../scripts/accuracy/dealership';
import { atThresholds, thresholdsOf } from '../../scripts/accuracy/levels';
import { Random } from '../../scripts/accuracy/random';
import type { StoreShape } from '../../scripts/accuracy/store-plan';
import type { DealershipTruth, RepTruth, StoreTruth } from '../../scripts/accuracy/truth';
import { planted, WeaknessDeck, type WeaknessKind } from '../../scripts/accuracy/weaknesses';

let model: CoachModel | null = null;

export function referenceModel(): CoachModel {
  model ??= toCoachModel(loadConfig('config/dealership.yaml', { cwd: join(__dirname, '..', '..') }));
  return model;
}

/** A store whose team sits exactly at the config's thresholds, clean unless `plant` says otherwise. */
export function storeAtThresholds(over: StoreShape = {}): StoreShape {
  return {
    size: 10,
    bdc: false,
    team: atThresholds(thresholdsOf(referenceModel())),
    profile: 'clean',
    goal: 20,
    ...over,
  };
}

export function generated(seed: number, shapes?: readonly StoreShape[]): GeneratedDealership {
  const random = new Random(seed);
  return generateDealership({
    model: referenceModel(),
    random,
    deck: new WeaknessDeck(random.fork('deck')),
    index: 0,
    shapes,
  });
}

export function repTruth(over: Partial<RepTruth> & { weaknessKinds?: WeaknessKind[] } = {}): RepTruth {
  const { weaknessKinds, ...rest } = over;
  const weaknesses = (weaknessKinds ?? []).map(planted);
  return {
    repId: 'R1',
    name: 'Ana Abbot',
    role: 'salesperson',
    store: 'North',
    profile: weaknesses.length > 0 ? 'weak' : 'clean',
    weaknesses,
    tempting: [],
    ...rest,
  };
}

export function truthOf(reps: RepTruth[], gaps: Partial<StoreTruth['gaps']> = {}): DealershipTruth {
  return {
    reps,
    stores: [
      {
        store: 'North',
        gaps: { salesperson: new Set(), setter: new Set(), ...gaps },
        managers: { salesperson: 'MGR1', setter: 'MGR2' },
      },
    ],
    leads: { stale: new Set(), busy: new Set(), messaged: new Set() },
  };
}

export function finding(over: Partial<Finding> & Pick<Finding, 'measure'>): Finding {
  return {
    repId: 'R1',
    kind: 'ratio',
    diagnosis: 'Skill',
    step: 'appointment_set',
    actual: 0.3,
    target: 0.6,
    teamValue: 0.62,
    sampleSize: 48,
    lostUnits: 1,
    severity: 'Medium',
    isFocus: false,
    symptoms: [],
    summary: '',
    evidence: '',
    ...over,
  };
}

export function judged(flagged: Finding[], desired: DesiredRecord[] = []) {
  const diagnoses: RepDiagnosis[] = [{ repId: 'R1', flagged, heldBack: [] }];
  return { diagnoses, desired };
}

export function staleLeadTask(leadId: string): DesiredRecord {
  return {
    kind: 'staleLeadTask',
    object: 'Task',
    keyField: 'Coaching_Key__c',
    key: `v1:stale_lead:${leadId}:2026-11-20`,
    createOnly: { WhoId: leadId },
    fields: {},
  };
}
