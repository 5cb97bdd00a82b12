/**
 * The weaknesses the generator plants and what a correct judgement says about each: the
 * measure it should be flagged at and the diagnosis (Knowledge: does not follow the process;
 * Skill: does the step, cannot convert; Activity: does not do enough of it). `symptoms` are the
 * other measures the planted behaviour moves as well (a rep who skips the demo also has a low
 * demo rate and sells less than the goal needs); a flag there is the symptom, not the cause.
 */
import type { DiagnosisKind, RepRole } from '../../src/core/model';
import { LEVEL_MEASURE, type LevelKey } from './levels';
import type { Random } from './random';

export type WeaknessKind =
  | 'low_activity'
  | 'slow_response'
  | 'low_contact_rate'
  | 'low_set_rate'
  | 'no_shows'
  | 'low_demo_rate'
  | 'low_write_up_rate'
  | 'low_close_rate'
  | 'skips_demo'
  | 'skips_needs_analysis'
  | 'overdue_follow_ups'
  | 'stale_leads'
  | 'fake_calls';

interface WeaknessSpec {
  label: string;
  level: LevelKey;
  diagnosis: DiagnosisKind;
  symptoms: readonly string[];
  roles: readonly RepRole[];
}

const BOTH: readonly RepRole[] = ['salesperson', 'setter'];
const SALES: readonly RepRole[] = ['salesperson'];
/** A rep who converts worse sells less than the goal, so the goal plan asks for more calls. */
const CONVERSION = ['outbound_calls'];

export const WEAKNESSES: Readonly<Record<WeaknessKind, WeaknessSpec>> = {
  low_activity: { label: 'low activity', level: 'activity', diagnosis: 'Activity', symptoms: [], roles: SALES },
  slow_response: { label: 'slow lead response', level: 'respond', diagnosis: 'Activity', symptoms: [], roles: BOTH },
  low_contact_rate: {
    label: 'low contact rate',
    level: 'contact',
    diagnosis: 'Skill',
    symptoms: CONVERSION,
    roles: BOTH,
  },
  low_set_rate: { label: 'low set rate', level: 'set', diagnosis: 'Skill', symptoms: CONVERSION, roles: BOTH },
  no_shows: { label: 'no-shows', level: 'show', diagnosis: 'Skill', symptoms: CONVERSION, roles: BOTH },
  low_demo_rate: { label: 'low demo rate', level: 'demo', diagnosis: 'Skill', symptoms: CONVERSION, roles: SALES },
  low_write_up_rate: {
    label: 'low write-up rate',
    level: 'writeUp',
    diagnosis: 'Skill',
    symptoms: CONVERSION,
    roles: SALES,
  },
  low_close_rate: { label: 'low close rate', level: 'close', diagnosis: 'Skill', symptoms: CONVERSION, roles: SALES },
  skips_demo: {
    label: 'skips the demo',
    level: 'demoSkip',
    diagnosis: 'Knowledge',
    symptoms: ['demo_rate', 'close_rate', 'outbound_calls'],
    roles: SALES,
  },
  skips_needs_analysis: {
    label: 'skips needs analysis',
    level: 'naSkip',
    diagnosis: 'Knowledge',
    symptoms: [],
    roles: SALES,
  },
  overdue_follow_ups: {
    label: 'overdue follow-ups',
    level: 'overdue',
    diagnosis: 'Activity',
    // A follow-up left undone leaves its lead idle: it is a stale lead too.
    symptoms: ['stale_leads'],
    roles: BOTH,
  },
  stale_leads: { label: 'stale leads', level: 'stale', diagnosis: 'Activity', symptoms: [], roles: BOTH },
  fake_calls: { label: 'fake calls', level: 'suspicious', diagnosis: 'Activity', symptoms: [], roles: BOTH },
};

export const WEAKNESS_KINDS = Object.keys(WEAKNESSES) as WeaknessKind[];

/**
 * Pairs not planted together: one behaviour twice (skipping the demo is a low demo rate too),
 * or doing half the work beside a weakness whose sample lies far down the funnel, which would
 * take a workload no salesperson has to judge.
 */
const CONFLICTS: ReadonlyArray<readonly [WeaknessKind, WeaknessKind]> = [
  ['skips_demo', 'low_demo_rate'],
  // Selling without the demo already lowers the close rate: the counts a CRM holds cannot tell a
  // second, separate closing weakness from the skip's own effect.
  ['skips_demo', 'low_close_rate'],
  ['low_activity', 'skips_demo'],
  ['low_activity', 'skips_needs_analysis'],
  ['low_activity', 'low_close_rate'],
  ['low_activity', 'low_write_up_rate'],
];

export interface PlantedWeakness {
  kind: WeaknessKind;
  /** The measure a correct judgement flags. */
  measure: string;
  diagnosis: DiagnosisKind;
  symptoms: readonly string[];
}

export function planted(kind: WeaknessKind): PlantedWeakness {
  const spec = WEAKNESSES[kind];
  return { kind, measure: LEVEL_MEASURE[spec.level], diagnosis: spec.diagnosis, symptoms: spec.symptoms };
}

export function conflicts(a: WeaknessKind, b: WeaknessKind): boolean {
  return a === b || CONFLICTS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/**
 * Weakness kinds dealt like cards, one shuffled pile per role, so that every kind is planted
 * about equally often across a run instead of leaving rare kinds to chance.
 */
export class WeaknessDeck {
  private readonly piles = new Map<RepRole, WeaknessKind[]>();

  constructor(private readonly random: Random) {}

  draw(role: RepRole, held: readonly WeaknessKind[] = []): WeaknessKind {
    for (let attempt = 0; attempt < 2; attempt++) {
      const pile = this.pile(role);
      const index = pile.findIndex((kind) => held.every((other) => !conflicts(kind, other)));
      if (index >= 0) return pile.splice(index, 1)[0] as WeaknessKind;
      this.piles.set(role, [...pile, ...this.fresh(role)]);
    }
    throw new Error(`No weakness kind for a ${role} fits beside ${held.join(', ')}.`);
  }

  private pile(role: RepRole): WeaknessKind[] {
    let pile = this.piles.get(role);
    if (!pile || pile.length === 0) this.piles.set(role, (pile = this.fresh(role)));
    return pile;
  }

  private fresh(role: RepRole): WeaknessKind[] {
    return this.random.shuffled(WEAKNESS_KINDS.filter((kind) => WEAKNESSES[kind].roles.includes(role)));
  }
}
