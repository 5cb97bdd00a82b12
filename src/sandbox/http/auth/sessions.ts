import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';

/**
 * Access and refresh tokens. Access tokens are shaped like real ones (`<15-char org id>!AQ…`),
 * which @salesforce/core relies on to recognise a token passed as a username. A session ends
 * after a period of inactivity (2 hours, a real org's default), on revoke, or when a fault
 * expires every session issued so far. A marker, when given, is carried by every token issued, so that a test can
 * find any token, or any piece of one, wherever it leaked.
 */

export const DEFAULT_SESSION_TIMEOUT_MS = 2 * 60 * 60 * 1000;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TOKEN_CHARS = 40;

export interface Session {
  accessToken: string;
  userId: string;
  issuedAt: number;
  lastUsedAt: number;
}

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET.charAt(b % ALPHABET.length);
  return out;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly refreshTokens = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    private readonly orgId: () => string,
    private readonly timeoutMs: number = DEFAULT_SESSION_TIMEOUT_MS,
    private readonly marker = '',
  ) {
    // Letters and digits only: a token keeps the shape clients (and the log redaction) recognise.
    if (!/^[A-Za-z0-9]*$/.test(marker)) throw new Error(`A token marker is letters and digits only, got ${marker}`);
  }

  issue(userId: string): Session {
    const now = this.clock.now();
    const session: Session = {
      accessToken: `${this.orgId().slice(0, 15)}!AQ${this.marker}${randomToken(TOKEN_CHARS)}`,
      userId,
      issuedAt: now,
      lastUsedAt: now,
    };
    this.sessions.set(session.accessToken, session);
    return session;
  }

  /** The live session of a token, touching it (inactivity timeout); undefined if invalid. */
  use(accessToken: string): Session | undefined {
    const session = this.sessions.get(accessToken);
    if (!session) return undefined;
    const now = this.clock.now();
    if (now - session.lastUsedAt > this.timeoutMs) {
      this.sessions.delete(accessToken);
      return undefined;
    }
    session.lastUsedAt = now;
    return session;
  }

  issueRefreshToken(userId: string): string {
    const token = `5Aep${this.marker}${randomToken(TOKEN_CHARS)}`;
    this.refreshTokens.set(token, userId);
    return token;
  }

  userForRefreshToken(token: string): string | undefined {
    return this.refreshTokens.get(token);
  }

  /** Revokes an access or refresh token; false if it was not known. */
  revoke(token: string): boolean {
    return this.sessions.delete(token) || this.refreshTokens.delete(token);
  }

  /** Ends every access session issued so far (refresh tokens stay valid, as in a real org). */
  expireAll(): number {
    const n = this.sessions.size;
    this.sessions.clear();
    return n;
  }

  clear(): void {
    this.sessions.clear();
    this.refreshTokens.clear();
  }
}
