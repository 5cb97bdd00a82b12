/**
 * The options several commands share, declared once so that each reads and is explained the same
 * way in every command's --help (a `--now` that means one thing in `sync` and another in `plan`
 * would be a trap in a cron line).
 */
import { InvalidArgumentError, Option } from 'commander';

/** The config a command reads when --config is not given, relative to the working directory. */
export const DEFAULT_CONFIG_FILE = 'config/dealership.yaml';

export function configOption(): Option {
  return new Option('-c, --config <file>', 'config file (YAML or JSON)').default(DEFAULT_CONFIG_FILE);
}

export function stateOption(): Option {
  return new Option('--state <path>', 'state file (overrides state.path in the config)');
}

/** `--now`: every command that reads the clock takes it, so a run can be reproduced. */
export function nowOption(): Option {
  return new Option('--now <iso>', 'take this instant as now, e.g. 2026-11-20T18:00:00Z (reproducible runs)');
}

export function targetOrgOption(when = ''): Option {
  return new Option('--target-org <alias>', `${when}use an org authorised with the sf CLI`);
}

export function logLevelOption(): Option {
  return new Option('--log-level <level>', 'error, warn, info or debug (logs go to stderr)');
}

/** `--json`, saying what is printed as JSON instead of text. */
export function jsonOption(what: string): Option {
  return new Option('--json', `print ${what} as JSON`);
}

/** A commander parser for a whole-number option of at least `min` (a bad value is a usage error, exit 2). */
export function wholeNumber(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}.`);
    return n;
  };
}
