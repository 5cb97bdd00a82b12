/**
 * YAML syntax errors as config problems: the library's message, a hint in an admin's words for
 * the common ones, and our own message where the library's advice is for programmers.
 */
import type { YAMLError } from 'yaml';
import type { ConfigProblem } from './problems';

type Wording = { message: string; hint: string };

export const TOO_DEEP: Wording = {
  message: 'the file nests lists or maps too deeply to be read',
  hint: 'a config nests a few levels deep; check for unclosed [ or { brackets',
};

/** The library's own advice here is to call its parseAllDocuments(), which means nothing to an admin. */
const MULTIPLE_DOCUMENTS: Wording = {
  message: 'a second YAML document starts here (`---`); a config file holds one',
  hint: 'remove this `---` line and what follows, or move each dealership to its own file (serve takes several)',
};

const MISSING_COLON =
  'a key and its colon go on one line: look for a missing colon here or (in JSON) a missing comma before';

/** Hints by the library's error code, for the mistakes people make by hand. */
const SYNTAX_HINTS: Readonly<Partial<Record<YAMLError['code'], string>>> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs',
  BAD_INDENT: 'indent each level consistently with spaces, and close every [ or { you opened',
  DUPLICATE_KEY: 'keep one of the two: a key appears once in a map',
  MULTILINE_IMPLICIT_KEY: MISSING_COLON,
  BLOCK_IN_FLOW: 'inside [ ] or { } entries are separated by commas, on one line or with consistent indentation',
  MISSING_CHAR: 'close every [ with ] and every { with }, and every quote you opened',
  UNEXPECTED_TOKEN: 'check this line for a stray character, e.g. a quote or bracket with no partner',
  BAD_DQ_ESCAPE: 'in "double quotes" a backslash starts an escape: write \\\\ for one backslash, or use single quotes',
  BAD_SCALAR_START: 'quote a value that starts with a special character (@, `, %, |, >)',
};

export function syntaxProblem(file: string, error: YAMLError): ConfigProblem {
  const [line, column] = error.linePos === undefined ? [1, 1] : [error.linePos[0].line, error.linePos[0].col];
  if (error.code === 'MULTIPLE_DOCS') return { file, line, column, path: '', ...MULTIPLE_DOCUMENTS };
  if (error.message.includes('Maximum call stack')) return { file, line, column, path: '', ...TOO_DEEP };
  // prettyErrors appends " at line L, column C:" and a source excerpt; the position is kept apart.
  const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  return {
    file,
    line,
    column,
    path: '',
    message: `YAML syntax: ${message}`,
    hint:
      SYNTAX_HINTS[error.code] ?? 'compare this line with the one above it: indentation, a colon, a quote, a bracket',
  };
}
