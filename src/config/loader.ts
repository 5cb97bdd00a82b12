/**
 * Reads the admin's config file (YAML, or JSON, which YAML reads too), validates it against the
 * schema and reports every problem at once with its line and column. File access is injected so
 * the loader is tested without a disk.
 */
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { CoachError, ExitCode } from '../lib/errors';
import { formatProblems } from './format';
import { plainErrorMap } from './messages';
import { SourceLocator } from './positions';
import { problemsFromIssues, type ConfigProblem } from './problems';
import { configSchema, type Config } from './schema/config';
import { readConfigText, readTextFile, type ReadTextFile } from './source';
import { syntaxProblem } from './syntax';
import { toPlainData } from './yaml-limits';

export { readTextFile, type ReadTextFile } from './source';

export interface LoadConfigOptions {
  /** Default: readTextFile, which refuses a directory or a file over 1 MB before reading it. */
  readFile?: ReadTextFile;
  /** Directory the config path is resolved against. Default: process.cwd(). */
  cwd?: string;
}

/**
 * Loads and validates the config at `file` (as the user named it; shown in messages).
 * Throws CoachError CONFIG_NOT_FOUND, CONFIG_TOO_LARGE, CONFIG_NOT_TEXT, CONFIG_UNREADABLE or
 * CONFIG_INVALID (exit code 2); the last three carry the ConfigProblem list as `data`.
 */
export function loadConfig(file: string, options: LoadConfigOptions = {}): Config {
  const absolutePath = resolve(options.cwd ?? process.cwd(), file);
  const text = readConfigText(file, absolutePath, options.readFile ?? readTextFile);
  // Paths in the file are the file's own: a crontab line or a service runs from anywhere.
  return parseConfig(text, file, { cwd: dirname(absolutePath) });
}

/**
 * Validates config text already in memory; `file` only names it in messages, and a relative `state.path` is resolved
 * against `cwd` (loadConfig passes the config file's directory).
 */
export function parseConfig(text: string, file: string, options: { cwd?: string } = {}): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0)
    throw unreadable(
      file,
      doc.errors.map((error) => syntaxProblem(file, error)),
    );
  const plain = toPlainData(doc, lineCounter, file);
  if ('problem' in plain) throw unreadable(file, [plain.problem], 'Fix what the line shown says.');
  const input = plain.data;
  // An empty file (or one of comments only) reads as null: say so rather than "expected a map".
  if (input === null || input === undefined)
    throw configInvalidError(file, [{ file, line: 1, column: 1, path: '', ...EMPTY }]);

  const result = configSchema.safeParse(input, { error: plainErrorMap });
  if (!result.success) {
    const locator = new SourceLocator(doc, lineCounter);
    const problems = problemsFromIssues(result.error.issues, {
      file,
      schema: configSchema,
      input,
      locate: (path, target) => locator.locate(path, target),
    });
    throw configInvalidError(file, problems);
  }
  const config = result.data;
  return { ...config, state: { ...config.state, path: resolve(options.cwd ?? process.cwd(), config.state.path) } };
}

const EMPTY = {
  message: 'the file is empty: it has no keys',
  hint: 'start from the commented reference config/dealership.yaml, which begins with `version: 1`',
};

const FIX_SYNTAX =
  'Fix the syntax at the line shown (indentation, a missing colon or closing bracket, a duplicated key).';

function unreadable(file: string, problems: ConfigProblem[], action = FIX_SYNTAX): CoachError {
  return new CoachError({
    code: 'CONFIG_UNREADABLE',
    message: `${file} is not valid YAML:\n${formatProblems(problems).trimEnd()}`,
    actions: [action],
    exitCode: ExitCode.usage,
    data: [...problems],
  });
}

/** The CONFIG_INVALID error for a list of problems (also for checks run after loading, e.g. against the org). */
export function configInvalidError(
  file: string,
  problems: readonly ConfigProblem[],
  /** The command that checks again: the one the problems came from, with the options that found them. */
  again = `execution-coach validate --config ${file}`,
): CoachError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new CoachError({
    code: 'CONFIG_INVALID',
    message: `${file} has ${count}:\n${formatProblems(problems).trimEnd()}`,
    actions: [
      `Fix each problem listed, then check again with \`${again}\`.`,
      'An editor with YAML support completes and checks the file as you type from config/execution-coach.schema.json.',
    ],
    exitCode: ExitCode.usage,
    data: [...problems],
  });
}
