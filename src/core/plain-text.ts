/**
 * CRM text (user and lead names, departments, a manager's words, picklist values) as one plain line. Whatever a
 * user typed into the org reaches a terminal (report, preview) and the fields the connector writes (a Task's
 * Subject, a flag's Evidence): an escape sequence there recolours or rewrites a person's terminal, a line break
 * forges a line of the report or of a single-line field. Plain text is kept as it is.
 */

/* eslint-disable no-control-regex -- matching control characters is what these patterns are for. */
/** OSC, DCS, SOS, PM and APC: a string up to BEL or ST (a title, a hyperlink, a terminal query). */
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g;
/** CSI: colours, cursor moves, erasing (`ESC [ 31 m`, `ESC [ 2 J`). */
const CONTROL_SEQUENCE = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?/g;
/** Any other escape (`ESC c` resets the terminal), or an ESC on its own. */
const OTHER_ESCAPE = /\x1b[ -/]*[0-~]?/g;
/* eslint-enable no-control-regex */
/** Line and tab breaks: in a single-line field they become spaces, so that words stay apart. */
const BREAK = /[\t\n\v\f\r\x85\u2028\u2029]/g;
/** The remaining C0 and C1 controls and DEL, and the bidirectional overrides that reorder what a terminal shows. */
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

export function plainLine(text: string): string {
  return text
    .replace(STRING_SEQUENCE, '')
    .replace(CONTROL_SEQUENCE, '')
    .replace(OTHER_ESCAPE, '')
    .replace(BREAK, ' ')
    .replace(CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim();
}
