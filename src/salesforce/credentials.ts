/**
 * Which way to log in, and with what, from the config's `salesforce` section and the
 * environment. The config holds only the NAMES of the variables; the values (secrets included)
 * come from the environment, which overrides the config where both say something (the login
 * URL), so one config file runs against the sandbox, a sandbox org and production. A secret variable
 * (the access token, the client secret) may instead name a file holding it: `<NAME>_FILE` (secret-file.ts).
 */
import { CoachError, ExitCode } from '../lib/errors';
import { Redactor } from '../lib/logger';
import type { Environment } from './secret-file';
import { assertNotBoth, fileVariable, readSecret, secretFilePath } from './secret-file';

export type { Environment } from './secret-file';

export type AuthMethod = 'accessToken' | 'clientCredentials' | 'jwt' | 'sfCli';

/** Names of the environment variables (the config's `salesforce.auth.env`). */
export interface SalesforceEnvNames {
  instanceUrl: string;
  accessToken: string;
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  username: string;
  jwtKeyFile: string;
}

export const DEFAULT_ENV_NAMES: SalesforceEnvNames = {
  instanceUrl: 'SF_INSTANCE_URL',
  accessToken: 'SF_ACCESS_TOKEN',
  loginUrl: 'SF_LOGIN_URL',
  clientId: 'SF_CLIENT_ID',
  clientSecret: 'SF_CLIENT_SECRET',
  username: 'SF_USERNAME',
  jwtKeyFile: 'SF_JWT_KEY_FILE',
};

/** The config's `salesforce` section, as the config module produces it. */
export interface SalesforceSettings {
  /** e.g. "62.0"; always passed to jsforce (its default is 50.0). */
  apiVersion: string;
  loginUrl?: string;
  auth: {
    /** Undefined: inferred from what the environment holds (see inferMethod). */
    method?: AuthMethod;
    /** Alias or username of an org authorised with the sf CLI (`--target-org`). */
    targetOrg?: string;
    env: SalesforceEnvNames;
  };
}

export type Credentials =
  | { method: 'accessToken'; instanceUrl: string; accessToken: string }
  | { method: 'clientCredentials'; loginUrl: string; clientId: string; clientSecret: string }
  | { method: 'jwt'; loginUrl: string; clientId: string; username: string; keyFile: string }
  | { method: 'sfCli'; targetOrg: string };

/** The secret variables of `names`: only they may come from a file (`<NAME>_FILE`). */
const isSecret = (names: SalesforceEnvNames, name: string): boolean => secretEnvNames(names).includes(name);

/** A variable's trimmed value (blank counts as unset); a secret one from its file when `<NAME>_FILE` is set. */
function valueOf(names: SalesforceEnvNames, env: Environment, name: string): string | undefined {
  if (isSecret(names, name)) return readSecret(env, name);
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function missing(
  method: AuthMethod,
  absent: readonly string[],
  names: SalesforceEnvNames,
  env: Environment,
): CoachError {
  // A secret's file that is set but missing or empty is named with its path: the Secret likely lacks the key.
  const described = absent.map((name) => {
    const path = isSecret(names, name) ? secretFilePath(env, name) : undefined;
    return path === undefined ? name : `${name} (${fileVariable(name)} names ${path}, which is missing or empty)`;
  });
  return new CoachError({
    code: 'SF_AUTH_MISSING',
    message: `The ${method} login needs ${described.join(' and ')}, which ${absent.length === 1 ? 'is' : 'are'} not set.`,
    actions: absent.map((name) =>
      isSecret(names, name)
        ? `Set ${name} in the environment, or ${fileVariable(name)} to the path of a file holding it.`
        : `Set ${name} in the environment.`,
    ),
    exitCode: ExitCode.usage,
  });
}

/** Chooses a method when the config does not: the first whose variables are all present. */
export function inferMethod(settings: SalesforceSettings, env: Environment): AuthMethod {
  const names = settings.auth.env;
  const has = (name: string): boolean => valueOf(names, env, name) !== undefined;
  if (settings.auth.targetOrg !== undefined) return 'sfCli';
  if (has(names.instanceUrl) && has(names.accessToken)) return 'accessToken';
  if (has(names.clientId) && has(names.clientSecret)) return 'clientCredentials';
  if (has(names.clientId) && has(names.username) && has(names.jwtKeyFile)) return 'jwt';
  throw new CoachError({
    code: 'SF_AUTH_MISSING',
    message: 'No Salesforce login is configured.',
    actions: [
      `Access token: set ${names.instanceUrl} and ${names.accessToken} (or ${fileVariable(names.accessToken)}).`,
      `OAuth client credentials: set ${names.loginUrl}, ${names.clientId} and ${names.clientSecret} (or ${fileVariable(names.clientSecret)}).`,
      `JWT bearer: set ${names.loginUrl}, ${names.clientId}, ${names.username} and ${names.jwtKeyFile}.`,
      'An org authorised with the sf CLI: pass --target-org ALIAS.',
    ],
    exitCode: ExitCode.usage,
  });
}

/** A URL the connector may log in at or talk to: http(s), no path, no trailing slash. */
function originOf(url: string, source: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidUrl(source);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalidUrl(source);
  return parsed.origin;
}

function invalidUrl(source: string): CoachError {
  return new CoachError({
    code: 'SF_AUTH_INVALID',
    message: `${source} is not an http(s) URL.`,
    actions: [`Set ${source} to the org's URL, e.g. https://acme.my.salesforce.com.`],
    exitCode: ExitCode.usage,
  });
}

/** Resolves the credentials of the chosen (or inferred) method; throws SF_AUTH_MISSING naming each missing variable. */
export function resolveCredentials(settings: SalesforceSettings, env: Environment): Credentials {
  const names = settings.auth.env;
  // Checked whatever the method: a secret given twice is a mistake even where this login does not read it.
  for (const name of secretEnvNames(names)) assertNotBoth(env, name);
  const method = settings.auth.method ?? inferMethod(settings, env);
  const read = (name: string): string | undefined => valueOf(names, env, name);
  const loginUrlLabel = `${names.loginUrl} (or salesforce.loginUrl in the config)`;
  const requireAll = (required: readonly string[], needsLoginUrl = false): void => {
    const absent = required.filter((name) => read(name) === undefined);
    if (needsLoginUrl && read(names.loginUrl) === undefined && settings.loginUrl === undefined)
      absent.unshift(loginUrlLabel);
    if (absent.length > 0) throw missing(method, absent, names, env);
  };
  // Only read after requireAll() has checked presence.
  const get = (name: string): string => read(name) ?? '';
  const loginUrl = (): string => {
    const fromEnv = read(names.loginUrl);
    if (fromEnv !== undefined) return originOf(fromEnv, names.loginUrl);
    return originOf(settings.loginUrl ?? '', 'salesforce.loginUrl');
  };
  switch (method) {
    case 'accessToken':
      requireAll([names.instanceUrl, names.accessToken]);
      return {
        method,
        instanceUrl: originOf(get(names.instanceUrl), names.instanceUrl),
        accessToken: get(names.accessToken),
      };
    case 'clientCredentials':
      requireAll([names.clientId, names.clientSecret], true);
      return { method, loginUrl: loginUrl(), clientId: get(names.clientId), clientSecret: get(names.clientSecret) };
    case 'jwt':
      requireAll([names.clientId, names.username, names.jwtKeyFile], true);
      return {
        method,
        loginUrl: loginUrl(),
        clientId: get(names.clientId),
        username: get(names.username),
        keyFile: get(names.jwtKeyFile),
      };
    case 'sfCli':
      if (settings.auth.targetOrg === undefined)
        throw missing(method, ['--target-org (or salesforce.auth.targetOrg in the config)'], names, env);
      return { method, targetOrg: settings.auth.targetOrg };
  }
}

/** The secret values of a set of credentials, for scrubbing from any text that leaves the adapter. */
export function secretsOf(credentials: Credentials): string[] {
  switch (credentials.method) {
    case 'accessToken':
      return [credentials.accessToken];
    case 'clientCredentials':
      return [credentials.clientSecret];
    default:
      return [];
  }
}

/** The variables of `auth.env` that hold secrets; the others hold URLs, a client id, a user name and a file path. */
export function secretEnvNames(names: SalesforceEnvNames): string[] {
  return [names.accessToken, names.clientSecret];
}

/** Replaces every occurrence of a secret (and of a token minted during the run) by `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  return new Redactor(secrets).text(text);
}

/** What to tell a person whose session expired, per method. */
export function sessionActions(method: AuthMethod, names: SalesforceEnvNames): string[] {
  if (method === 'accessToken') {
    return [
      `Get a new access token (e.g. \`sf org display --target-org ALIAS\`) and set ${names.accessToken}; access tokens cannot be renewed by the connector.`,
      'Or use a method that renews its own session: jwt, clientCredentials, or --target-org with an org authorised in the sf CLI.',
    ];
  }
  if (method === 'sfCli') {
    return ['Log in to the org again with `sf org login web --alias ALIAS` (or `sf org login jwt`), then re-run.'];
  }
  return [
    'The connector logged in again once and Salesforce still refused the new session: check that the connected app is approved for the integration user and that its session policies allow API access.',
  ];
}
