/**
 * `connected-apps.refresh` (every five minutes): every current connection whose access token
 * expires within REFRESH_AHEAD_SECONDS and that has a refresh token gets new tokens from its app
 * (openid-client `refreshTokenGrant`), sealed in place of the old, and `last_sync_at`. Each
 * connection is refreshed in its own transaction with its row locked (`SKIP LOCKED`: a connection
 * being disconnected or refreshed by another process is left to it), so one refresh per
 * connection even with several processes — the provider may rotate the refresh token, and a second
 * grant with the old one would fail or, at some providers, revoke them all. Safe to run twice: a
 * connection refreshed meanwhile is no longer due. A refresh the app refuses (`invalid_grant`: the
 * grant was revoked at the provider) is logged; the connection stays, listed with its old expiry,
 * for an admin to reconnect or disconnect.
 */
import { defineJob } from '../../jobs/jobs';
import * as client from 'openid-client';
import type { Services } from '../../services';
import { appConfiguration, failureReason, openToken, sealTokens } from './connected-apps-client';
import { connectionsDueForRefresh, lockConnection, saveTokens } from './connected-apps.queries';

/** Tokens expiring sooner than this are refreshed (more than the job's interval, so none lapses between runs). */
export const REFRESH_AHEAD_SECONDS = 10 * 60;
/** Connections refreshed per run at most; the rest wait five minutes (they were due ten ahead). */
const BATCH = 200;

/**
 * A run stops taking new connections after this long (each may wait up to 10 s on its app), so a
 * run neither outlasts the next one nor holds a shutting-down process: the rest, due ten minutes
 * ahead, are taken by the next runs.
 */
const RUN_BUDGET_MS = 60_000;

/** Refreshes the due connections; how many were refreshed. */
export async function refreshDueConnections(services: Services, now = new Date()): Promise<number> {
  const { db, logger } = services;
  const due = await connectionsDueForRefresh(db.knex, new Date(now.getTime() + REFRESH_AHEAD_SECONDS * 1000), BATCH);
  const started = Date.now();
  let refreshed = 0;
  for (const { id, organizationId } of due) {
    if (Date.now() - started > RUN_BUDGET_MS) break;
    try {
      if (await refreshOne(services, organizationId, id)) refreshed++;
    } catch (err) {
      // The database itself failed (the process is stopping, say): the next run tries again.
      logger.warn({ err, connectionId: id }, 'connected app: refresh not recorded');
    }
  }
  return refreshed;
}

async function refreshOne(services: Services, organizationId: string, id: string): Promise<boolean> {
  const { config, db, envelope, logger } = services;
  return db.knex.transaction(async (trx) => {
    const row = await lockConnection(trx, organizationId, id, { skipLocked: true });
    const app = row && config.connectedApps.find((a) => a.id === row.provider);
    if (!row?.refreshTokenSealed || !app) return false;
    try {
      const refreshToken = openToken(envelope, row.refreshTokenSealed, row, 'refresh');
      const tokens = await client.refreshTokenGrant(appConfiguration(services, app), refreshToken);
      const sealed = sealTokens(envelope, row, tokens, {
        keptRefresh: row.refreshTokenSealed,
        scopesIfUnsaid: row.scopes,
      });
      await saveTokens(trx, row.id, sealed);
      return true;
    } catch (err) {
      // One connection's failure (refused, unreachable, a token that does not open) is not the others'.
      logger.warn(
        { app: row.provider, connectionId: row.id, reason: failureReason(err) },
        'connected app: refresh failed',
      );
      return false;
    }
  });
}

export const refreshConnectedAppsJob = defineJob({
  name: 'connected-apps.refresh',
  cron: '*/5 * * * *',
  handler: async (services) => {
    await refreshDueConnections(services);
  },
  // The next run comes in five minutes anyway.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  expireInSeconds: 600,
});
