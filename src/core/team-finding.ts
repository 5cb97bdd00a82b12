/**
 * A team finding: a weakness of a manager's whole team of one role, not of one person. When
 * the peers as a whole are confidently below target, flagging each of them says nothing about
 * anyone; it is a process or training question for their manager (team-diagnosis.ts).
 */
import type { DiagnosisKind, MeasureKind, RepRole, Severity } from './model';

/** A weakness of a manager's whole team of one role (not one person's): one flag per manager × role × measure. */
export interface TeamFinding {
  managerId: string;
  role: RepRole;
  measure: string;
  kind: MeasureKind;
  diagnosis: DiagnosisKind;
  step: string;
  /** The team's pooled value. */
  actual: number | null;
  target: number | null;
  /** Reps in the team. */
  members: number;
  sampleSize: number;
  lostUnits: number;
  severity: Severity;
  summary: string;
  evidence: string;
}
