/**
 * Linking a provider account while signed in (issue 10, docs/security.md B6). Three steps:
 *
 * 1. `startLink` — `POST /api/connected-accounts/link`, signed in within the last ten minutes
 *    (sessions/recent-sign-in.ts, as for passkeys: a stolen session must not add a way in) —
 *    records an ordinary OAuth attempt (state, nonce, PKCE) that also names the user to link, and
 *    answers the provider's URL. The attempt's `state` is the link ticket: single use, ten
 *    minutes, bound to the user, kept server-side as its hash.
 * 2. `finishLink` — the provider's callback for such an attempt (called from one place in
 *    oauth.service.ts, after openid-client validated the answer) — signs nobody in: it keeps the
 *    provider account on the attempt and sends the browser back to the page with a single-use
 *    code in the fragment (`#acct_link=…`), or an error code (`#acct_link_error=already_linked`).
 * 3. `completeLink` — `POST /api/connected-accounts/link/complete` — links it, only for the same
 *    signed-in user. So a link URL someone else started and sent to a victim links nothing: the
 *    victim's page is not signed in as its user (link CSRF, the OAuth login-CSRF of linking).
 *
 * The provider's address need not be the account's: the user proved both sides, the acct account
 * by its session and the provider account at the provider. A provider account already linked to
 * another user is refused (`already_linked`): it signs that user in, and moving it silently
 * would let whoever holds it take a second account.
 */
import type { ConnectedAccount } from '../../../contract/connected-accounts';
import { ConnectedAccountErrors, LINK_FRAGMENT } from '../../../contract/connected-accounts';
import { iso } from '../../../contract/wire';
import { ApiError } from '../../http/errors';
import { hashToken, randomToken } from '../../security/tokens';
import type { Services } from '../../services';
import { requireRecentSignIn } from '../sessions/recent-sign-in';
import { returnAddress } from '../sessions/redirects';
import type { RequestContext } from '../sessions/request-context';
import type { ActiveSession } from '../sessions/sessions.queries';
import { oauthClients } from './oauth-clients';
import { providerDisplayName } from './oauth-settings';
import {
  findLinkedAccount,
  findLinkedUserId,
  insertLinkedAccount,
  saveLinkCode,
  useLinkCode,
  type Attempt,
  type ProviderProfile,
} from './oauth.queries';
import { startSignIn } from './oauth.service';

/** What the callback of a link attempt does: send the browser back to the page. */
export interface LinkCallbackResult {
  ok: 'link';
  redirect: string;
}

const UNIQUE_VIOLATION = '23505';

/** The page to return to, with the link's code or error in its fragment. */
const backTo = (returnTo: string, key: string, value: string) => `${returnTo}#${new URLSearchParams({ [key]: value })}`;

export async function startLink(
  services: Services,
  session: ActiveSession,
  { provider: providerId, returnTo }: { provider: string; returnTo?: string | undefined },
  context: RequestContext & { origin: string | undefined },
): Promise<string> {
  const { config } = services;
  const clients = oauthClients(services);
  const provider = clients.provider(providerId);
  if (!provider) throw ApiError.of(ConnectedAccountErrors, 'unknown_provider');
  requireRecentSignIn(session);
  try {
    return await startSignIn(
      services,
      clients,
      provider,
      {
        // Always a full-page redirect: the page comes back and redeems the code itself.
        mode: 'redirect',
        returnTo: returnAddress(returnTo, context.origin, config.redirectAllowlist, 'returnTo'),
        clientNonce: undefined,
        browserKey: undefined,
        linkUserId: session.userId,
      },
      context,
    );
  } catch (err) {
    if (err instanceof ApiError) throw err;
    // The provider's discovery failed (down, misconfigured): a stable answer, not a 500.
    services.logger.warn({ err, provider: provider.id }, 'OAuth link not started: the provider is unreachable');
    throw ApiError.of(ConnectedAccountErrors, 'link_failed');
  }
}

/** The callback of a link attempt, after the provider's answer validated. */
export async function finishLink(
  { db }: Services,
  attempt: Attempt & { linkUserId: string },
  profile: ProviderProfile,
): Promise<LinkCallbackResult> {
  const owner = await findLinkedUserId(db.knex, profile.provider, profile.subject);
  if (owner && owner !== attempt.linkUserId) {
    return { ok: 'link', redirect: backTo(attempt.returnTo, LINK_FRAGMENT.error, 'already_linked') };
  }
  const code = randomToken();
  await saveLinkCode(db.knex, attempt.id, hashToken(code), profile);
  return { ok: 'link', redirect: backTo(attempt.returnTo, LINK_FRAGMENT.code, code) };
}

/** Links the provider account a link code stands for to the signed-in user who started it. */
export async function completeLink({ config, db }: Services, userId: string, code: string): Promise<ConnectedAccount> {
  try {
    return await db.knex.transaction(async (trx) => {
      const profile = await useLinkCode(trx, userId, hashToken(code));
      if (!profile) throw ApiError.of(ConnectedAccountErrors, 'link_expired');
      const owner = await findLinkedUserId(trx, profile.provider, profile.subject);
      if (owner && owner !== userId) throw ApiError.of(ConnectedAccountErrors, 'already_linked');
      const row = owner
        ? (await findLinkedAccount(trx, profile.provider, profile.subject))!
        : await insertLinkedAccount(trx, userId, profile);
      return {
        id: row.id,
        provider: row.provider,
        providerName: providerDisplayName(config.oauthProviders, row.provider),
        email: row.provider_email,
        createdAt: iso(row.created_at),
        lastUsedAt: null,
      };
    });
  } catch (err) {
    // Linked to someone else between the check and the insert (a parallel link of the same account).
    if ((err as { code?: string }).code === UNIQUE_VIOLATION)
      throw ApiError.of(ConnectedAccountErrors, 'already_linked');
    throw err;
  }
}
