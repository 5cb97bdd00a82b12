import { z } from 'zod';
import { PATTERNS } from './patterns';
import { envName } from './primitives';

export const AUTH_METHODS = ['accessToken', 'clientCredentials', 'jwt', 'sfCli'] as const;

/**
 * Names of the environment variables holding connection details and secrets. The config holds
 * only names: a secret pasted here would end up in version control and in every copy.
 */
const envSchema = z
  .strictObject({
    instanceUrl: envName()
      .default('SF_INSTANCE_URL')
      .describe('Variable holding the org URL, e.g. https://acme.my.salesforce.com (accessToken method).'),
    accessToken: envName()
      .default('SF_ACCESS_TOKEN')
      .describe('Variable holding an OAuth access token (accessToken method).'),
    loginUrl: envName()
      .default('SF_LOGIN_URL')
      .describe('Variable that may override `loginUrl` (jwt and clientCredentials methods).'),
    clientId: envName()
      .default('SF_CLIENT_ID')
      .describe("Variable holding the connected app's consumer key (jwt and clientCredentials methods)."),
    clientSecret: envName()
      .default('SF_CLIENT_SECRET')
      .describe("Variable holding the connected app's consumer secret (clientCredentials method)."),
    username: envName()
      .default('SF_USERNAME')
      .describe("Variable holding the integration user's username (jwt method)."),
    jwtKeyFile: envName()
      .default('SF_JWT_KEY_FILE')
      .describe('Variable holding the path of the private key file that signs the JWT (jwt method).'),
  })
  .prefault({})
  .describe(`Names of the environment variables that hold secrets and connection details: ${PATTERNS.envName.hint}.`);

const authSchema = z
  .strictObject({
    method: z
      .enum(AUTH_METHODS)
      .optional()
      .describe(
        'How to log in: accessToken (instance URL + token from the environment), clientCredentials (OAuth client credentials flow), jwt (JWT bearer flow, server to server) or sfCli (an org already authorised with the `sf` CLI). Leave it out to choose from the environment, so one file runs against the sandbox, a test org and production: --target-org or targetOrg → sfCli; instance URL + token → accessToken; client id + secret → clientCredentials; client id + username + key file → jwt.',
      ),
    targetOrg: z
      .string()
      .min(1, { error: 'must not be empty' })
      .optional()
      .describe('Alias or username of an org authorised with `sf org login` (sfCli method).'),
    env: envSchema,
  })
  .refine((auth) => auth.method !== 'sfCli' || auth.targetOrg !== undefined, {
    error: 'the sfCli method needs `targetOrg`, the alias of an org authorised with `sf org login`',
    path: ['targetOrg'],
  })
  .prefault({})
  .describe(
    'How the connector authenticates. Secrets come from the environment or the sf CLI store, never from this file.',
  );

export const salesforceSchema = z
  .strictObject({
    apiVersion: z
      .string({ error: 'must be a quoted string such as "62.0"' })
      .regex(PATTERNS.apiVersion.regex, { error: PATTERNS.apiVersion.message })
      .default('62.0')
      .describe('Salesforce REST API version, as a quoted string, e.g. "62.0".'),
    loginUrl: z
      .url({ protocol: /^https?$/, error: 'must be a URL such as https://login.salesforce.com' })
      .optional()
      .describe(
        "Login host for the jwt and clientCredentials methods: https://login.salesforce.com, https://test.salesforce.com or the org's My Domain URL.",
      ),
    auth: authSchema,
  })
  .prefault({})
  .describe('Connection to the Salesforce org.');
