/**
 * What a command needs from the outside world, passed in rather than reached for, so that
 * tests run commands in-process with captured output and a fixed environment.
 */
export interface CliContext {
  /** Writes to standard output (no newline added). */
  out: (text: string) => void;
  /** Writes to standard error (no newline added). */
  err: (text: string) => void;
  /** The environment (secrets are read from here and nowhere else). */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Whether stdout is a terminal (readable logs) or not (JSON logs). */
  isTTY: boolean;
}

export function processContext(): CliContext {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  };
}
