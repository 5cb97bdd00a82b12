/**
 * A team finding: the weakness of a manager's whole team of one role rather than of one rep.
 * When the peers as a whole are confidently below target, flagging each rep would put the same
 * flag on everyone and say nothing about anyone; the manager is told once instead, as a process
 * or training question (ARCHITECTURE.md §5.2, Scope__c = Team). It is written as a team flag
 * (`teamFlagFields`, flags.ts) and has no rep, no focus and no cap of its own.
 */
import type { RepRole } from './model';
import type { Weakness } from './weakness';

/**
 * A weakness of a manager's whole team of one role (not one person's): one flag per manager × role
 * × measure. Its `actual`, `sampleSize` and `lostUnits` are the team's, pooled.
 */
export interface TeamFinding extends Weakness {
  /** The manager the team reports to: the flag's owner of the conversation. */
  managerId: string;
  /** Teams are split by role, so setters are never pooled with salespeople. */
  role: RepRole;
  /** Reps in the team: how many people the finding speaks for. */
  members: number;
  summary: string;
  evidence: string;
}
