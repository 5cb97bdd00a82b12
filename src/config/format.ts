/** How config problems read in a terminal, one per line, like a compiler's. */
import type { ConfigProblem } from './problems';
import { safeLine } from './shown';

/**
 * Problems printed before the rest are counted: the first ones are the ones to fix (a binary
 * file or a broken indentation gives thousands that all follow from the first).
 */
export const PROBLEMS_SHOWN = 20;

/** `config/bad.yaml:14:9 measures[1].from: unknown step "apointment_set" — did you mean "appointment_set"?` */
export function formatProblem(problem: ConfigProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const what = problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
  return safeLine(problem.hint === undefined ? `${where} ${what}` : `${where} ${what} — ${problem.hint}`);
}

/** One line per problem, the first PROBLEMS_SHOWN of them, then how many more there are. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  const lines = problems.slice(0, PROBLEMS_SHOWN).map(formatProblem);
  const more = problems.length - PROBLEMS_SHOWN;
  if (more > 0) lines.push(`… and ${more} more (fix the first ones and check again)`);
  return lines.map((line) => `${line}\n`).join('');
}
