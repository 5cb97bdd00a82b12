/**
 * Turns zod's issues into the problems an admin reads: where (file, line, column), which path,
 * what is wrong and a hint. One unknown-key issue naming three keys becomes three problems,
 * each pointing at its own key.
 */
import type { z } from 'zod';
import { didYouMean } from './hints';
import { isSecretKey, SECRET_HINT } from './secrets';
import { describeValue } from './messages';
import { shown } from './shown';
import { patternFor } from './schema/patterns';
import { descriptionAt, keysAt } from './schema-paths';
import type { ConfigPath, PositionTarget, SourcePosition } from './positions';

export interface ConfigProblem {
  /** The file as the user named it. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file. */
  column: number;
  /** Where in the config, e.g. `measures[2].from`; empty for the file as a whole. */
  path: string;
  /** What is wrong. */
  message: string;
  /** What to do, when there is something specific to say. */
  hint?: string;
}

/** What problem translation needs to know about the file being checked. */
export interface ProblemContext {
  file: string;
  schema: z.ZodType;
  /** The parsed input (before validation). */
  input: unknown;
  locate: (path: ConfigPath, target: PositionTarget) => SourcePosition;
}

interface Finding {
  path: ConfigPath;
  target: PositionTarget;
  message: string;
  hint?: string | undefined;
}

/** `['measures', 2, 'from']` → `measures[2].from`. */
export function formatPath(path: ConfigPath): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const name = String(segment);
    const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
    if (!plain) return `${text}[${shown(name)}]`;
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

function valueAt(input: unknown, path: ConfigPath): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );
}

function findings(issue: z.core.$ZodIssue, context: ProblemContext): Finding[] {
  const path = issue.path;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const valid = keysAt(context.schema, path, context.input);
      return issue.keys.map((key) => ({
        path: [...path, key],
        target: 'key',
        message: `unknown key ${shown(key)}`,
        // A key named like a secret is a credential pasted in: where it goes is the environment, not a nearby key.
        hint: isSecretKey(key) ? SECRET_HINT : didYouMean(key, valid, 'keys here'),
      }));
    }
    case 'invalid_type': {
      // zod leaves the input out of the issues it returns: look the value up in the input itself.
      const value = valueAt(context.input, path);
      const description = descriptionAt(context.schema, path, context.input);
      if (value === undefined)
        return [{ path, target: 'value', message: issue.message, hint: description && `add it: ${description}` }];
      // A message set in the schema ("must be a whole number") does not say what was found.
      const got = issue.message.includes(', got ') ? '' : `, got ${describeValue(value)}`;
      return [{ path, target: 'value', message: `${issue.message}${got}`, hint: description }];
    }
    case 'invalid_value': {
      const input = valueAt(context.input, path);
      const choices = issue.values.map(String);
      const hint = typeof input === 'string' && choices.length > 1 ? didYouMean(input, choices) : undefined;
      return [{ path, target: 'value', message: issue.message, hint }];
    }
    case 'invalid_union': {
      if (issue.discriminator === undefined) break;
      const value = valueAt(context.input, path);
      const options = ('options' in issue ? (issue.options ?? []) : []).map(String);
      const message =
        value === undefined
          ? `is missing (required): each entry needs a \`${issue.discriminator}\``
          : `unknown ${issue.discriminator} ${typeof value === 'string' ? shown(value) : describeValue(value)}`;
      const hint =
        typeof value === 'string'
          ? didYouMean(value, options, `${issue.discriminator}s`)
          : `one of ${options.join(', ')}`;
      return [{ path, target: 'value', message, hint }];
    }
    case 'invalid_format':
      return [{ path, target: 'value', message: issue.message, hint: patternFor(issue.pattern)?.hint }];
    case 'invalid_key': {
      const inner = issue.issues[0];
      const pattern = inner?.code === 'invalid_format' ? patternFor(inner.pattern) : undefined;
      return [{ path, target: 'key', message: `key: ${inner?.message ?? issue.message}`, hint: pattern?.hint }];
    }
    case 'custom': {
      const hint: unknown = issue.params?.hint;
      return [{ path, target: 'value', message: issue.message, hint: typeof hint === 'string' ? hint : undefined }];
    }
    default:
      break;
  }
  return [{ path, target: 'value', message: issue.message }];
}

export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], context: ProblemContext): ConfigProblem[] {
  const problems = issues.flatMap((issue) =>
    findings(issue, context).map((finding): ConfigProblem => {
      const { line, column } = context.locate(finding.path, finding.target);
      const problem: ConfigProblem = {
        file: context.file,
        line,
        column,
        path: formatPath(finding.path),
        message: finding.message,
      };
      // Without a specific hint, what the field is for still tells the admin what belongs there.
      const hint =
        finding.hint ??
        (finding.target === 'value' ? descriptionAt(context.schema, finding.path, context.input) : undefined);
      if (hint !== undefined) problem.hint = hint;
      return problem;
    }),
  );
  return sortProblems(problems);
}

/** In reading order, so the list can be worked through top to bottom. */
export function sortProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column || a.path.localeCompare(b.path));
}
