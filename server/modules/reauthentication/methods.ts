/**
 * The ways a signed-in user can prove again who they are (step-up, docs/security.md F3). Each
 * method names itself, gives the zod schema of its proof fields (besides `method`), says whether
 * a user can use it, and checks a proof. Another module adds a way by adding its method object to
 * `REAUTH_METHODS`, as the second factor does with `totpReauthMethod` (modules/mfa). The service (reauthentication.service.ts) does the rest for every method alike:
 * rate limits, login history, the session's proof time.
 */
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { type z } from 'zod';
import { PasskeyProof, PasswordProof, type ReauthMethodName } from '../../../contract/reauthentication';
import type { Services } from '../../services';
import { listUserCredentials } from '../passkeys/passkeys.queries';
import { verifyReauthentication } from '../passkeys/passkeys.service';
import { verifyAgainstDummy, verifyPassword } from '../passwords/password-hash';
import type { RequestContext } from '../sessions/request-context';
import { findUserById } from '../users/users.queries';
import { totpReauthMethod } from '../mfa/reauth-method';

/** What a method may need beyond the user: the session proving itself (a passkey's challenge is bound to it). */
export interface ProofContext {
  sessionId: string;
  request: RequestContext;
}

/**
 * One way to re-authenticate. `verify` is written with method syntax so that a method whose
 * `verify` takes fewer parameters, or a narrower body, still fits the list.
 */
export interface ReauthMethod<Body = unknown> {
  method: ReauthMethodName;
  body: z.ZodType<Body>;
  available(services: Services, userId: string): Promise<boolean>;
  verify(services: Services, userId: string, body: Body, proof: ProofContext): Promise<boolean>;
}

export const passwordMethod = {
  method: 'password' as const,
  body: PasswordProof.omit({ method: true }),
  available: async ({ config, db }: Services, userId: string): Promise<boolean> =>
    config.signInMethods.includes('password') && Boolean((await findUserById(db.knex, userId))?.password_hash),
  verify: async ({ db }: Services, userId: string, body: { password: string }): Promise<boolean> => {
    const hash = (await findUserById(db.knex, userId))?.password_hash;
    // Without a password the same argon2 work runs, so the answer's timing says nothing.
    return hash ? verifyPassword(hash, body.password) : verifyAgainstDummy(body.password);
  },
} satisfies ReauthMethod<{ password: string }>;

export const passkeyMethod = {
  method: 'passkey' as const,
  body: PasskeyProof.omit({ method: true }),
  available: async ({ config, db }: Services, userId: string): Promise<boolean> =>
    config.signInMethods.includes('passkey') && (await listUserCredentials(db.knex, userId)).length > 0,
  verify: (services: Services, userId: string, body: { response: unknown }, proof: ProofContext): Promise<boolean> =>
    // The schema checked the shape; SimpleWebAuthn checks the rest, so its type is taken as given.
    verifyReauthentication(services, { id: proof.sessionId, userId }, body.response as AuthenticationResponseJSON),
} satisfies ReauthMethod<{ response: unknown }>;

/** Every way to re-authenticate, in the order the dialog offers them. */
export const REAUTH_METHODS: readonly ReauthMethod[] = [passwordMethod, passkeyMethod, totpReauthMethod];
