/** How config problems read in a terminal, one per line, like a compiler's. */
import type { ConfigProblem } from './problems';

/** `config/bad.yaml:14:9 measures[1].from: unknown step "apointment_set" — did you mean "appointment_set"?` */
export function formatProblem(problem: ConfigProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const what = problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
  return problem.hint === undefined ? `${where} ${what}` : `${where} ${what} — ${problem.hint}`;
}

export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((problem) => `${formatProblem(problem)}\n`).join('');
}
