/**
 * Root causes before the cap (ARCHITECTURE.md §6). Findings along one funnel are related, and a
 * manager can coach one cause, not its echoes: a rep who sells without the demo drive also has a
 * low demo rate (the drives not given) and a close rate bent by it. So, per rep, before counting
 * flags against `maxFlagsPerRep`:
 * - a skipped step (sequence) absorbs the rate into the step it skips and the rate into the
 *   step reached without it: one Knowledge finding at the skipped step, symptoms in its evidence;
 * - overdue follow-ups absorb stale leads when at least half of the stale leads are idle because
 *   their follow-up is overdue: the lead waits on the task.
 * A root cause's leak is the largest of its own and its symptoms' together: what it costs is what
 * its symptoms lose.
 */
import type { MeasureResult } from './measure-results';
import type { MeasureModel } from './model';

export interface Related {
  measure: MeasureModel;
  result: MeasureResult;
  /** The step the finding is about (the skipped step for a sequence). */
  step: string;
  lostUnits: number;
}

/** Whether `symptom` is explained by `cause` (both findings of one rep). */
export function explains(cause: Related, symptom: Related): boolean {
  const c = cause.result;
  const s = symptom.result;
  if (c.kind === 'sequence' && s.kind === 'ratio') return s.to === cause.step || s.to === c.step;
  if (c.kind === 'overdue' && s.kind === 'staleLead') {
    if (s.leads.length === 0) return false;
    const waiting = new Set(c.items.map((item) => item.subject));
    const idle = s.leads.filter((lead) => waiting.has(lead.leadId)).length;
    return idle * 2 >= s.leads.length;
  }
  return false;
}

/**
 * Splits findings into root causes, each with the symptoms it absorbs. A finding explained by
 * another is a symptom of the first cause that explains it (config order); causes are never
 * absorbed themselves, so a chain cannot swallow the cause.
 */
export function rootCauses<T extends Related>(findings: readonly T[]): Array<{ cause: T; symptoms: T[] }> {
  const causes = findings.filter((f) => f.result.kind === 'sequence' || f.result.kind === 'overdue');
  const absorbed = new Map<T, T>();
  for (const finding of findings) {
    if (causes.includes(finding)) continue;
    const cause = causes.find((c) => explains(c, finding));
    if (cause) absorbed.set(finding, cause);
  }
  return findings
    .filter((finding) => !absorbed.has(finding))
    .map((cause) => ({ cause, symptoms: findings.filter((f) => absorbed.get(f) === cause) }));
}

/** A root cause's leak: the largest of its own and its symptoms' together. */
export function rootLeak(cause: Related, symptoms: readonly Related[]): number {
  return Math.max(
    cause.lostUnits,
    symptoms.reduce((total, s) => total + s.lostUnits, 0),
  );
}
