/**
 * OAuth 2 / OpenID Connect sign-in (issue 10), through openid-client v6: the authorization code
 * flow with PKCE, `state` and `nonce`, the ID token validated by the library. `startSignIn` keeps
 * the attempt's secrets server-side and returns the provider's URL; `finishSignIn` uses the
 * attempt up (once: a replay, a parallel duplicate, a wrong or expired `state` all fail the same),
 * lets openid-client check the provider's answer, finds or creates the user, and ends with the
 * same hand-over code as emailed links (sessions/hand-over.ts), so every session transport works.
 * What differs per provider (scopes, form_post, GitHub's profile API) is in oauth-exchange.ts.
 *
 * Accounts: a provider account already linked signs its user in. Otherwise a new account is
 * made (while sign-up is open), its address proven only when the provider says `email_verified`
 * (users/address-proof.ts). An existing account with the same address is never linked here, even
 * with a verified provider email: linking needs proof of the acct account (a signed-in user,
 * docs/security.md B6), or whoever controls a provider account with that address would take it.
 */
import * as client from 'openid-client';
import type { OAuthMode } from '../../../contract/oauth';
import type { Services } from '../../services';
import { hashToken } from '../../security/tokens';
import { keepProviderTokens } from '../provider-tokens/provider-tokens.service';
import { rateLimitKeyForIp } from '../../security/client-ip';
import { recordLogin } from '../login-history/login-history.queries';
import { enforceLimits } from '../rate-limit/rate-limit';
import { browserKeyHash } from '../sessions/browser-binding';
import { handOverUrl } from '../sessions/hand-over';
import type { RequestContext } from '../sessions/request-context';
import { proveAddress } from '../users/address-proof';
import { createUser, findUserByEmail } from '../users/users.queries';
import type { OAuthClients } from './oauth-clients';
import { authorizationParameters, exchangeCode, type Exchanged } from './oauth-exchange';
import { finishLink, type LinkCallbackResult } from './oauth-linking';
import type { OAuthProviderSettings } from './oauth-settings';
import {
  findLinkedUserId,
  insertAttempt,
  insertLinkedAccount,
  touchLinkedAccount,
  useAttempt,
  type ProviderProfile,
} from './oauth.queries';

/** How long the user has at the provider before the attempt expires. */
export const ATTEMPT_TTL_SECONDS = 600;

export const oauthPath = (providerId: string, step: 'start' | 'callback') => `/auth/oauth/${providerId}/${step}`;

/** Why a sign-in failed, as the error page tells it. */
export type FailureReason = 'attempt' | 'provider' | 'no_email' | 'account_exists' | 'sign_up_closed';

export type FinishResult =
  | { ok: true; mode: OAuthMode; returnTo: string; clientNonce: string | null; handOver: string; code: string }
  | {
      ok: false;
      reason: FailureReason;
      returnTo?: string | undefined;
      /** Known once the attempt is: a popup tells its opener, by the opener's nonce. */
      attempt?: { mode: OAuthMode; clientNonce: string | null };
    }
  | LinkCallbackResult;

export interface StartRequest {
  mode: OAuthMode;
  /** The allowlisted page to return to (sessions/redirects.ts). */
  returnTo: string;
  /** The opener's nonce, echoed in the popup's message. */
  clientNonce: string | undefined;
  browserKey: string | undefined;
  /** Set for linking a provider account to this signed-in user (oauth-linking.ts). */
  linkUserId?: string;
}

/** Records a new attempt and returns the provider's authorization URL to send the browser to. */
export async function startSignIn(
  services: Services,
  clients: OAuthClients,
  provider: OAuthProviderSettings,
  request: StartRequest,
  context: RequestContext,
): Promise<string> {
  const { config, db } = services;
  // Per address like every sign-in; the account's own bucket has no address yet to key on.
  const policy = config.rateLimits['sign-in:ip'];
  await enforceLimits(db.knex, [{ action: 'sign-in:ip', identifier: rateLimitKeyForIp(context.ip), policy }]);
  const configuration = await clients.configuration(provider);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await insertAttempt(db.knex, {
    stateHash: hashToken(state),
    provider: provider.id,
    nonce,
    codeVerifier,
    mode: request.mode,
    returnTo: request.returnTo,
    clientNonce: request.clientNonce ?? null,
    browserKeyHash: browserKeyHash(request.browserKey),
    linkUserId: request.linkUserId ?? null,
    ttlSeconds: ATTEMPT_TTL_SECONDS,
  });
  return client
    .buildAuthorizationUrl(configuration, {
      redirect_uri: `${config.publicUrl}${oauthPath(provider.id, 'callback')}`,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      ...authorizationParameters(provider, nonce, config.oauthStoreTokens),
    })
    .toString();
}

/**
 * The provider's return: `currentUrl` is the callback URL with the provider's parameters (from
 * the query, or from the form body of a form_post). `posted` is the rest of such a body (Apple's
 * `user`). `context` is the callback request's, for the login history of a refused sign-in. Uses the attempt up first, so that of parallel callbacks with one `state` only one
 * reaches the provider.
 */
export async function finishSignIn(
  services: Services,
  clients: OAuthClients,
  provider: OAuthProviderSettings,
  currentUrl: URL,
  context: RequestContext,
  posted: { user?: string | undefined } = {},
): Promise<FinishResult> {
  const { db, logger } = services;
  const state = currentUrl.searchParams.get('state');
  const attempt = state ? await useAttempt(db.knex, provider.id, hashToken(state)) : undefined;
  if (!attempt || !state) return { ok: false, reason: 'attempt' };
  const fail = (reason: FailureReason): FinishResult => ({
    ok: false,
    reason,
    returnTo: attempt.returnTo,
    attempt: { mode: attempt.mode, clientNonce: attempt.clientNonce },
  });

  let exchanged: Exchanged;
  try {
    const configuration = await clients.configuration(provider);
    exchanged = await exchangeCode(configuration, provider, currentUrl, { state, ...attempt }, posted);
  } catch (err) {
    logger.warn({ err, provider: provider.id }, 'OAuth sign-in refused: the provider answer did not validate');
    return fail('provider');
  }
  const email = exchanged.email?.trim().toLowerCase() ?? '';
  if (!email) return fail('no_email');
  const profile: ProviderProfile = {
    provider: provider.id,
    subject: exchanged.subject,
    email,
    name: exchanged.name?.slice(0, 255) ?? null,
    picture: exchanged.picture,
  };
  // A link attempt signs nobody in: it hands the provider account to the user who started it.
  if (attempt.linkUserId) return finishLink(services, { ...attempt, linkUserId: attempt.linkUserId }, profile);
  const outcome = await signInOrSignUp(services, profile, exchanged.emailVerified);
  if ('failure' in outcome) {
    // The account whose address it is learns of the attempt, as of a wrong password (A4 timing
    // does not arise: the provider, not the visitor, named the address).
    if (outcome.userId) await recordFailure(services, outcome.userId, profile.provider, outcome.failure, context);
    return fail(outcome.failure);
  }
  await keepProviderTokens(services, outcome.userId, provider, profile.subject, exchanged.tokens);

  const handOver = await handOverUrl(db.knex, {
    userId: outcome.userId,
    // `oauth_<provider>`, so the login history and the connected accounts say which provider.
    method: `oauth_${profile.provider}`,
    flow: 'oauth',
    redirectUrl: attempt.returnTo,
    browserKeyHash: attempt.browserKeyHash,
  });
  const code = new URLSearchParams(new URL(handOver).hash.slice(1)).get('acct_code')!;
  return { ok: true, mode: attempt.mode, returnTo: attempt.returnTo, clientNonce: attempt.clientNonce, handOver, code };
}

/** The user the provider account signs in: linked before, or new. A failure reason otherwise. */
async function signInOrSignUp(
  { config, db, events }: Services,
  profile: ProviderProfile,
  emailVerified: boolean,
): Promise<{ userId: string } | { failure: FailureReason; userId?: string }> {
  return db.knex.transaction(async (trx) => {
    const linked = await findLinkedUserId(trx, profile.provider, profile.subject);
    if (linked) {
      await touchLinkedAccount(trx, profile);
      return { userId: linked };
    }
    // Never linked silently, whatever the provider says about the address (B6).
    const existing = await findUserByEmail(trx, profile.email);
    if (existing) return { failure: 'account_exists', userId: existing.id };
    if (!config.signUpEnabled) return { failure: 'sign_up_closed' };
    const user = await createUser(trx, { email: profile.email, passwordHash: null, displayName: profile.name });
    await events.publish(trx, { type: 'user.created', userId: user.id, email: user.email });
    // Proven before the link is made: a first proof drops whatever was linked before it.
    if (emailVerified) await proveAddress(trx, user.id);
    await insertLinkedAccount(trx, user.id, profile);
    return { userId: user.id };
  });
}

/** A `login_failed` line in the account's history, method `oauth_<provider>`. */
function recordFailure(
  { db }: Services,
  userId: string,
  provider: string,
  reason: FailureReason,
  context: RequestContext,
): Promise<void> {
  return recordLogin(db.knex, {
    userId,
    event: 'login_failed',
    method: `oauth_${provider}`,
    success: false,
    failureReason: `oauth_${reason}`,
    context,
  });
}
