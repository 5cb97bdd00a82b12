/**
 * Logging through winston: JSON lines when stdout is not a terminal (for log collectors),
 * readable lines when it is (for a person at a shell). Every line carries the run id of the
 * child logger it came from. Secrets are redacted on the way out, whatever the caller passed:
 * known secret values (read from the environment at start-up) and anything shaped like a
 * Salesforce access token or a bearer header.
 */
import { Writable } from 'node:stream';
import winston from 'winston';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogMeta = Record<string, unknown>;

/** The logger port the rest of the code depends on. */
export interface Logger {
  error(message: string, meta?: LogMeta): void;
  warn(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
  debug(message: string, meta?: LogMeta): void;
  /** A logger that adds `meta` (e.g. `{ runId }`) to every line. */
  child(meta: LogMeta): Logger;
}

export const REDACTED = '[redacted]';

/** Keys whose values are secrets wherever they appear in log metadata. */
const SECRET_KEY = /(token|secret|password|assertion|authorization|private.?key|client.?secret|session)/i;

/**
 * Salesforce access tokens are `00D` + org id + `!` + an opaque tail; bearer headers and
 * form-encoded secrets can also end up inside error messages from HTTP libraries.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  /00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]+/g,
  /(Bearer\s+)[A-Za-z0-9._!~+/=-]+/gi,
  /((?:client_secret|password|assertion|refresh_token|access_token)=)[^&\s"]+/gi,
];

/** Secrets shorter than this are not redacted by value (too likely to hit ordinary words). */
const MIN_SECRET_LENGTH = 6;

export class Redactor {
  private readonly values: string[];

  constructor(secretValues: Iterable<string | undefined>) {
    this.values = [...secretValues]
      .filter((v): v is string => typeof v === 'string' && v.length >= MIN_SECRET_LENGTH)
      .sort((a, b) => b.length - a.length);
  }

  text(input: string): string {
    let out = input;
    for (const value of this.values) out = out.split(value).join(REDACTED);
    for (const pattern of SECRET_PATTERNS) {
      out = out.replace(pattern, (match, prefix: unknown) =>
        typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
      );
    }
    return out;
  }

  value(input: unknown, key = '', depth = 0): unknown {
    if (key && SECRET_KEY.test(key) && input !== null && input !== undefined && input !== '') return REDACTED;
    if (typeof input === 'string') return this.text(input);
    if (input instanceof Error) return this.text(input.stack ?? `${input.name}: ${input.message}`);
    if (depth > 6 || input === null || typeof input !== 'object') return input;
    if (Array.isArray(input)) return input.map((item) => this.value(item, '', depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input as Record<string, unknown>)) out[k] = this.value(v, k, depth + 1);
    return out;
  }
}

/** Names of environment variables whose values are secrets. */
export const SECRET_ENV_NAMES: readonly string[] = [
  'SF_ACCESS_TOKEN',
  'SF_CLIENT_SECRET',
  'SF_REFRESH_TOKEN',
  'SF_PASSWORD',
  'EXECUTION_COACH_API_TOKEN',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Readable lines for a terminal; JSON lines otherwise. */
  pretty: boolean;
  /** Where lines go (default: stderr, so that stdout stays clean for reports and --json). */
  write?: (line: string) => void;
  redactor: Redactor;
}

class WinstonLogger implements Logger {
  constructor(private readonly inner: winston.Logger) {}
  error(message: string, meta?: LogMeta): void {
    this.inner.error(message, meta);
  }
  warn(message: string, meta?: LogMeta): void {
    this.inner.warn(message, meta);
  }
  info(message: string, meta?: LogMeta): void {
    this.inner.info(message, meta);
  }
  debug(message: string, meta?: LogMeta): void {
    this.inner.debug(message, meta);
  }
  child(meta: LogMeta): Logger {
    return new WinstonLogger(this.inner.child(meta));
  }
}

export function createLogger(options: LoggerOptions): Logger {
  const { redactor } = options;
  const redact = winston.format((info) => {
    for (const key of Object.keys(info)) {
      if (key === 'level') continue;
      info[key] = key === 'message' ? redactor.text(String(info[key])) : redactor.value(info[key], key);
    }
    return info;
  });
  const pretty = winston.format.printf((info) => {
    const { level, message, timestamp, runId, ...rest } = info as Record<string, unknown>;
    const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    const run = typeof runId === 'string' ? ` [${runId}]` : '';
    return `${String(timestamp)} ${String(level)}${run} ${String(message)}${extra}`;
  });
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      write(chunk.toString());
      callback();
    },
  });
  const inner = winston.createLogger({
    level: options.level ?? 'info',
    format: winston.format.combine(
      redact(),
      winston.format.timestamp(),
      options.pretty ? pretty : winston.format.json(),
    ),
    transports: [new winston.transports.Stream({ stream })],
  });
  return new WinstonLogger(inner);
}

/** A logger that drops everything (tests, library defaults). */
export const silentLogger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  child: () => silentLogger,
};
