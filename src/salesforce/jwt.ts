/**
 * The assertion of the OAuth 2.0 JWT bearer flow (RFC 7523) as Salesforce wants it: RS256,
 * `iss` = the connected app's consumer key, `sub` = the integration user's username, `aud` = the
 * login URL, `exp` a few minutes ahead in SECONDS (sfdx-core sends milliseconds; Salesforce
 * tolerates it, a stricter server would not). jsforce 3 dropped its JWT helper, so it is signed
 * here with node:crypto and handed to `conn.authorize()`.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { CoachError, ExitCode } from '../lib/errors';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Salesforce accepts assertions that expire within 3 minutes; more is refused. */
export const JWT_LIFETIME_SECONDS = 180;

export interface JwtClaims {
  clientId: string;
  username: string;
  /** Login URL the token is requested from, e.g. https://login.salesforce.com. */
  audience: string;
}

function base64Url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Reads a PEM private key; a key that does not parse is a config error naming the variable, never its content. */
export function parsePrivateKey(pem: string, variable: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    throw new CoachError({
      code: 'SF_AUTH_INVALID',
      message: `The file named by ${variable} does not hold a PEM private key.`,
      actions: [
        `Point ${variable} at the private key (server.key) whose certificate is uploaded to the connected app.`,
      ],
      exitCode: ExitCode.usage,
    });
  }
}

/** A signed assertion valid from `nowMs` for JWT_LIFETIME_SECONDS. */
export function signJwtAssertion(claims: JwtClaims, key: KeyObject, nowMs: number): string {
  const header = base64Url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64Url(
    JSON.stringify({
      iss: claims.clientId,
      sub: claims.username,
      aud: claims.audience,
      exp: Math.floor(nowMs / 1000) + JWT_LIFETIME_SECONDS,
    }),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${base64Url(signature)}`;
}
