/**
 * Connected apps (issue 12): an organization's owners and admins connect it to the apps the
 * operator configured (connected-apps-settings.ts); any member sees what is connected, by whom
 * and when. Connecting is the authorization code flow with PKCE and `state` (openid-client):
 *
 * 1. `startConnect` records an attempt bound to the organization, the admin and their session,
 *    and answers the provider's URL.
 * 2. The provider sends the browser to acct's fixed callback (`/auth/connected-apps/callback`,
 *    one redirect URI to register at the provider whatever the organization), which only hands
 *    the answer back to the page that started (connected-apps.routes.ts): the browser carries no
 *    session to acct there when the session travels as a bearer token.
 * 3. `finishConnect`, posted by the page: uses the attempt up only for the same session, user and
 *    organization (a `state` started by someone else, or tampered with, is refused), checks the
 *    admin's role again, exchanges the code and stores the tokens sealed. Connecting an app the
 *    organization already has replaces the connection's tokens. `connected_app.connected` is
 *    published in the same transaction (checklist item, onboarding step, notification).
 *
 * `disconnect` revokes the tokens upstream when the app has a revocation endpoint (RFC 7009),
 * then drops them and sets `disconnected_at`; a revocation that fails is logged and does not keep
 * the connection (the admin asked for it to end; the tokens are gone from acct either way).
 */
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import type { Knex } from 'knex';
import type { AvailableApp, ConnectedApp, ConnectedAppList } from '../../../contract/connected-apps';
import { ConnectedAppErrors } from '../../../contract/connected-apps';
import { iso } from '../../../contract/wire';
import { ApiError } from '../../http/errors';
import { EnvelopeError } from '../../security/envelope';
import { hashToken } from '../../security/tokens';
import type { Services } from '../../services';
import { requireRole, type Actor } from '../organizations/access';
import { returnAddress } from '../sessions/redirects';
import {
  appConfiguration,
  failureReason,
  openToken,
  providerAccountId,
  revokeUpstream,
  sealTokens,
  type TokenAnswer,
} from './connected-apps-client';
import type { ConnectedAppSettings } from './connected-apps-settings';
import {
  findCurrentByProvider,
  insertConnectAttempt,
  insertConnection,
  listConnections,
  lockConnection,
  markDisconnected,
  saveTokens,
  useConnectAttempt,
  type ConnectionRow,
} from './connected-apps.queries';

/** How long the admin has at the provider before the attempt expires. */
export const CONNECT_TTL_SECONDS = 600;

/** acct's one redirect URI for every app (register it at the provider). */
export const CALLBACK_PATH = '/auth/connected-apps/callback';

const refuse = (code: keyof typeof ConnectedAppErrors) => ApiError.of(ConnectedAppErrors, code);

const appOf = ({ config }: Services, id: string) => config.connectedApps.find((a) => a.id === id);

const available = (app: ConnectedAppSettings): AvailableApp => ({
  id: app.id,
  name: app.name,
  iconUrl: app.iconUrl,
  scopes: app.scopes,
});

function wire(services: Services, row: ConnectionRow): ConnectedApp {
  return {
    id: row.id,
    provider: row.provider,
    providerName: appOf(services, row.provider)?.name ?? row.provider,
    providerAccountId: row.providerAccountId,
    scopes: row.scopes,
    connectedBy:
      row.userId && row.connectedByEmail
        ? { userId: row.userId, displayName: row.connectedByName, email: row.connectedByEmail }
        : null,
    connectedAt: iso(row.connectedAt),
    lastSyncAt: iso(row.lastSyncAt),
    tokenExpiresAt: iso(row.tokenExpiresAt),
  };
}

/** What the organization can connect and has connected (any member). */
export async function listConnectedApps(services: Services, actor: Actor): Promise<ConnectedAppList> {
  const { db, config } = services;
  await requireRole(db.knex, actor, 'member');
  const rows = await listConnections(db.knex, actor.organizationId);
  return { available: config.connectedApps.map(available), connected: rows.map((row) => wire(services, row)) };
}

/** Records a connect attempt for the admin's session and answers the provider's authorization URL. */
export async function startConnect(
  services: Services,
  actor: Actor & { sessionId: string },
  appId: string,
  request: { returnTo: string | undefined; origin: string | undefined },
): Promise<string> {
  const { config, db } = services;
  await requireRole(db.knex, actor, 'admin');
  const app = appOf(services, appId);
  if (!app) throw refuse('unknown_app');
  const state = client.randomState();
  const codeVerifier = client.randomPKCECodeVerifier();
  await insertConnectAttempt(db.knex, {
    stateHash: hashToken(state),
    organizationId: actor.organizationId,
    userId: actor.userId,
    sessionId: actor.sessionId,
    provider: app.id,
    codeVerifier,
    returnTo: returnAddress(request.returnTo, request.origin, config.redirectAllowlist, 'returnTo'),
    ttlSeconds: CONNECT_TTL_SECONDS,
  });
  return client
    .buildAuthorizationUrl(appConfiguration(services, app), {
      ...app.authorizationParams,
      redirect_uri: `${config.publicUrl}${CALLBACK_PATH}`,
      ...(app.scopes.length ? { scope: app.scopes.join(' ') } : {}),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
    })
    .toString();
}

/** The provider's answer, handed back by the page that started: the connection made. */
export async function finishConnect(
  services: Services,
  actor: Actor & { sessionId: string },
  answer: { state: string; code?: string | undefined; iss?: string | undefined; error?: string | undefined },
): Promise<ConnectedApp> {
  const { config, db, logger } = services;
  // Used up first, whatever follows: a state is worth one try.
  const attempt = await useConnectAttempt(db.knex, hashToken(answer.state), actor);
  const app = attempt && appOf(services, attempt.provider);
  if (!attempt || !app) {
    // Someone else's organization (or none) is a 404 like any other route's (F1), not a word about attempts.
    await requireRole(db.knex, actor, 'member');
    throw refuse('connect_attempt_invalid');
  }
  await requireRole(db.knex, actor, 'admin');
  if (answer.error || !answer.code) throw refuse('connect_refused');

  const callback = new URL(`${config.publicUrl}${CALLBACK_PATH}`);
  for (const [name, value] of Object.entries(answer)) if (value) callback.searchParams.set(name, value);
  let tokens: TokenAnswer;
  try {
    tokens = await client.authorizationCodeGrant(appConfiguration(services, app), callback, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: answer.state,
    });
  } catch (err) {
    logger.warn({ app: app.id, reason: failureReason(err) }, 'connected app: the code exchange failed');
    throw refuse('connect_failed');
  }
  const accountId = await providerAccountId(services, app, tokens.access_token);

  const id = await db.knex.transaction(async (trx) => {
    // Again under the organization's lock: the role may have changed while we were at the provider.
    await requireRole(trx, actor, 'admin', { lock: true });
    return storeConnection(services, trx, app, actor, tokens, accountId);
  });
  const row = (await listConnections(db.knex, actor.organizationId)).find((r) => r.id === id)!;
  return wire(services, row);
}

/** Inserts the connection, or gives the organization's current one for the app the new tokens. */
async function storeConnection(
  { envelope, events }: Services,
  trx: Knex.Transaction,
  app: ConnectedAppSettings,
  actor: Actor,
  tokens: TokenAnswer,
  accountId: string | null,
): Promise<string> {
  const existing = await findCurrentByProvider(trx, actor.organizationId, app.id);
  const binding = { id: existing?.id ?? randomUUID(), organizationId: actor.organizationId, provider: app.id };
  const sealed = sealTokens(envelope, binding, tokens, { keptRefresh: null, scopesIfUnsaid: app.scopes });
  if (existing) {
    await saveTokens(trx, existing.id, sealed, { userId: actor.userId, providerAccountId: accountId });
  } else {
    await insertConnection(trx, { ...binding, userId: actor.userId, providerAccountId: accountId }, sealed);
  }
  await events.publish(trx, {
    type: 'connected_app.connected',
    userId: actor.userId,
    organizationId: actor.organizationId,
    provider: app.id,
  });
  return binding.id;
}

/** Ends a connection: tokens revoked upstream when the app supports it, then dropped. */
export async function disconnect(services: Services, actor: Actor, connectionId: string): Promise<void> {
  const { db, envelope, logger } = services;
  await db.knex.transaction(async (trx) => {
    await requireRole(trx, actor, 'admin', { lock: true });
    const row = await lockConnection(trx, actor.organizationId, connectionId);
    if (!row) throw refuse('not_found');
    const app = appOf(services, row.provider);
    if (app) {
      const tokens: Array<{ token: string; hint: 'refresh_token' | 'access_token' }> = [];
      try {
        if (row.refreshTokenSealed)
          tokens.push({ token: openToken(envelope, row.refreshTokenSealed, row, 'refresh'), hint: 'refresh_token' });
        if (row.accessTokenSealed)
          tokens.push({ token: openToken(envelope, row.accessTokenSealed, row, 'access'), hint: 'access_token' });
      } catch (err) {
        if (!(err instanceof EnvelopeError)) throw err;
        logger.warn({ app: row.provider, connectionId }, 'connected app: stored token does not open; not revoked');
      }
      await revokeUpstream(services, app, tokens);
    }
    await markDisconnected(trx, row.id);
  });
}
