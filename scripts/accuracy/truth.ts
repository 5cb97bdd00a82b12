/**
 * The planted truth of a generated dealership: for every rep what they really are, for every
 * store where the whole team sits below the config's thresholds, and which open leads a
 * stale-lead task would be noise for. The scorer compares the core's written flags with it.
 */
import type { RepRole } from '../../src/core/model';
import type { PlantedWeakness } from './weaknesses';

/**
 * - clean: at the team's level on everything;
 * - weak: one or two planted weaknesses;
 * - busy_low_conversion: calls half again as much as the team and converts badly (a Skill
 *   weakness, not an Activity one);
 * - new_hire: clean, started within the window;
 * - tiny_sample: so little work that nothing can be judged, with one tempting bad rate on it.
 */
export type Profile = 'clean' | 'weak' | 'busy_low_conversion' | 'new_hire' | 'tiny_sample';

export interface RepTruth {
  repId: string;
  name: string;
  role: RepRole;
  store: string;
  profile: Profile;
  /** What a correct judgement flags. */
  weaknesses: PlantedWeakness[];
  /** A bad rate planted on a sample too small to judge (tiny_sample): a correct judgement stays silent. */
  tempting: PlantedWeakness[];
}

export interface StoreTruth {
  store: string;
  /** Measures on which the role's whole team is planted worse than the config's threshold. */
  gaps: Record<RepRole, ReadonlySet<string>>;
  /** User Id of the manager of each role's team: a team finding names them. */
  managers: Record<RepRole, string>;
}

export interface LeadTruth {
  /** Open leads truly left idle (no touch, no appointment ahead, no open task due today or later). */
  stale: ReadonlySet<string>;
  /** Open leads with an appointment ahead or an open follow-up task of their owner due today or later. */
  busy: ReadonlySet<string>;
  /** Open leads touched only by an e-mail or text lately. */
  messaged: ReadonlySet<string>;
}

export interface DealershipTruth {
  reps: RepTruth[];
  stores: StoreTruth[];
  leads: LeadTruth;
}
