/** Numbers and tables in the CLI's text. */

export const number = (n: number): string => n.toLocaleString('en-US');

/** A share as a whole percentage; a dash when unknown. */
export const pct = (value: number | null): string => (value === null ? '–' : `${Math.round(value * 100)}%`);

/** "1 setter", "2 setters": the count with the word in the number it needs. */
export const counted = (n: number, one: string, many: string): string => `${number(n)} ${n === 1 ? one : many}`;

/** Rows as columns as wide as their widest cell (a response time's median makes a long one), two spaces apart. */
export function tableLines(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    `  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd(),
  );
}
