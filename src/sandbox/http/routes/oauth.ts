import { createHmac } from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import type { StoredRecord } from '../../schema/types';
import { verifyJwtBearer } from '../auth/jwt-bearer';
import { OAuthError } from '../auth/oauth-error';
import type { SandboxContext } from '../context';
import { bearerToken } from '../middleware/api-guard';
import { invalidSession, sendApiError, sendJson } from '../respond';

/**
 * OAuth 2.0 as a real org serves it from the same origin as the API: the token endpoint
 * (client_credentials, password, refresh_token, JWT bearer), userinfo, the identity URL (token
 * in the query string, as jsforce sends it) and revoke. Failures are `{error,
 * error_description}` with HTTP 400.
 */

/** Audiences a JWT may name besides the sandbox's own origin. */
const LOGIN_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export function oauthRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.use('/services/oauth2', express.urlencoded({ extended: false }));

  const users = (): StoredRecord[] => [...ctx.org.store.table('User').values()];
  const activeUser = (username: string): StoredRecord | undefined =>
    users().find((u) => String(u.Username).toLowerCase() === username.toLowerCase() && u.IsActive === true);

  const tokenResponse = (userId: string, extra: Record<string, string> = {}): Record<string, string> => {
    const session = ctx.sessions.issue(userId);
    const id = `${ctx.origin()}/id/${ctx.org.orgId}/${userId}`;
    const issuedAt = String(session.issuedAt);
    const signature = createHmac('sha256', ctx.credentials.clientSecret)
      .update(id + issuedAt)
      .digest('base64');
    return {
      access_token: session.accessToken,
      ...extra,
      signature,
      scope: 'api',
      instance_url: ctx.origin(),
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
  };

  const checkClient = (form: Record<string, unknown>, req: Request, secretRequired: boolean): void => {
    const [basicId, basicSecret] = basicCredentials(req);
    const clientId = typeof form.client_id === 'string' ? form.client_id : basicId;
    const secret = typeof form.client_secret === 'string' ? form.client_secret : basicSecret;
    if (clientId !== ctx.credentials.clientId) throw new OAuthError('invalid_client_id', 'client identifier invalid');
    if ((secretRequired || secret !== undefined) && secret !== ctx.credentials.clientSecret)
      throw new OAuthError('invalid_client', 'invalid client credentials');
  };

  const grant = (form: Record<string, unknown>, req: Request): Record<string, string> => {
    const grantType = form.grant_type;
    if (typeof grantType !== 'string' || grantType === '')
      throw new OAuthError('invalid_request', 'grant type is missing');
    switch (grantType) {
      case 'client_credentials':
        checkClient(form, req, true);
        return tokenResponse(ctx.org.integrationUserId);
      case 'password': {
        checkClient(form, req, true);
        const user = activeUser(formText(form.username));
        if (!user || form.password !== ctx.credentials.userPassword)
          throw new OAuthError('invalid_grant', 'authentication failure');
        return tokenResponse(user.Id as string);
      }
      case 'refresh_token': {
        checkClient(form, req, false);
        const userId = ctx.sessions.userForRefreshToken(formText(form.refresh_token));
        if (!userId) throw new OAuthError('invalid_grant', 'expired access/refresh token');
        return tokenResponse(userId);
      }
      case JWT_GRANT: {
        const username = verifyJwtBearer(formText(form.assertion), {
          publicKey: ctx.credentials.jwtPublicKey,
          clientId: ctx.credentials.clientId,
          audiences: [ctx.origin(), ...LOGIN_AUDIENCES],
          now: ctx.clock.now(),
        });
        const user = activeUser(username);
        if (!user) throw new OAuthError('invalid_grant', "user hasn't approved this consumer");
        return tokenResponse(user.Id as string);
      }
      default:
        throw new OAuthError('unsupported_grant_type', 'grant type not supported');
    }
  };

  router.post('/services/oauth2/token', (req, res) => {
    try {
      sendJson(res, 200, grant((req.body ?? {}) as Record<string, unknown>, req));
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      sendJson(res, error.status, error.toBody());
    }
  });

  router.post('/services/oauth2/revoke', (req, res) => {
    const token = ((req.body ?? {}) as Record<string, unknown>).token ?? (req.query as Record<string, unknown>).token;
    if (typeof token !== 'string' || !ctx.sessions.revoke(token))
      return sendJson(res, 400, new OAuthError('unsupported_token_type', 'this token type is not supported').toBody());
    res.status(200).end();
  });

  const identityUser = (req: Request, res: Response): StoredRecord | undefined => {
    const queryToken = (req.query as Record<string, unknown>).oauth_token;
    const token = typeof queryToken === 'string' ? queryToken : bearerToken(req);
    const session = token === undefined ? undefined : ctx.sessions.use(token);
    const user = session ? ctx.org.store.get('User', session.userId) : undefined;
    if (!user) {
      res.set('WWW-Authenticate', 'Token');
      sendApiError(res, invalidSession());
    }
    return user;
  };

  router.get('/services/oauth2/userinfo', (req, res) => {
    const user = identityUser(req, res);
    if (!user) return;
    sendJson(res, 200, {
      sub: `${ctx.origin()}/id/${ctx.org.orgId}/${String(user.Id)}`,
      user_id: user.Id,
      organization_id: ctx.org.orgId,
      preferred_username: user.Username,
      nickname: user.Alias,
      name: user.Name,
      email: user.Email,
      email_verified: true,
      given_name: user.FirstName,
      family_name: user.LastName,
      zoneinfo: user.TimeZoneSidKey,
      active: user.IsActive,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      urls: identityUrls(ctx, String(user.Id)),
    });
  });

  router.get('/id/:orgId/:userId', (req, res) => {
    const user = identityUser(req, res);
    if (!user) return;
    if (req.params.userId !== user.Id || req.params.orgId !== ctx.org.orgId)
      return sendJson(res, 403, { error: 'Forbidden' });
    sendJson(res, 200, {
      id: `${ctx.origin()}/id/${ctx.org.orgId}/${String(user.Id)}`,
      asserted_user: true,
      user_id: user.Id,
      organization_id: ctx.org.orgId,
      username: user.Username,
      nick_name: user.Alias,
      display_name: user.Name,
      email: user.Email,
      first_name: user.FirstName,
      last_name: user.LastName,
      timezone: user.TimeZoneSidKey,
      photos: {},
      urls: identityUrls(ctx, String(user.Id)),
      active: user.IsActive,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 0,
      last_modified_date: user.LastModifiedDate,
    });
  });
  return router;
}

function identityUrls(ctx: SandboxContext, userId: string): Record<string, string> {
  const data = `${ctx.origin()}/services/data/v{version}`;
  return {
    enterprise: `${ctx.origin()}/services/Soap/c/{version}/${ctx.org.orgId}`,
    metadata: `${ctx.origin()}/services/Soap/m/{version}/${ctx.org.orgId}`,
    partner: `${ctx.origin()}/services/Soap/u/{version}/${ctx.org.orgId}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    search: `${data}/search/`,
    query: `${data}/query/`,
    profile: `${ctx.origin()}/${userId}`,
  };
}

function basicCredentials(req: Request): [string | undefined, string | undefined] {
  const m = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (!m?.[1]) return [undefined, undefined];
  const [id, secret] = Buffer.from(m[1], 'base64').toString('utf8').split(':', 2);
  return [id, secret];
}

function formText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
