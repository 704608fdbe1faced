/**
 * WebAuthn challenges kept on the server (SECURITY.md D1): each belongs to one ceremony
 * (registration or authentication) — and a registration one to one user — lives five minutes, and
 * is consumed, atomically, BEFORE the response is verified. A failed verification has burned it,
 * a replayed response finds it gone, and 10 parallel submissions of one assertion get one success.
 */
import type { Knex } from 'knex';

export type Ceremony = 'registration' | 'authentication';

export const CHALLENGE_TTL_SECONDS = 300;

export async function storeChallenge(db: Knex, challenge: string, ceremony: Ceremony, userId: string | null): Promise<void> {
  await db('auth.webauthn_challenges').insert({
    challenge,
    ceremony,
    user_id: userId,
    expires_at: db.raw('now() + make_interval(secs => ?)', [CHALLENGE_TTL_SECONDS]),
  });
}

/** Uses up the challenge if it is open, of this ceremony and (for registration) this user's. */
export async function consumeChallenge(db: Knex, challenge: string, ceremony: Ceremony, userId: string | null): Promise<boolean> {
  const query = db('auth.webauthn_challenges')
    .where({ challenge, ceremony })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now());
  if (userId) query.where({ user_id: userId });
  const used = await query.update({ used_at: db.fn.now() });
  return used === 1;
}
