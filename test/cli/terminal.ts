/** A terminal for tests of what is drawn on one: 120 columns, keeping what is written, readable without its escapes. */
import { Writable } from 'node:stream';

export type TestTerminal = Writable & { isTTY: true; columns: number; text: () => string };

export function aTerminal(): TestTerminal {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  // Cursor moves, line clears and the save/restore pair: what a redraw writes besides its text.
  // eslint-disable-next-line no-control-regex
  const visible = (): string => written.replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, '');
  return Object.assign(stream, { isTTY: true as const, columns: 120, text: visible });
}
