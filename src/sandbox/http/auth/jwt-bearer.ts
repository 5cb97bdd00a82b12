import { type KeyObject, createPublicKey, verify } from 'node:crypto';
import { OAuthError } from './oauth-error';

/**
 * The JWT bearer grant: an RS256-signed assertion with iss = the connected app's client id,
 * sub = the username, aud = the login URL, exp in the future. @salesforce/core sends `exp` in
 * milliseconds (far in the future), which a real org accepts, so any large exp is accepted.
 * The signature is verified when a certificate or public key is configured.
 */

export interface JwtCheck {
  /** PEM certificate or public key of the connected app; without one, signatures are not checked. */
  publicKey?: KeyObject;
  clientId: string;
  /** Accepted `aud` values (the sandbox's own origin and the Salesforce login hosts). */
  audiences: readonly string[];
  now: number;
}

interface JwtClaims {
  iss?: unknown;
  sub?: unknown;
  aud?: unknown;
  exp?: unknown;
}

export function publicKeyFrom(pem: string): KeyObject {
  return createPublicKey(pem);
}

/** Returns the username the assertion is for, or throws the OAuthError a real org answers. */
export function verifyJwtBearer(assertion: string, check: JwtCheck): string {
  const parts = assertion.split('.');
  const [headerPart, payloadPart, signaturePart] = parts;
  if (parts.length !== 3 || !headerPart || !payloadPart || signaturePart === undefined) throw invalidAssertion();
  const header = decode(headerPart) as { alg?: unknown } | undefined;
  const claims = decode(payloadPart) as JwtClaims | undefined;
  if (!header || !claims || header.alg !== 'RS256') throw invalidAssertion();
  if (check.publicKey) {
    const valid = verify(
      'RSA-SHA256',
      Buffer.from(`${headerPart}.${payloadPart}`),
      check.publicKey,
      Buffer.from(signaturePart, 'base64url'),
    );
    if (!valid) throw invalidAssertion();
  }
  if (claims.iss !== check.clientId) throw new OAuthError('invalid_client_id', 'client identifier invalid');
  const audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).map((a) => String(a).replace(/\/+$/, ''));
  if (!audiences.some((a) => check.audiences.includes(a))) throw new OAuthError('invalid_grant', 'audience is invalid');
  // exp is seconds by the standard; a millisecond value only lies further in the future.
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < check.now)
    throw new OAuthError('invalid_grant', 'expired authorization code');
  if (typeof claims.sub !== 'string' || claims.sub === '') throw invalidAssertion();
  return claims.sub;
}

function decode(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function invalidAssertion(): OAuthError {
  return new OAuthError('invalid_grant', 'invalid assertion');
}
