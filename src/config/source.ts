/**
 * Reading the config file, refusing what cannot be a config before it is parsed: a directory
 * or device, a file far larger than any config, and binary or non-UTF-8 content. Each refusal is
 * a CoachError with a stable code and exit code 2, and names where the trouble starts.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { CoachError, ExitCode } from '../lib/errors';
import type { ConfigProblem } from './problems';

/** Reads a file as UTF-8 text; throws like node:fs does (`error.code === 'ENOENT'` when missing). */
export type ReadTextFile = (absolutePath: string) => string;

/** The reference config is about 20 KB; fifty times that is no config but a mistake (or an attack). */
export const CONFIG_MAX_BYTES = 1024 * 1024;

function tooLarge(file: string, size: number): CoachError {
  return new CoachError({
    code: 'CONFIG_TOO_LARGE',
    message: `${file} is ${size.toLocaleString('en-US')} bytes; a config is at most ${CONFIG_MAX_BYTES.toLocaleString('en-US')} (the reference is about 20 KB)`,
    actions: ['Check that --config names the config file, not a data file or a log.'],
    exitCode: ExitCode.usage,
  });
}

function notAFile(file: string, directory: boolean): CoachError {
  return new CoachError({
    code: 'CONFIG_UNREADABLE',
    message: directory ? `${file} is a directory, not a config file` : `${file} is not a regular file`,
    actions: [
      directory
        ? `Pass the config file inside it, e.g. --config ${file.replace(/\/+$/, '')}/dealership.yaml (serve reads a folder of configs with --config-dir).`
        : 'Pass a YAML file saved on disk.',
    ],
    exitCode: ExitCode.usage,
  });
}

/** An error like node:fs throws, so that an injected reader can throw the same. */
function fsError(code: string, message: string, extra: object = {}): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code, ...extra });
}

/**
 * The default reader: looks at the file before reading it, so that a directory, a device such as
 * /dev/zero or a huge file is refused without being read into memory.
 */
export const readTextFile: ReadTextFile = (absolutePath) => {
  const fd = openSync(absolutePath, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw fsError('EISDIR', 'illegal operation on a directory');
    if (!stats.isFile()) throw fsError('EINVAL', 'not a regular file');
    if (stats.size > CONFIG_MAX_BYTES) throw fsError('EFBIG', 'file too large', { size: stats.size });
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
};

/** Reads the config text, or throws CONFIG_NOT_FOUND, CONFIG_UNREADABLE, CONFIG_TOO_LARGE or CONFIG_NOT_TEXT. */
export function readConfigText(file: string, absolutePath: string, readFile: ReadTextFile): string {
  const text = readOrExplain(file, absolutePath, readFile);
  // An injected reader is not checked by size before reading: check what it returned.
  if (text.length > CONFIG_MAX_BYTES) throw tooLarge(file, Buffer.byteLength(text));
  refuseBinary(file, text);
  return text;
}

function readOrExplain(file: string, absolutePath: string, readFile: ReadTextFile): string {
  try {
    return readFile(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'EFBIG') throw tooLarge(file, Number((error as { size?: unknown }).size));
    if (code === 'EISDIR' || code === 'EINVAL') throw notAFile(file, code === 'EISDIR');
    if (code === 'ENOENT') {
      throw new CoachError({
        code: 'CONFIG_NOT_FOUND',
        message: `config file not found: ${file}`,
        actions: ['Pass the config file with --config FILE (the commented reference is config/dealership.yaml).'],
        exitCode: ExitCode.usage,
        cause: error,
      });
    }
    throw new CoachError({
      code: 'CONFIG_UNREADABLE',
      message: `cannot read config file ${file}: ${error instanceof Error ? error.message : String(error)}`,
      actions: ['Check that the path names a readable file.'],
      exitCode: ExitCode.usage,
      cause: error,
    });
  }
}

/**
 * A NUL byte never occurs in YAML text, and U+FFFD is what invalid UTF-8 decodes to: either way
 * the file is binary, or text in another encoding (UTF-16 from Notepad has a NUL in every other byte).
 */
function refuseBinary(file: string, text: string): void {
  const found = [text.indexOf('\u0000'), text.indexOf('\ufffd')].filter((at) => at >= 0);
  if (found.length === 0) return;
  const index = Math.min(...found);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  const what = text[index] === '\u0000' ? 'a NUL byte' : 'bytes that are not UTF-8';
  const problem: ConfigProblem = {
    file,
    line,
    column,
    path: '',
    message: `not a text file: ${what} at line ${line}, column ${column}`,
    hint: 'pass the YAML config file, saved as UTF-8 text',
  };
  throw new CoachError({
    code: 'CONFIG_NOT_TEXT',
    message: `${file} is not YAML text:\n${file}:${line}:${column} ${problem.message} — ${problem.hint}`,
    actions: ['Check that --config names the config file; if it is, save it again as UTF-8 (without NUL bytes).'],
    exitCode: ExitCode.usage,
    data: [problem],
  });
}
