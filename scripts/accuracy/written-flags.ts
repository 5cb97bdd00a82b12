/**
 * What a sync wrote, read back as the scorer reads a core result: each rep's flags as the
 * findings they were written from (a flag's fields are a finding's, field for field), and the
 * product's tasks as desired records. A flag whose salesperson field holds no one is nobody's
 * finding (the scorer looks findings up by rep). Tasks of a rule this file does not know are
 * left out: the scorer reads only stale-lead tasks, and the comparison with the core pass
 * (write-comparison.ts) sees every record whatever its rule.
 */
import { AGENDA_RULE } from '../../src/core/agenda';
import type { CoachingResult } from '../../src/core/coach';
import { type DesiredKind, type DesiredRecord, type SfValue, TASK } from '../../src/core/desired';
import type { Finding, RepDiagnosis } from '../../src/core/diagnose';
import type { CoachModel, DiagnosisKind, Severity, SfRecord } from '../../src/core/model';
import { COMMITMENT_CHECK_RULE, STALE_LEAD_RULE } from '../../src/core/tasks';
import type { WrittenRecords } from './sandbox-pass';

const KIND_OF_RULE: ReadonlyMap<string, DesiredKind> = new Map([
  [STALE_LEAD_RULE, 'staleLeadTask'],
  [COMMITMENT_CHECK_RULE, 'commitmentCheckTask'],
  [AGENDA_RULE, 'agenda'],
]);

export function writtenResult(
  model: CoachModel,
  written: WrittenRecords,
): Pick<CoachingResult, 'diagnoses' | 'desired'> {
  const byRep = new Map<string, Finding[]>();
  for (const flag of written.flags) {
    const finding = findingOf(model, flag);
    if (finding === null) continue;
    const list = byRep.get(finding.repId) ?? [];
    list.push(finding);
    byRep.set(finding.repId, list);
  }
  const diagnoses: RepDiagnosis[] = [...byRep.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([repId, flagged]) => ({
      repId,
      flagged: flagged.sort((a, b) => Number(b.isFocus) - Number(a.isFocus) || b.lostUnits - a.lostUnits),
      heldBack: [],
    }));
  const desired = written.tasks.flatMap((task) => {
    const record = taskRecord(model, task);
    return record ? [record] : [];
  });
  return { diagnoses, desired };
}

/** The finding a flag was written from; null for a flag that names no rep. */
export function findingOf(model: CoachModel, flag: SfRecord): Finding | null {
  const f = model.writeBack.flagFields;
  const repId = flag[f.salesperson];
  if (typeof repId !== 'string') return null;
  const measure = String(flag[f.measure]);
  const kind = model.measures.find((m) => m.id === measure)?.kind;
  if (kind === undefined) throw new Error(`A flag in the org names the measure '${measure}', which the config lacks.`);
  const number = (field: string): number | null => {
    const value = flag[field];
    return typeof value === 'number' ? value : null;
  };
  const text = (field: string): string => {
    const value = flag[field];
    return typeof value === 'string' ? value : '';
  };
  return {
    repId,
    measure,
    kind,
    diagnosis: text(f.diagnosis) as DiagnosisKind,
    step: text(f.step),
    actual: number(f.actual),
    target: number(f.target),
    teamValue: number(f.teamValue),
    sampleSize: number(f.sampleSize) ?? 0,
    lostUnits: number(f.lostUnits) ?? 0,
    severity: text(f.severity) as Severity,
    isFocus: flag[f.isFocus] === true,
    // Not written to the org: the evidence lists the symptoms in words.
    symptoms: [],
    summary: text(f.summary),
    evidence: text(f.evidence),
  };
}

/** A keyed task as a desired record: the fields set on create, then those kept up to date (core/tasks.ts). */
function taskRecord(model: CoachModel, task: SfRecord): DesiredRecord | null {
  const keyField = model.writeBack.taskKeyField;
  const key = String(task[keyField]);
  const kind = KIND_OF_RULE.get(key.split(':')[1] ?? '');
  if (kind === undefined) return null;
  const pick = (fields: readonly string[]): Record<string, SfValue> =>
    Object.fromEntries(fields.map((field) => [field, (task[field] ?? null) as SfValue]));
  return {
    kind,
    object: 'Task',
    keyField,
    key,
    createOnly: pick([TASK.owner, TASK.status, TASK.who, TASK.description]),
    fields: pick([TASK.subject, TASK.type, TASK.activityDate]),
  };
}
