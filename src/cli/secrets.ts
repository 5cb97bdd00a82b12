/**
 * The one Redactor a command uses for everything that leaves it (log lines, the final error line, the run history):
 * the values of the secret variables under their default names, and under the names the config's
 * `salesforce.auth.env` gives them, since a renamed variable holds the same secret; for a secret read from a file
 * (`<NAME>_FILE`), the file's content.
 */
import type { Config } from '../config';
import { Redactor, SECRET_ENV_NAMES } from '../lib/logger';
import { secretEnvNames } from '../salesforce/credentials';
import { secretForRedaction } from '../salesforce/secret-file';

export function redactorFor(
  env: Readonly<Record<string, string | undefined>>,
  config?: Pick<Config, 'salesforce'>,
): Redactor {
  const names = [...SECRET_ENV_NAMES, ...(config ? secretEnvNames(config.salesforce.auth.env) : [])];
  return new Redactor(names.flatMap((name) => [env[name], secretForRedaction(env, name)]));
}
