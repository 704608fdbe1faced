/**
 * Passkeys with SimpleWebAuthn: registration by a signed-in user, discoverable sign-in (no email
 * needed, and conditional UI), and management. The rules (docs/security.md D1–D4, after SimpleWebAuthn's
 * example and better-auth's passkey plugin):
 * - every ceremony's challenge is stored server-side and consumed BEFORE verification;
 * - the expected origins are the allowed origins, the RP ID is ACCT_RP_ID;
 * - user verification is preferred, or required by configuration, and then enforced;
 * - a signature counter that goes backwards is refused and recorded in the login history;
 * - adding or removing a passkey needs a recent sign-in (F3).
 * The SQL is in passkeys.queries.ts.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { decodeClientDataJSON, isoBase64URL, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import {
  PasskeyErrors,
  type Passkey,
  type PasskeyCreationOptions,
  type PasskeyRequestOptions,
} from '../../../contract/passkeys';
import { iso } from '../../../contract/wire';
import type { PasskeyRow } from '../../db/tables';
import { canSignIn } from '../users/sign-in-methods';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { recordLogin } from '../login-history/login-history.queries';
import { mailOptions, mailTemplates } from '../mail/templates';
import { raiseSecurityAlert } from '../notifications/security-alerts';
import { enforceLimits } from '../rate-limit/rate-limit';
import { requireRecentSignIn } from '../sessions/recent-sign-in';
export { RECENT_SIGN_IN_SECONDS } from '../sessions/recent-sign-in';
import type { RequestContext } from '../sessions/request-context';
import { retireHandOverCodes, type ActiveSession } from '../sessions/sessions.queries';
import { completeSignIn, withUser, type SignInAnswer } from '../sessions/sign-in';
import { findUserById, toPublicUser, type PublicUser } from '../users/users.queries';
import { rateLimitKeyForIp } from '../../security/client-ip';
import { passkeyName } from './authenticator-names';
import {
  consumeChallenge,
  findByCredentialId,
  insertPasskey,
  listUserCredentials,
  listUserPasskeys,
  recordPasskeyUse,
  removeUserPasskey,
  renameUserPasskey,
  storeChallenge,
} from './passkeys.queries';

/** A passkey as the API shows it (contract/passkeys.ts). */
const toListing = (row: PasskeyRow): Passkey => ({
  id: row.id,
  name: row.device_name,
  createdAt: iso(row.created_at),
  lastUsedAt: iso(row.last_used_at),
  synced: row.backed_up,
  transports: row.transports ?? [],
});

const uuidBytes = (uuid: string) => new Uint8Array(Buffer.from(uuid.replace(/-/g, ''), 'hex'));
const aaguidBytes = (aaguid: string) => Buffer.from(aaguid.replace(/-/g, ''), 'hex');
const bytes = (value: Uint8Array) => new Uint8Array(value); // Buffer (pg) or Uint8Array (PGlite) alike

/** The challenge a response answers, read from its clientDataJSON; undefined when unreadable. */
function challengeOf(response: { response: { clientDataJSON: string } }): string | undefined {
  try {
    const challenge = decodeClientDataJSON(response.response.clientDataJSON).challenge;
    return typeof challenge === 'string' && challenge.length <= 128 ? challenge : undefined;
  } catch {
    return undefined;
  }
}

function verificationSettings({ config }: Services) {
  return {
    expectedOrigin: config.allowedOrigins,
    expectedRPID: config.passkeys.rpId,
    requireUserVerification: config.passkeys.userVerification === 'required',
  };
}

export async function registrationOptions(services: Services, session: ActiveSession): Promise<PasskeyCreationOptions> {
  const { config, db } = services;
  requireRecentSignIn(session);
  const existing = await listUserCredentials(db.knex, session.userId);
  const options = await generateRegistrationOptions({
    rpName: config.passkeys.rpName,
    rpID: config.passkeys.rpId,
    userName: session.user.email,
    userID: uuidBytes(session.userId),
    userDisplayName: session.user.displayName ?? session.user.email,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: isoBase64URL.fromBuffer(bytes(p.credential_id)),
      ...(p.transports ? { transports: p.transports } : {}),
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: config.passkeys.userVerification },
  });
  await storeChallenge(db.knex, options.challenge, 'registration', session.userId);
  return options;
}

export async function verifyRegistration(
  services: Services,
  session: ActiveSession,
  { response, name }: { response: RegistrationResponseJSON; name?: string | undefined },
  context: RequestContext,
): Promise<Passkey> {
  const { config, db } = services;
  requireRecentSignIn(session);
  const challenge = challengeOf(response);
  if (!challenge || !(await consumeChallenge(db.knex, challenge, 'registration', session.userId))) {
    throw ApiError.of(PasskeyErrors, 'passkey_challenge_expired');
  }
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      ...verificationSettings(services),
    });
  } catch {
    throw ApiError.of(PasskeyErrors, 'invalid_passkey_response');
  }
  if (!verification.verified) throw ApiError.of(PasskeyErrors, 'invalid_passkey_response');
  const { credential, aaguid, credentialBackedUp, credentialDeviceType } = verification.registrationInfo;

  const row = await db.knex.transaction(async (trx) => {
    const inserted = await insertPasskey(trx, {
      userId: session.userId,
      credentialId: Buffer.from(isoBase64URL.toBuffer(credential.id)),
      publicKey: Buffer.from(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? response.response.transports ?? [],
      aaguid: aaguidBytes(aaguid),
      name: (name?.trim() || passkeyName(aaguid))?.slice(0, 255) ?? null,
      backupEligible: credentialDeviceType === 'multiDevice',
      backedUp: credentialBackedUp,
    });
    if (!inserted) throw ApiError.of(PasskeyErrors, 'passkey_already_registered');
    await raiseSecurityAlert(services, trx, {
      userId: session.userId,
      eventType: 'passkey_added',
      mail: {
        template: 'newPasskey',
        content: mailTemplates.newPasskey(
          mailOptions(config, session.user.locale, context.language),
          inserted.device_name,
        ),
      },
    });
    return inserted;
  });
  return toListing(row);
}

export async function authenticationOptions(
  services: Services,
  context: RequestContext,
): Promise<PasskeyRequestOptions> {
  const { config, db } = services;
  await enforceLimits(db.knex, [
    {
      action: 'passkey-options:ip',
      identifier: rateLimitKeyForIp(context.ip),
      policy: config.rateLimits['passkey-options:ip'],
    },
  ]);
  // No allowCredentials: discoverable credentials, so the user need not type an email, and the
  // same options serve passkey autofill (conditional UI).
  const options = await generateAuthenticationOptions({
    rpID: config.passkeys.rpId,
    userVerification: config.passkeys.userVerification,
  });
  await storeChallenge(db.knex, options.challenge, 'authentication', null);
  return options;
}

export async function verifyAuthentication(
  services: Services,
  response: AuthenticationResponseJSON,
  context: RequestContext,
): Promise<SignInAnswer<PublicUser>> {
  const { config, db } = services;
  await enforceLimits(db.knex, [
    { action: 'sign-in:ip', identifier: rateLimitKeyForIp(context.ip), policy: config.rateLimits['sign-in:ip'] },
  ]);
  const challenge = challengeOf(response);
  // Consumed before anything else: whatever happens next, this challenge is spent (D1).
  if (!challenge || !(await consumeChallenge(db.knex, challenge, 'authentication', null))) {
    throw ApiError.of(PasskeyErrors, 'passkey_challenge_expired');
  }
  const { passkey, userVerified } = await verifyAssertion(services, response, challenge, (row, reason) =>
    recordLogin(db.knex, {
      userId: row.user_id,
      event: 'login_failed',
      method: 'passkey',
      success: false,
      failureReason: reason,
      context,
    }),
  );
  const user = await findUserById(db.knex, passkey.user_id);
  if (!user) throw ApiError.of(PasskeyErrors, 'unknown_passkey');
  // A passkey that verified its user is both factors; one that did not is only the first (M6).
  const outcome = await completeSignIn(services, {
    user,
    method: 'passkey',
    context,
    passkeyId: passkey.id,
    userVerified,
  });
  return withUser(outcome, toPublicUser(user));
}

/**
 * Checks an assertion against its (already consumed) challenge and the stored passkey, and
 * records the passkey's use; throws `unknown_passkey` (also for a passkey not `ownerId`'s), or — after `onFailure` was told why —
 * `invalid_passkey_response` / `passkey_counter_regression`. Shared by sign-in and
 * re-authentication, so that both apply the same checks (D1–D4).
 */
async function verifyAssertion(
  services: Services,
  response: AuthenticationResponseJSON,
  challenge: string,
  onFailure: (passkey: PasskeyRow, reason: 'counter_regression' | 'passkey_verification_failed') => Promise<void>,
  ownerId?: string,
): Promise<{ passkey: PasskeyRow; userVerified: boolean }> {
  const { db } = services;
  let credentialId: Buffer;
  try {
    credentialId = Buffer.from(isoBase64URL.toBuffer(response.id));
  } catch {
    throw ApiError.of(PasskeyErrors, 'invalid_passkey_response');
  }
  const passkey = await findByCredentialId(db.knex, credentialId);
  // Another user's passkey is as unknown as no passkey (re-authentication names its owner).
  if (!passkey || (ownerId && passkey.user_id !== ownerId)) throw ApiError.of(PasskeyErrors, 'unknown_passkey');

  let info;
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      ...verificationSettings(services),
      credential: {
        id: response.id,
        publicKey: bytes(passkey.public_key),
        counter: passkey.counter,
        ...(passkey.transports ? { transports: passkey.transports as AuthenticatorTransport[] } : {}),
      },
    });
    if (!verification.verified) throw new Error('not verified');
    info = verification.authenticationInfo;
  } catch {
    const regressed = counterWentBack(response, passkey.counter);
    await onFailure(passkey, regressed ? 'counter_regression' : 'passkey_verification_failed');
    throw ApiError.of(PasskeyErrors, regressed ? 'passkey_counter_regression' : 'invalid_passkey_response');
  }
  await recordPasskeyUse(db.knex, passkey.id, { counter: info.newCounter, backedUp: info.credentialBackedUp });
  return { passkey, userVerified: info.userVerified };
}

/**
 * Step-up with a passkey (server/modules/reauthentication): options for one of the user's own
 * passkeys, whose challenge is bound to the asking session.
 */
export async function reauthenticationOptions(
  services: Services,
  session: Pick<ActiveSession, 'id' | 'userId'>,
  context: RequestContext,
): Promise<PasskeyRequestOptions> {
  const { config, db } = services;
  await enforceLimits(db.knex, [
    {
      action: 'passkey-options:ip',
      identifier: rateLimitKeyForIp(context.ip),
      policy: config.rateLimits['passkey-options:ip'],
    },
  ]);
  const credentials = await listUserCredentials(db.knex, session.userId);
  const options = await generateAuthenticationOptions({
    rpID: config.passkeys.rpId,
    userVerification: config.passkeys.userVerification,
    allowCredentials: credentials.map((p) => ({
      id: isoBase64URL.fromBuffer(bytes(p.credential_id)),
      ...(p.transports ? { transports: p.transports as AuthenticatorTransport[] } : {}),
    })),
  });
  await storeChallenge(db.knex, options.challenge, 'reauthentication', session.userId, session.id);
  return options;
}

/**
 * Whether `response` proves the session's user present: it answers a challenge this session
 * asked for (consumed first, D1) with one of the user's own passkeys. A failure is the caller's to
 * record; any refusal is `false`.
 */
export async function verifyReauthentication(
  services: Services,
  session: Pick<ActiveSession, 'id' | 'userId'>,
  response: AuthenticationResponseJSON,
): Promise<boolean> {
  const { db } = services;
  const challenge = challengeOf(response);
  if (!challenge || !(await consumeChallenge(db.knex, challenge, 'reauthentication', session.userId, session.id))) {
    return false;
  }
  try {
    await verifyAssertion(services, response, challenge, async () => {}, session.userId);
    return true;
  } catch (err) {
    if (err instanceof ApiError) return false;
    throw err;
  }
}

/** A signature counter at or below the stored one, while either is in use: a cloned authenticator (D4). */
function counterWentBack(response: AuthenticationResponseJSON, stored: number): boolean {
  try {
    const { counter } = parseAuthenticatorData(isoBase64URL.toBuffer(response.response.authenticatorData));
    return counter !== undefined && (counter > 0 || stored > 0) && counter <= stored;
  } catch {
    return false;
  }
}

export async function listPasskeys({ db }: Services, userId: string): Promise<Passkey[]> {
  return (await listUserPasskeys(db.knex, userId)).map(toListing);
}

export async function renamePasskey({ db }: Services, userId: string, id: string, name: string): Promise<Passkey> {
  const row = await renameUserPasskey(db.knex, userId, id, name);
  if (!row) throw ApiError.of(PasskeyErrors, 'not_found');
  return toListing(row);
}

/**
 * Removes a passkey and ends every OTHER session that signed in with it (decided: a lost or
 * stolen passkey must not leave sessions behind, docs/security.md C3; the session doing the removal
 * stays, as its user is present), and the hand-over codes such a session minted (a session handed
 * from the hosted page to the site keeps the passkey, sessions/hand-over.ts). Refused when it is the account's last way to sign in, by the
 * same rule as unlinking a provider account (users/sign-in-methods.ts).
 */
export async function removePasskey(
  services: Services,
  session: ActiveSession,
  id: string,
  context: RequestContext,
): Promise<{ sessionsEnded: number }> {
  const { config, db } = services;
  requireRecentSignIn(session);
  const removal = { userId: session.userId, id, keepSessionId: session.id };
  return db.knex.transaction(async (trx) => {
    const removed = await removeUserPasskey(trx, removal, (left) => canSignIn(config, left));
    if (removed === 'not_found') throw ApiError.of(PasskeyErrors, 'not_found');
    if (removed === 'refused') throw ApiError.of(PasskeyErrors, 'last_sign_in_method');
    await retireHandOverCodes(trx, session.userId, id);
    await raiseSecurityAlert(services, trx, {
      userId: session.userId,
      eventType: 'passkey_removed',
      mail: {
        template: 'passkeyRemoved',
        content: mailTemplates.passkeyRemoved(mailOptions(config, session.user.locale, context.language), removed.name),
      },
    });
    return { sessionsEnded: removed.sessionsEnded };
  });
}
