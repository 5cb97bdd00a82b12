/**
 * A team test that holds, as the team finding its manager reads: what the whole team does
 * against the target, that it is a process or training question rather than one person's, and
 * the numbers behind it. Priced like a rep's finding, over the team's pooled counts.
 */
import type { DiagnoseInput } from './diagnose';
import {
  evidenceOf,
  inline,
  num,
  pct,
  stepLabel,
  testLine,
  truncate,
  SUMMARY_MAX,
  type TextContext,
} from './finding-text';
import { minSampleOf } from './rules';
import type { MeasureResult } from './measure-results';
import type { MeasureModel, RepRole } from './model';
import type { TeamTest } from './team-diagnosis';
import type { TeamFinding } from './team-finding';
import { weaknessOf } from './weakness';

export function teamFindingOf(
  test: TeamTest,
  input: DiagnoseInput,
  text: TextContext,
  run: { threshold: number; tests: number; level: number },
): TeamFinding {
  const measure = input.model.measures[test.order] as MeasureModel;
  const { result } = test;
  const { weakness, leak } = weaknessOf(result, measure, input.model, {
    conversions: input.conversions,
    monthScale: input.monthScale,
  });
  const { step, lostUnits } = weakness;
  const who = `${test.members.length} ${roleWord(test.role)}`;
  return {
    ...weakness,
    managerId: test.managerId,
    role: test.role,
    members: test.members.length,
    summary: truncate(
      `The whole team (${who}): ${teamPhrase(result, measure, step, text)}: a process or training question, not one person's`,
      SUMMARY_MAX,
    ),
    evidence: [
      `Team finding for the manager: ${who} pooled; reps clearly worse than their peers are flagged on their own and left out.`,
      evidenceOf(result, result, leak.formula, lostUnits, {
        ...text,
        minSample: minSampleOf(measure, input.model, test.role),
      }),
      testLine(test.p, run.threshold, run.tests, run.level),
    ].join('\n'),
  };
}

function roleWord(role: RepRole): string {
  return role === 'setter' ? 'setters' : 'salespeople';
}

function teamPhrase(result: MeasureResult, measure: MeasureModel, weak: string, text: TextContext): string {
  const step = (id: string): string => stepLabel(text, id);
  switch (result.kind) {
    case 'volume':
      return `${num(result.value)} ${step(result.step)} a day each, against ${num(result.expectedPerDay)} the goals need`;
    case 'ratio':
      return `${inline(measure.label)} ${pct(result.value)} against ${pct(result.target)}`;
    case 'responseTime':
      return `${pct(result.value)} of ${step(result.from)} answered within ${result.slaMinutes} min against ${pct(result.target)}`;
    case 'overdue':
      return `${num(result.value)} overdue follow-ups each, ${num(result.maxAllowed / Math.max(1, membersOf(result)))} allowed`;
    case 'staleLead':
      return `${num(result.value)} idle leads each, ${num(result.maxAllowed / Math.max(1, membersOf(result)))} allowed`;
    case 'sequence':
      return `${pct(result.value)} of ${step(result.step)} skip ${step(weak)}, ${pct(result.maxSkipShare)} allowed`;
    case 'integrity':
      return `${pct(result.value)} of logged ${step(weak)} looks unreal, ${pct(result.maxSuspiciousShare)} allowed`;
  }
}

/** Members behind a pooled count: its value is the count per member. */
function membersOf(result: MeasureResult): number {
  if ((result.kind === 'overdue' || result.kind === 'staleLead') && result.value)
    return Math.round(result.count / result.value);
  return 1;
}
