/**
 * Scoring the written findings (each rep's flagged ones) against the planted truth.
 * - A planted weakness is right when a flag names its measure with its diagnosis; wrong when
 *   the rep is flagged for it otherwise (its measure with another diagnosis, or one of its
 *   symptoms instead); missed when neither.
 * - A flag that is neither planted nor a symptom is false. It is at the peers' level when the
 *   rep's whole team (store and role) is planted worse than the threshold on that measure:
 *   a team's gap put on one rep.
 * - Stale-lead tasks are noise when their lead has an appointment ahead or a call-back task
 *   of its owner due today or later.
 */
import type { CoachingResult } from '../../src/core/coach';
import type { TeamFinding } from '../../src/core/team-finding';
import type { CoachModel, MeasureKind, RepRole } from '../../src/core/model';
import { minSampleOf } from '../../src/core/rules';
import type { DealershipTruth, Profile, RepTruth } from './truth';
import type { WeaknessKind } from './weaknesses';

/** Kinds whose value is a share of a sample: they rest on the config's minimum sample. */
export const SAMPLED_KINDS: ReadonlySet<MeasureKind> = new Set(['ratio', 'responseTime', 'sequence', 'integrity']);

export interface KindScore {
  planted: number;
  right: number;
  wrongDiagnosis: number;
  missed: number;
}

export interface GroupScore {
  reps: number;
  flagged: number;
  flags: number;
}

export interface StaleTaskScore {
  total: number;
  /** Leads truly idle: the tasks that should be written. */
  idle: number;
  /** Noise: an appointment or a call-back task ahead. */
  busy: number;
  /** Touched by an e-mail or a text lately. */
  messaged: number;
  /** Leads the truth has no reason to call idle (should stay 0: a generator check). */
  other: number;
}

export interface Score {
  dealerships: number;
  stores: number;
  reps: Record<RepRole, number>;
  flags: number;
  kinds: Map<WeaknessKind, KindScore>;
  /** By role and profile ("salesperson clean", "setter weak", …). */
  groups: Map<string, GroupScore>;
  cleanReps: number;
  cleanFalseFlags: number;
  falseFlagsByMeasure: Map<string, number>;
  peerLevelFlags: number;
  peerLevelByMeasure: Map<string, number>;
  teamGaps: number;
  /** Planted team-wide gaps found as a team finding for that team's manager. */
  teamGapsFound: number;
  /** Team findings where the team was planted at or above the threshold. */
  teamFalseFindings: number;
  teamFalseByMeasure: Map<string, number>;
  symptomFlags: number;
  otherFalseFlags: number;
  busyActivityFlags: number;
  belowMinSample: Map<MeasureKind, number>;
  staleTasks: StaleTaskScore;
}

export function emptyScore(): Score {
  return {
    dealerships: 0,
    stores: 0,
    reps: { salesperson: 0, setter: 0 },
    flags: 0,
    kinds: new Map(),
    groups: new Map(),
    cleanReps: 0,
    cleanFalseFlags: 0,
    falseFlagsByMeasure: new Map(),
    peerLevelFlags: 0,
    peerLevelByMeasure: new Map(),
    teamGaps: 0,
    teamGapsFound: 0,
    teamFalseFindings: 0,
    teamFalseByMeasure: new Map(),
    symptomFlags: 0,
    otherFalseFlags: 0,
    busyActivityFlags: 0,
    belowMinSample: new Map(),
    staleTasks: { total: 0, idle: 0, busy: 0, messaged: 0, other: 0 },
  };
}

export function isClean(rep: RepTruth): boolean {
  return rep.weaknesses.length === 0 && rep.tempting.length === 0;
}

const bump = <K>(map: Map<K, number>, key: K, by = 1): void => {
  map.set(key, (map.get(key) ?? 0) + by);
};

export function scoreDealership(
  score: Score,
  truth: DealershipTruth,
  result: Pick<CoachingResult, 'diagnoses' | 'desired'> & Partial<Pick<CoachingResult, 'teamFindings'>>,
  /** Each measure's minimum sample (its own, else coaching's). */
  minSample: (measure: string) => number,
): void {
  score.dealerships++;
  score.stores += truth.stores.length;
  for (const store of truth.stores) score.teamGaps += store.gaps.salesperson.size + store.gaps.setter.size;
  scoreTeamFindings(score, truth, result.teamFindings ?? []);
  const flagsOf = new Map(result.diagnoses.map((d) => [d.repId, d.flagged]));
  for (const rep of truth.reps) {
    const flags = flagsOf.get(rep.repId) ?? [];
    const gaps = truth.stores.find((s) => s.store === rep.store)?.gaps[rep.role] ?? new Set<string>();
    score.reps[rep.role]++;
    score.flags += flags.length;
    const group = groupOf(score, rep.role, rep.profile);
    group.reps++;
    group.flags += flags.length;
    if (flags.length > 0) group.flagged++;
    if (isClean(rep)) score.cleanReps++;

    for (const weakness of rep.weaknesses) {
      const kind = score.kinds.get(weakness.kind) ?? { planted: 0, right: 0, wrongDiagnosis: 0, missed: 0 };
      score.kinds.set(weakness.kind, kind);
      kind.planted++;
      if (flags.some((f) => f.measure === weakness.measure && f.diagnosis === weakness.diagnosis)) kind.right++;
      else if (flags.some((f) => f.measure === weakness.measure || weakness.symptoms.includes(f.measure)))
        kind.wrongDiagnosis++;
      else kind.missed++;
    }

    const planted = new Set(rep.weaknesses.map((w) => w.measure));
    const symptoms = new Set(rep.weaknesses.flatMap((w) => w.symptoms));
    // A tempting rate is planted below the peers, so a flag there is wrong for its sample, not its level.
    const belowPeers = new Set([...planted, ...rep.tempting.map((w) => w.measure)]);
    for (const flag of flags) {
      if (SAMPLED_KINDS.has(flag.kind) && flag.sampleSize < minSample(flag.measure))
        bump(score.belowMinSample, flag.kind);
      if (rep.profile === 'busy_low_conversion' && flag.diagnosis === 'Activity') score.busyActivityFlags++;
      if (planted.has(flag.measure)) continue;
      if (symptoms.has(flag.measure)) {
        score.symptomFlags++;
        continue;
      }
      if (gaps.has(flag.measure) && !belowPeers.has(flag.measure)) {
        score.peerLevelFlags++;
        bump(score.peerLevelByMeasure, flag.measure);
      }
      if (isClean(rep)) {
        score.cleanFalseFlags++;
        bump(score.falseFlagsByMeasure, flag.measure);
      } else {
        score.otherFalseFlags++;
      }
    }
  }
  scoreStaleTasks(score.staleTasks, truth, result);
}

/**
 * Team findings against the planted team-wide gaps: a gap is found when its team's manager has a
 * team finding on that measure for that role; a team finding where no gap was planted is false.
 */
function scoreTeamFindings(score: Score, truth: DealershipTruth, findings: readonly TeamFinding[]): void {
  const byManager = new Map(
    truth.stores.flatMap((store) =>
      (['salesperson', 'setter'] as const).map(
        (role) => [`${store.managers[role]}:${role}`, store.gaps[role]] as const,
      ),
    ),
  );
  const found = new Set<string>();
  for (const finding of findings) {
    const gaps = byManager.get(`${finding.managerId}:${finding.role}`);
    if (gaps?.has(finding.measure)) found.add(`${finding.managerId}:${finding.role}:${finding.measure}`);
    else {
      score.teamFalseFindings++;
      bump(score.teamFalseByMeasure, finding.measure);
    }
  }
  score.teamGapsFound += found.size;
}

function groupOf(score: Score, role: RepRole, profile: Profile): GroupScore {
  const key = `${role} ${profile.replace(/_/g, ' ')}`;
  let group = score.groups.get(key);
  if (!group) score.groups.set(key, (group = { reps: 0, flagged: 0, flags: 0 }));
  return group;
}

function scoreStaleTasks(tasks: StaleTaskScore, truth: DealershipTruth, result: Pick<CoachingResult, 'desired'>): void {
  for (const record of result.desired) {
    if (record.kind !== 'staleLeadTask') continue;
    const leadId = record.createOnly.WhoId;
    tasks.total++;
    if (typeof leadId !== 'string') tasks.other++;
    else if (truth.leads.stale.has(leadId)) tasks.idle++;
    else if (truth.leads.busy.has(leadId)) tasks.busy++;
    else if (truth.leads.messaged.has(leadId)) tasks.messaged++;
    else tasks.other++;
  }
}

/** Each measure's minimum sample by its id, as the judgement applies it (rules.ts). */
export function minSampleByMeasure(model: CoachModel): (measure: string) => number {
  return (id) => {
    const measure = model.measures.find((m) => m.id === id);
    return measure ? minSampleOf(measure, model) : model.coaching.minSample;
  };
}
