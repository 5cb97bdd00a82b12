/**
 * JSON output in pieces: exactly the text of `JSON.stringify(value, null, 2)`, handed to `out` member by member down
 * to `depth` levels, so that a run's thousands of planned writes (`sync --json`) never become one string. Building
 * that string, and its copy for the output stream, cost the initial run's largest memory peak.
 */

/** Plain JSON data: what `runJson` and `reportJson` produce (no Dates, Maps or toJSON). */
type Json = unknown;

const INDENT = '  ';

export function writeJson(out: (text: string) => void, value: Json, depth = 3): void {
  write(out, value, '', depth);
  out('\n');
}

function write(out: (text: string) => void, value: Json, indent: string, depth: number): void {
  const inner = indent + INDENT;
  if (depth > 0 && Array.isArray(value)) {
    if (value.length === 0) return out('[]');
    value.forEach((item, index) => {
      out(`${index === 0 ? '[' : ','}\n${inner}`);
      // As JSON.stringify: an array member that has no JSON form is null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out('null');
      else write(out, item, inner, depth - 1);
    });
    return out(`\n${indent}]`);
  }
  if (depth > 0 && typeof value === 'object' && value !== null) {
    // As JSON.stringify: a key whose value has no JSON form is left out.
    const entries = Object.entries(value).filter(
      ([, member]) => member !== undefined && typeof member !== 'function' && typeof member !== 'symbol',
    );
    if (entries.length === 0) return out('{}');
    entries.forEach(([key, member], index) => {
      out(`${index === 0 ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
      write(out, member, inner, depth - 1);
    });
    return out(`\n${indent}}`);
  }
  out((JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${indent}`));
}
