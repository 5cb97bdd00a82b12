/**
 * The one-screen summary `validate` prints: what the config means in the words a sales manager
 * uses (steps with their records, measures with their targets), so an admin can check the
 * mapping by eye as well as by schema.
 */
import type { MatchConditions, MeasureModel } from '../core/model';
import type { Config } from './schema/config';

export interface ConfigSummary {
  dealership: string;
  writeBack: string;
  goal: string;
  connection: string;
  steps: { id: string; object: string; match: string }[];
  measures: { id: string; kind: string; expectation: string; diagnosis: string }[];
}

const percent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;

function describeValue(value: MatchConditions[string]): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return `one of ${value.map((item) => String(item)).join(' | ')}`;
  return String(value);
}

/** `Type = Call, CallType = Outbound`; no conditions reads "every record". */
export function describeMatch(match: MatchConditions): string {
  const entries = Object.entries(match);
  if (entries.length === 0) return 'every record';
  return entries.map(([field, value]) => `${field} = ${describeValue(value)}`).join(', ');
}

export function describeExpectation(measure: MeasureModel): string {
  switch (measure.kind) {
    case 'volume':
      return measure.perDay === 'goal'
        ? `${measure.step} per working day, as the goal plan requires`
        : `${measure.step} ≥ ${measure.perDay} per working day`;
    case 'ratio':
      return `${measure.from} → ${measure.to} ≥ ${percent(measure.target)} (per ${measure.basis === 'subject' ? 'customer' : 'event'})`;
    case 'responseTime':
      return `${measure.from} → ${measure.to} within ${measure.slaMinutes} min for ≥ ${percent(measure.target)}`;
    case 'overdue':
      return `≤ ${measure.maxAllowed} overdue ${measure.object} (${describeMatch(measure.match)})`;
    case 'staleLead':
      return `≤ ${measure.maxAllowed} open ${measure.object} idle ${measure.days}+ days`;
    case 'sequence':
      return `${measure.step} after ${measure.requires.join(', ')}, ≤ ${percent(measure.maxSkipShare)} skipped`;
    case 'integrity': {
      const duration =
        measure.minDuration === undefined
          ? ''
          : `, ${measure.minDuration.steps.join('/')} < ${measure.minDuration.minSeconds} s`;
      return `${measure.steps.join(', ')}: ≤ ${percent(measure.maxSuspiciousShare)} suspicious (${measure.burst.count} in ${measure.burst.withinMinutes} min${duration})`;
    }
  }
}

export function summarizeConfig(config: Config): ConfigSummary {
  const { dealership, goals, writeBack, salesforce, schedule } = config;
  const hours = dealership.hours === undefined ? '' : `, ${dealership.hours.open}–${dealership.hours.close}`;
  const holidays = dealership.holidays.length === 0 ? '' : `, ${dealership.holidays.length} holiday(s)`;
  const userGoal = goals.userField === undefined ? '' : ` (User.${goals.userField} wins when filled)`;
  const overrides = Object.keys(goals.overrides).length;
  return {
    dealership: `${dealership.name} (${dealership.timeZone}, ${dealership.workingDays.join(' ')}${hours}${holidays})`,
    writeBack:
      writeBack.mode === 'live'
        ? `live: writes ${writeBack.flagObject} records, follow-up and agenda tasks`
        : 'preview: computes and shows, writes nothing to Salesforce',
    goal: `${goals.defaultMonthly} ${goals.step} per salesperson per month${userGoal}${overrides > 0 ? `, ${overrides} override(s)` : ''}; funnel ${goals.funnel.join(' → ')}`,
    connection: `API ${salesforce.apiVersion}, auth ${salesforce.auth.method ?? 'chosen from the environment'}; syncs "${schedule.cron}" (${schedule.timeZone})`,
    steps: config.steps.map((step) => ({ id: step.id, object: step.object, match: describeMatch(step.match) })),
    measures: config.measures.map((measure) => ({
      id: measure.id,
      kind: measure.kind,
      expectation: describeExpectation(measure),
      diagnosis: measure.diagnosis,
    })),
  };
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows.reduce<number[]>(
    (acc, row) => row.map((cell, index) => Math.max(acc[index] ?? 0, cell.length)),
    [],
  );
  return rows.map((row) =>
    `  ${row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  ')}`.trimEnd(),
  );
}

export function renderSummary(file: string, summary: ConfigSummary): string {
  const lines = [
    `${file} is valid.`,
    '',
    `Dealership  ${summary.dealership}`,
    `Goal        ${summary.goal}`,
    `Write-back  ${summary.writeBack}`,
    `Salesforce  ${summary.connection}`,
    '',
    `Steps (${summary.steps.length})`,
    ...table(summary.steps.map((step) => [step.id, step.object, step.match])),
    '',
    `Measures (${summary.measures.length})`,
    ...table(summary.measures.map((measure) => [measure.id, measure.kind, measure.diagnosis, measure.expectation])),
  ];
  return `${lines.join('\n')}\n`;
}
