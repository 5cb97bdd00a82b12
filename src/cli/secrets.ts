/**
 * The one Redactor a command uses for everything that leaves it (log lines, the final error line, the run history):
 * the values of the secret variables under their default names, and under the names the config's
 * `salesforce.auth.env` gives them, since a renamed variable holds the same secret.
 */
import type { Config } from '../config';
import { Redactor, SECRET_ENV_NAMES } from '../lib/logger';
import { secretEnvNames } from '../salesforce/credentials';

export function redactorFor(
  env: Readonly<Record<string, string | undefined>>,
  config?: Pick<Config, 'salesforce'>,
): Redactor {
  const names = [...SECRET_ENV_NAMES, ...(config ? secretEnvNames(config.salesforce.auth.env) : [])];
  return new Redactor(names.map((name) => env[name]));
}
