/**
 * A secret variable's value, or the content of the file its `<NAME>_FILE` variable names (the
 * convention of Docker and Kubernetes images): a Secret mounted as a read-only volume, or a
 * systemd credential (LoadCredential=), keeps the secret out of the process environment, where
 * `/proc/<pid>/environ`, crash dumps and child processes would see it.
 *
 * Errors name the variable and the path, never the file's content.
 */
import { readFileSync } from 'node:fs';
import { CoachError, ExitCode } from '../lib/errors';

export type Environment = Readonly<Record<string, string | undefined>>;

export const fileVariable = (name: string): string => `${name}_FILE`;

function blankToUndefined(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** Both the variable and its file variable set: which one is meant cannot be guessed, so neither is used. */
export function assertNotBoth(env: Environment, name: string, code = 'SF_AUTH_INVALID'): void {
  if (blankToUndefined(env[name]) === undefined || blankToUndefined(env[fileVariable(name)]) === undefined) return;
  throw new CoachError({
    code,
    message: `${name} and ${fileVariable(name)} are both set; the secret must come from one of them.`,
    actions: [`Unset ${name} (keep the file) or unset ${fileVariable(name)}.`],
    exitCode: ExitCode.usage,
  });
}

/** The path `<name>_FILE` holds, when set. */
export const secretFilePath = (env: Environment, name: string): string | undefined =>
  blankToUndefined(env[fileVariable(name)]);

/**
 * The secret, trimmed (a file written by `echo` or an editor ends in a newline); undefined when neither is set,
 * the variable is blank, the file is empty or it does not exist (a key missing from an optional Secret volume: the
 * same as an unset variable). A file that exists but cannot be read is an error, with `code` (a Salesforce secret's
 * by default).
 */
export function readSecret(env: Environment, name: string, code = 'SF_AUTH_INVALID'): string | undefined {
  assertNotBoth(env, name, code);
  const path = secretFilePath(env, name);
  if (path === undefined) return blankToUndefined(env[name]);
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code;
    if (reason === 'ENOENT') return undefined;
    throw new CoachError({
      code,
      message: `${fileVariable(name)} names ${path}, which cannot be read (${reason ?? 'unknown error'}).`,
      actions: [`Make ${path} a file readable by this process's user, or point ${fileVariable(name)} at one.`],
      exitCode: ExitCode.usage,
    });
  }
  return blankToUndefined(content);
}

/** The secret if it can be had, for redaction only: never throws (a broken file is reported where it is used). */
export function secretForRedaction(env: Environment, name: string): string | undefined {
  try {
    const path = secretFilePath(env, name);
    return (
      blankToUndefined(env[name]) ?? (path === undefined ? undefined : blankToUndefined(readFileSync(path, 'utf8')))
    );
  } catch {
    return undefined;
  }
}
