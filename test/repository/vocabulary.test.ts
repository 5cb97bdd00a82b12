import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SELF = path.relative(ROOT, __filename);

/**
 * Words retired by the vocabulary of ARCHITECTURE.md §10, each with the word that replaced it.
 * A concept has one name across the rooms; a retired word coming back means two names again.
 */
const RETIRED: ReadonlyArray<{ word: RegExp; use: string }> = [
  { word: /\bsalespersonId\b/, use: 'repId (a salesperson or a setter)' },
  { word: /\bcreditField\b|\bownerField\b/, use: 'repField (the field naming the user a record belongs to)' },
  { word: /\bRunOutcome\b|\bdry_run\b/, use: 'RunResult (how a run ended)' },
  { word: /\bFlagOutcome\b|\bcheckOutcome\b|core\/outcome\b/, use: 'CommitmentCheck / checkCommitment' },
  { word: /\bMeasureOutcome\b/, use: 'MeasureResults' },
  { word: /\blockOwner\b/, use: 'lockHolder (owner is only Salesforce OwnerId)' },
];

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, found);
    else if (/\.(ts|ya?ml|json)$/.test(name)) found.push(path.relative(ROOT, full));
  }
  return found;
}

describe('one word per concept', () => {
  const files = ['src', 'test', 'scripts', 'config', 'manifests'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)));

  it.each(RETIRED.map((r) => [r.use, r.word] as const))(
    'given the code, config and manifests, when searched for the word retired in favour of %s, then it is gone',
    (_use, word) => {
      const hits = files
        .filter((file) => file !== SELF)
        .flatMap((file) =>
          readFileSync(path.join(ROOT, file), 'utf8')
            .split('\n')
            .flatMap((line, index) => (word.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
        );
      expect(hits).toEqual([]);
    },
  );

  it('given the classes of the connector, then no two share a name', () => {
    const classes = new Map<string, string[]>();
    for (const file of files.filter((f) => f.startsWith('src/') && f.endsWith('.ts'))) {
      for (const match of readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^export (?:abstract )?class (\w+)/gm)) {
        const name = match[1] as string;
        classes.set(name, [...(classes.get(name) ?? []), file]);
      }
    }
    const twice = [...classes].filter(
      ([, where]) => where.length > 1 && !where.every((f) => f.startsWith('src/sandbox/')),
    );
    expect(twice).toEqual([]);
  });
});
