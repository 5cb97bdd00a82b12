import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** Folders a clone carries that are not the project's own text. */
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.git']);
const TEXT = /\.(ts|js|mjs|cjs|json|md|ya?ml|xml|sh|txt)$|^Dockerfile$|^run$/;
/** This file names the patterns it looks for. */
const SELF = path.relative(ROOT, __filename);

function textFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIPPED.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) textFiles(full, found);
    else if (TEXT.test(name)) found.push(path.relative(ROOT, full));
  }
  return found;
}

/** Every line of the repository's own text that matches `pattern`, as `file:line: text`. */
function linesMatching(pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const file of textFiles(ROOT)) {
    if (file === SELF || file === 'package-lock.json') continue;
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (pattern.test(line)) hits.push(`${file}:${index + 1}: ${line.trim()}`);
      });
  }
  return hits;
}

describe('a clone of the repository stands on its own', () => {
  it('given every text file of the repository, when searched for paths outside the clone, then none is found', () => {
    expect(linesMatching(/\.\.\/shared\b|shared\/design\.md|shared\/reference/)).toEqual([]);
  });

  it('given every text file of the repository, when searched for sections of the founding design, then none is found', () => {
    expect(linesMatching(/\bdesign(\.md)? §|design\.md/i)).toEqual([]);
  });

  it('given the references to ARCHITECTURE.md sections, then each names a section the file has', () => {
    const architecture = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const sections = new Set([...architecture.matchAll(/^#{2,3} (\d+(?:\.\d+)?)[. ]/gm)].map((m) => m[1]));
    const cited = linesMatching(/ARCHITECTURE\.md §\d/).flatMap((line) =>
      [...line.matchAll(/ARCHITECTURE\.md §(\d+(?:\.\d+)?)/g)].map((m) => ({ line, section: m[1] })),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter(({ section }) => !sections.has(section))).toEqual([]);
  });
});
