/**
 * How a value the admin wrote is quoted back in a message: short, on one line, with control
 * characters escaped and secrets masked. A 5 MB value or a NUL byte must not reach the terminal.
 */
import { secretKind } from './secrets';

/** Characters of a value quoted in a message; enough to recognise it. */
export const SHOWN_MAX = 60;
/** Characters of one problem line; a safety net for text that was not quoted through `shown`. */
export const LINE_MAX = 1000;

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\t`, `\x00`, `\u2028`: what a control character is written as, so the message stays one line. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return NAMED[ch] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** `"text"` as a message quotes it: masked when it looks like a secret, escaped, cut at SHOWN_MAX. */
export function shown(text: string): string {
  const secret = secretKind(text);
  if (secret !== undefined) return `(${secret}, not shown)`;
  return `"${truncate(escapeControls(text), SHOWN_MAX)}"`;
}

/** A finished message line, escaped and cut so that no value can flood the terminal. */
export function safeLine(text: string): string {
  return truncate(escapeControls(text), LINE_MAX);
}
