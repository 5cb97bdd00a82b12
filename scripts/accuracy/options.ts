/**
 * `npm run accuracy` options: --stores N (default 20), --seed N (default 1), --simulate N (off),
 * --e2e N (stores run end to end through the sandbox org; default 3, 0 skips), --check.
 */
export interface AccuracyOptions {
  stores: number;
  seed: number;
  simulate: number;
  e2e: number;
  check: boolean;
}

/** Stores run end to end unless --e2e says otherwise (the benchmark's bar asks for at least three). */
export const DEFAULT_E2E_STORES = 3;

export function parseOptions(argv: readonly string[]): AccuracyOptions {
  const number = (name: string, fallback: number, min: number): number => {
    const index = argv.indexOf(`--${name}`);
    if (index < 0) return fallback;
    const value = Number(argv[index + 1]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} needs an integer of at least ${min}.`);
    return value;
  };
  const known = new Set(['--stores', '--seed', '--simulate', '--e2e', '--check']);
  argv.forEach((arg, i) => {
    const isValue = i > 0 && known.has(argv[i - 1] as string) && argv[i - 1] !== '--check';
    if (!isValue && !known.has(arg))
      throw new Error(`Unknown option ${arg}: use --stores N, --seed N, --simulate N, --e2e N, --check.`);
  });
  return {
    stores: number('stores', 20, 1),
    seed: number('seed', 1, 0),
    simulate: number('simulate', 0, 0),
    e2e: number('e2e', DEFAULT_E2E_STORES, 0),
    check: argv.includes('--check'),
  };
}
