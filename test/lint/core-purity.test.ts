import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const ESLINT_BIN = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');

/**
 * Lints `code` as if it were the file `src/<room>/lint-probe.ts`, with the project's real
 * config. ESLint runs in a child process because it loads its config with a dynamic import,
 * which jest's module sandbox refuses.
 */
function lintAs(room: string, code: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [ESLINT_BIN, '--stdin', '--stdin-filename', `src/${room}/lint-probe.ts`, '--format', 'json'],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const [result] = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
        resolve((result?.messages ?? []).map((m) => m.ruleId ?? m.message));
      } catch (error) {
        reject(new Error(`eslint printed no JSON: ${stdout}`, { cause: error }));
      }
    });
    child.stdin.end(code);
  });
}

/**
 * Each lintAs is a type-aware ESLint run over the whole project: about 5 s on an idle build machine, 9 s at a load of
 * four, and a test makes up to two of them.
 */
const TWO_LINTS_MS = 90_000;

describe('the lint rules that keep the rooms of the code apart', () => {
  jest.setTimeout(TWO_LINTS_MS);

  it('given a core module importing node:fs, a package or a module outside core, then each import is an error', async () => {
    const rules = await lintAs(
      'core',
      [
        "import { readFileSync } from 'node:fs';",
        "import { z } from 'zod';",
        "import { CoachError } from '../lib/errors';",
        'export const probe = (): unknown => [readFileSync, z, CoachError];',
      ].join('\n'),
    );
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(3);
  });

  it('given a core module reading the clock or the environment, then each read is an error', async () => {
    const rules = await lintAs(
      'core',
      'export const probe = (): unknown => [Date.now(), new Date(), process.env, Math.random()];',
    );
    expect(rules).toEqual(
      expect.arrayContaining(['no-restricted-properties', 'no-restricted-syntax', 'no-restricted-globals']),
    );
  });

  it('given a core module importing a sibling core module, then it is allowed', async () => {
    const rules = await lintAs(
      'core',
      "import type { StepEvent } from './model';\nexport const probe = (e: StepEvent): string => e.step;",
    );
    expect(rules).not.toContain('no-restricted-imports');
  });

  it('given the sandbox importing the connector, or the connector importing the sandbox, then it is an error', async () => {
    const fromSandbox = await lintAs(
      'sandbox',
      "import type { StepEvent } from '../core/model';\nexport const probe = (e: StepEvent): string => e.step;",
    );
    expect(fromSandbox).toContain('no-restricted-imports');
    const fromConnector = await lintAs(
      'sync',
      "import * as sandbox from '../sandbox/server';\nexport const probe = (): unknown => sandbox;",
    );
    expect(fromConnector).toContain('no-restricted-imports');
  });
});
