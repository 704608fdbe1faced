/**
 * Valid request bodies for the API routes that take one, keyed `METHOD /path` — shared by the tests
 * that walk every route: bad input (I4) feeds each field wrong values, the authorization matrix
 * (F1) sends them whole so that a refusal is the authorization's doing, not the validation's.
 */
import { randomUUID } from 'node:crypto';
import { uniqueEmail } from './accounts';
import { TEST_ORIGIN } from './http-client';

export const PASSWORD = 'correct horse battery staple';
/** A WebAuthn credential's outer shape, with values no authenticator made. */
const FAKE_CREDENTIAL = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', clientExtensionResults: {} };

/**
 * Bodies of the right shape for each known route (the passkey responses are well-formed but
 * forged); a route not listed gets `{}` and only the generic cases. Every string in a sample,
 * nested ones included, is a field the tests feed wrong values.
 */
export const sampleBodies = (): Record<string, Record<string, unknown>> => ({
  'POST /api/auth/sign-up': {
    email: uniqueEmail('bad-input'),
    password: PASSWORD,
    displayName: 'Ada',
    redirectUrl: `${TEST_ORIGIN}/welcome`,
  },
  'POST /api/auth/sign-in': { email: uniqueEmail('nobody'), password: PASSWORD, redirectUrl: `${TEST_ORIGIN}/welcome` },
  'POST /api/auth/password/forgot': { email: uniqueEmail('nobody'), redirectUrl: `${TEST_ORIGIN}/account` },
  'POST /api/auth/password/change': { currentPassword: PASSWORD, newPassword: 'another long passphrase' },
  'POST /api/auth/verification/resend': { email: uniqueEmail('nobody'), redirectUrl: `${TEST_ORIGIN}/welcome` },
  'POST /api/session/exchange': { code: 'A'.repeat(43) },
  'POST /api/auth/magic-link': { email: uniqueEmail('nobody'), redirectUrl: `${TEST_ORIGIN}/welcome` },
  'POST /api/passkeys/register/verify': {
    response: { ...FAKE_CREDENTIAL, response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' } },
    name: 'Laptop',
  },
  'POST /api/passkeys/authenticate/verify': {
    response: {
      ...FAKE_CREDENTIAL,
      response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' },
    },
  },
  'PATCH /api/passkeys/:id': { name: 'Laptop' },
  'POST /api/organizations': { name: 'Bad Input Ltd', slug: `bad-input-${randomUUID().slice(0, 8)}` },
  'PATCH /api/organizations/:id': { name: 'Renamed Ltd' },
  'PATCH /api/organizations/:id/members/:userId': { role: 'admin' },
  'POST /api/organizations/:id/invitations': {
    email: uniqueEmail('invitee'),
    role: 'member',
    redirectUrl: `${TEST_ORIGIN}/team`,
  },
  'POST /api/checklist/events': { email: uniqueEmail('nobody'), item: 'create_event' },
  'POST /api/organizations/:id/api-tokens': { name: 'Bad input', scopes: ['members:read'] },
  'POST /api/mfa/totp/confirm': { code: '123456' },
  'POST /api/auth/mfa/verify': { mfaToken: 'A'.repeat(43), code: '123456' },
  'POST /api/organizations/:id/connected-apps/callback': { state: 'A'.repeat(43), code: 'not-a-code' },
  'POST /api/organizations/:id/webhooks': {
    url: 'https://hooks.example.com/in',
    events: ['user.created'],
    description: 'Bad input',
  },
  'PATCH /api/organizations/:id/webhooks/:webhookId': { url: 'https://hooks.example.com/in', description: 'Changed' },
  'POST /api/push/subscriptions': {
    endpoint: `https://push.example.com/send/${randomUUID()}`,
    keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) },
  },
  'DELETE /api/push/subscriptions': { endpoint: `https://push.example.com/send/${randomUUID()}` },
});
