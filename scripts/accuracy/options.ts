/** `npm run accuracy` options: --stores N (default 20), --seed N (default 1), --simulate N (off), --check. */
export interface AccuracyOptions {
  stores: number;
  seed: number;
  simulate: number;
  check: boolean;
}

export function parseOptions(argv: readonly string[]): AccuracyOptions {
  const number = (name: string, fallback: number, min: number): number => {
    const index = argv.indexOf(`--${name}`);
    if (index < 0) return fallback;
    const value = Number(argv[index + 1]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} needs an integer of at least ${min}.`);
    return value;
  };
  const known = new Set(['--stores', '--seed', '--simulate', '--check']);
  argv.forEach((arg, i) => {
    const isValue = i > 0 && known.has(argv[i - 1] as string) && argv[i - 1] !== '--check';
    if (!isValue && !known.has(arg))
      throw new Error(`Unknown option ${arg}: use --stores N, --seed N, --simulate N, --check.`);
  });
  return {
    stores: number('stores', 20, 1),
    seed: number('seed', 1, 0),
    simulate: number('simulate', 0, 0),
    check: argv.includes('--check'),
  };
}
