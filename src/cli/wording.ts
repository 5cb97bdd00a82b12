/** Numbers in the CLI's sentences. */

export const number = (n: number): string => n.toLocaleString('en-US');

/** "1 setter", "2 setters": the count with the word in the number it needs. */
export const counted = (n: number, one: string, many: string): string => `${number(n)} ${n === 1 ? one : many}`;
