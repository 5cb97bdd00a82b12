/**
 * How a run reads on a terminal: what was read, what was found, what was (or would be)
 * written and what it cost in API calls. `--json` prints the same facts as data.
 */
import type { BadRecordKind, Counter, FlagScope, PlannedWrite, SilentStep, WriteBackModel } from '../core';
import type { RunReport } from '../sync/run-cycle';
import { counted, number } from './wording';

export type WriteMode = 'live' | 'preview' | 'dry-run';

/** One warning per step that matched nothing while the step before it had data: a probable mis-mapping. */
export function silentStepWarnings(silentSteps: readonly SilentStep[], advice: string): string[] {
  return silentSteps.map(
    (silent) =>
      `Warning: step ${silent.step} matched no record in the window while ${silent.upstream} had ` +
      `${counted(silent.upstreamEvents, 'event', 'events')}: probably mapped to a value the org does not use. ` +
      (silent.measures.length > 0 ? `Not judged: ${silent.measures.join(', ')}. ` : '') +
      advice,
  );
}

/**
 * A run's report for a person. `brief` (serve, where every dealership's runs share one output) leaves out the
 * per-object reads and the list of writes a preview would make: a few lines a run.
 */
export function renderRun(report: RunReport, mode: WriteMode, writeBack: WriteBackModel, brief = false): string {
  const lines: string[] = [];
  const read = report.reads.reduce((sum, r) => sum + r.records + r.deleted, 0);
  const incremental = report.reads.filter((r) => r.incremental).length;
  lines.push(
    `Run ${report.runId}: ${report.result}. Read ${number(read)} records from ${report.reads.length} objects ` +
      `(${incremental} incremental, ${report.reads.length - incremental} backfilled) in ${number(report.apiCalls.read)} API calls.`,
  );
  for (const r of brief ? [] : report.reads) {
    const bad = r.bad > 0 ? `, ${number(r.bad)} bad (skipped)` : '';
    const repeated = r.repeated > 0 ? `, ${number(r.repeated)} sent twice (counted once)` : '';
    lines.push(
      `  ${r.object.padEnd(20)} ${number(r.records).padStart(9)} records, ${number(r.deleted)} deleted, ${r.pages} pages${bad}${repeated}`,
    );
  }
  const bad = badRecordsLine(report.mapStats.bad);
  if (bad !== null) lines.push(bad);
  if (report.unchangedSince !== null) {
    lines.push(`Nothing changed since ${report.unchangedSince} (same day, same config): nothing to compute or write.`);
  }
  const coaching = report.coaching;
  if (coaching) {
    const salespeople = report.reps.filter((rep) => rep.role === 'salesperson').length;
    lines.push(
      `Measured ${counted(salespeople, 'salesperson', 'salespeople')} and ` +
        `${counted(report.reps.length - salespeople, 'setter', 'setters')} over ` +
        `${coaching.window.startDate} – ${coaching.window.endDate}: ` +
        `${counted(coaching.findings.length, 'weakness', 'weaknesses')} flagged on reps, ` +
        `${coaching.teamFindings.length} on whole teams, ${counted(coaching.checks.length, 'follow-up check', 'follow-up checks')}.`,
    );
    lines.push(...silentStepWarnings(coaching.silentSteps, 'Check it with `execution-coach preview`.'));
  }
  const plan = report.plan;
  if (plan) {
    const verb = mode === 'live' ? 'Planned' : 'Would write';
    lines.push(
      `${verb}: ${plan.creates.length} to create, ${plan.updates.length} to update, ${plan.skips.length} unchanged.`,
    );
    if (mode !== 'live' && !brief) {
      for (const write of [...plan.creates, ...plan.updates])
        lines.push(`  ${describeWrite(write, plan.creates.includes(write), report, writeBack)}`);
    }
  }
  const writes = sent(report, mode);
  if (writes) {
    lines.push(
      `Wrote: ${writes.created} created, ${writes.updated} updated, ${writes.skipped} unchanged, ${writes.failed} failed ` +
        `in ${number(report.apiCalls.write)} API calls.`,
    );
  } else if (report.unchangedSince !== null) {
    // Said above.
  } else if (mode === 'preview') {
    lines.push('Nothing was sent: writeBack.mode is preview. Run with --live (or set writeBack.mode: live) to write.');
  } else if (mode === 'dry-run') {
    lines.push('Dry run: neither the org nor the state was changed.');
  }
  for (const error of report.errors) lines.push(`  error: ${error}`);
  lines.push(apiCallsLine(report.apiCalls));
  return `${lines.join('\n')}\n`;
}

/**
 * The run's calls in all, split as the lines above count them: the first line counts the read's calls only, so a
 * total that also holds the lookups of the product's own records (and the writes) says where the rest went.
 */
function apiCallsLine(calls: RunReport['apiCalls']): string {
  const after = calls.total - calls.read;
  if (after <= 0) return `API calls this run: ${number(calls.total)}.`;
  return (
    `API calls this run: ${number(calls.total)} (${number(calls.read)} reading, ` +
    `${number(after)} looking up and writing the coaching records).`
  );
}

/** What each kind of bad record is, in the run's summary; the kind's name follows for `--json` and logs. */
const BAD_RECORD_WORDS: Readonly<Record<BadRecordKind, string>> = {
  ownerNotUser: 'activity owned by a queue',
  ownerUnknown: 'activity owned by no user of the org',
  ownerMissing: 'activity with no owner',
  dateImplausible: 'dated out of range',
  negativeDuration: 'with a negative duration',
  endBeforeStart: 'event ending before it starts',
};

/** The records the mapper refused this run, by kind; null when there were none. */
export function badRecordsLine(bad: Counter): string | null {
  const kinds = (Object.keys(BAD_RECORD_WORDS) as BadRecordKind[]).filter((kind) => (bad[kind] ?? 0) > 0);
  if (kinds.length === 0) return null;
  const parts = kinds.map((kind) => `${number(bad[kind] ?? 0)} ${BAD_RECORD_WORDS[kind]} (${kind})`);
  return `Bad records, nothing credited from them: ${parts.join(', ')}.`;
}

/** What the org answered; a preview's or dry run's writer recorded the plan and sent nothing. */
function sent(report: RunReport, mode: WriteMode): RunReport['writes'] {
  return mode === 'live' ? report.writes : null;
}

/** Task fields shown for follow-up and agenda tasks. */
const TASK_SUBJECT = 'Subject';
const TASK_OWNER = 'OwnerId';

function describeWrite(write: PlannedWrite, create: boolean, report: RunReport, writeBack: WriteBackModel): string {
  const { record } = write;
  const verb = create ? 'create' : 'update';
  const fields = record.fields;
  const text =
    [fields[writeBack.flagFields.summary], fields[TASK_SUBJECT], fields[writeBack.scorecard.fields.todayNeeds]].find(
      (v): v is string => typeof v === 'string',
    ) ?? '';
  const nameOf = (id: string): string =>
    report.userNames.get(id) ?? report.reps.find((rep) => rep.id === id)?.name ?? id;
  const manager = fields[writeBack.flagFields.manager];
  const team = fields[writeBack.flagFields.scope] === ('Team' satisfies FlagScope) && typeof manager === 'string';
  const who = [
    fields[writeBack.flagFields.salesperson],
    record.createOnly[TASK_OWNER],
    fields[writeBack.effectiveness.fields.manager],
  ].find((v): v is string => typeof v === 'string');
  // A team flag names no rep: it is about the manager's whole team.
  const name = team ? `team of ${nameOf(manager)}` : who ? nameOf(who) : '';
  return `${verb} ${record.object} ${record.key}${name ? `  ${name}` : ''}${text ? ` — ${text}` : ''}`;
}

/** The run report as data for `--json` (the coaching details are left to `report --json`). */
export function runJson(report: RunReport, mode: WriteMode): unknown {
  return {
    runId: report.runId,
    result: report.result,
    mode,
    runEnd: new Date(report.runEnd).toISOString(),
    reads: report.reads,
    mapping: report.mapStats,
    findings: report.coaching?.findings ?? [],
    plan: report.plan && {
      creates: report.plan.creates.map((w) => ({
        object: w.record.object,
        key: w.record.key,
        fields: { ...w.record.createOnly, ...w.record.fields },
      })),
      updates: report.plan.updates.map((w) => ({
        object: w.record.object,
        key: w.record.key,
        fields: w.record.fields,
      })),
      unchanged: report.plan.skips.length,
    },
    writes: sent(report, mode),
    unchangedSince: report.unchangedSince,
    apiCalls: report.apiCalls,
    errors: report.errors,
  };
}
