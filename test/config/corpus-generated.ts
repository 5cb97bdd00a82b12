/**
 * Broken configs too big, binary or odd to commit (a 5 MB file, a directory, /dev/zero): made in
 * the case's folder at run time, each with the lines its message must contain.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedCase {
  name: string;
  /** What is passed to --config. */
  config: string;
  /** Writes the file (or folder) into the case's folder. */
  make: (folder: string) => void;
  expected: string[];
  /** Whether the message can point at a line and column (a file that is not there has none). */
  located: boolean;
}

const HEAD = 'version: 1\ndealership:\n';

/** 4 KB of every byte value in turn: the file the review fed in, which printed 2,049 lines. */
const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256));

export const GENERATED: readonly GeneratedCase[] = [
  {
    name: 'binary-4k',
    config: 'binary.yaml',
    make: (folder) => writeFileSync(join(folder, 'binary.yaml'), binary),
    expected: [
      'error [CONFIG_NOT_TEXT]: binary.yaml is not YAML text:',
      'binary.yaml:1:2 not a text file: bytes that are not UTF-8 at line 1, column 2',
    ],
    located: true,
  },
  {
    name: 'nul-bytes-after-text',
    config: 'nul.yaml',
    make: (folder) => writeFileSync(join(folder, 'nul.yaml'), `${HEAD}  name: Test\n${'\0'.repeat(4000)}`),
    expected: [
      'nul.yaml:4:1 not a text file: a NUL byte at line 4, column 1 — pass the YAML config file, saved as UTF-8',
    ],
    located: true,
  },
  {
    name: 'utf16-from-notepad',
    config: 'utf16.yaml',
    make: (folder) => writeFileSync(join(folder, 'utf16.yaml'), Buffer.from(`\ufeff${HEAD}`, 'utf16le')),
    expected: ['utf16.yaml:1:1 not a text file: bytes that are not UTF-8 at line 1, column 1'],
    located: true,
  },
  {
    name: 'five-megabytes',
    config: 'huge.yaml',
    make: (folder) => writeFileSync(join(folder, 'huge.yaml'), `${HEAD}  name: "${'x'.repeat(5 * 1024 * 1024)}"\n`),
    expected: ['error [CONFIG_TOO_LARGE]: huge.yaml is 5,242,914 bytes; a config is at most 1,048,576'],
    located: false,
  },
  {
    name: 'long-value-echoed-short',
    config: 'long.yaml',
    make: (folder) => writeFileSync(join(folder, 'long.yaml'), `${HEAD}  timeZone: "${'Chicago'.repeat(100_000)}"\n`),
    expected: [
      `long.yaml:3:13 dealership.timeZone: unknown time zone "${'Chicago'.repeat(8)}Chic… (700,000 characters)"`,
    ],
    located: true,
  },
  {
    name: 'long-value-of-wrong-type',
    config: 'long-number.yaml',
    make: (folder) =>
      writeFileSync(join(folder, 'long-number.yaml'), `coaching:\n  windowDays: "${'9'.repeat(500_000)}"\n`),
    expected: [
      `long-number.yaml:2:15 coaching.windowDays: must be a whole number, got "${'9'.repeat(60)}… (500,000 characters)"`,
    ],
    located: true,
  },
  {
    name: 'deep-nesting',
    config: 'deep.yaml',
    make: (folder) => writeFileSync(join(folder, 'deep.yaml'), `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
    expected: ['the file nests lists or maps too deeply to be read — a config nests a few levels deep'],
    located: true,
  },
  {
    name: 'directory',
    config: 'configs',
    make: (folder) => mkdirSync(join(folder, 'configs')),
    expected: [
      'error [CONFIG_UNREADABLE]: configs is a directory, not a config file',
      '  → Pass the config file inside it, e.g. --config configs/dealership.yaml',
    ],
    located: false,
  },
  {
    name: 'missing-file',
    config: 'dealership.yml',
    make: () => undefined,
    expected: [
      'error [CONFIG_NOT_FOUND]: config file not found: dealership.yml',
      '  → Pass the config file with --config',
    ],
    located: false,
  },
  ...(existsSync('/dev/zero')
    ? [
        {
          name: 'device',
          config: '/dev/zero',
          make: () => undefined,
          expected: ['error [CONFIG_UNREADABLE]: /dev/zero is not a regular file'],
          located: false,
        },
      ]
    : []),
];
