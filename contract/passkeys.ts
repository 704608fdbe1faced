/**
 * Passkeys: registering, signing in, naming and removing them.
 *
 * The two ceremonies go options → verify. Their options and responses are WebAuthn's JSON forms
 * (WebAuthn Level 3, `PublicKeyCredentialCreationOptionsJSON` and friends), written here as the
 * fields acct uses, so that neither side's WebAuthn library becomes part of the contract: the
 * server's SimpleWebAuthn output must fit these types, and these must fit what the browser's
 * SimpleWebAuthn takes. The response schemas check shape and size only (every binary value is
 * base64url, bounded); SimpleWebAuthn on the server checks meaning.
 */
import { z } from 'zod';
import { nameField } from './fields.js';
import { CommonErrors, RecentProofErrors } from './errors.js';
import type { SecondFactorRequired } from './mfa.js';
import type { SignedIn } from './auth.js';
import type { ErrorCatalogue, Route, Timestamp } from './wire.js';

/** A passkey's name, as the user sets it. */
const passkeyNameField = nameField(100);

/** A base64url value of at most `max` characters; anything else is not a passkey response. */
const b64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'invalid_passkey_response');

const credentialBase = {
  id: b64url(1024),
  rawId: b64url(1024),
  type: z.literal('public-key'),
  clientExtensionResults: z.looseObject({}).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

/** What the browser's `navigator.credentials.create()` answered, as JSON. */
export const RegistrationResponse = z.looseObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url(8192),
    attestationObject: b64url(65_536),
    transports: z.array(z.string().max(20)).max(10).optional(),
  }),
});

/** What the browser's `navigator.credentials.get()` answered, as JSON. */
export const AuthenticationResponse = z.looseObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url(8192),
    authenticatorData: b64url(8192),
    signature: b64url(2048),
    userHandle: b64url(1024).optional(),
  }),
});

/** The options requests carry no fields, but a JSON body all the same (the CSRF defence). */
export const PasskeyOptionsBody = z.object({}).strict();
export const RegisterPasskeyBody = z
  .object({ response: RegistrationResponse, name: passkeyNameField.optional() })
  .strict();
export const AuthenticatePasskeyBody = z.object({ response: AuthenticationResponse }).strict();
export const RenamePasskeyBody = z.object({ name: passkeyNameField }).strict();

/**
 * A loose schema's input without its index signatures, at every depth: the fields it names. The
 * WebAuthn responses are loose (a browser may add fields, which pass on to SimpleWebAuthn), but
 * the browser's types for them are interfaces, which fit no index signature.
 */
export type Named<T> = T extends (infer Item)[]
  ? Named<Item>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Named<T[K]> }
    : T;

/** A passkey as the options name it, to exclude it from registering again or to allow it. */
export interface PasskeyDescriptor {
  id: string;
  type: string;
  transports?: string[];
}

type Requirement = 'discouraged' | 'preferred' | 'required';

/** `POST /api/passkeys/register/options`: what `navigator.credentials.create()` is asked. */
export interface PasskeyCreationOptions {
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  challenge: string;
  pubKeyCredParams: { alg: number; type: 'public-key' }[];
  timeout?: number;
  excludeCredentials?: PasskeyDescriptor[];
  authenticatorSelection?: {
    authenticatorAttachment?: 'platform' | 'cross-platform';
    requireResidentKey?: boolean;
    residentKey?: Requirement;
    userVerification?: Requirement;
  };
  hints?: ('hybrid' | 'security-key' | 'client-device')[];
  attestation?: 'direct' | 'enterprise' | 'indirect' | 'none';
  extensions?: { credProps?: boolean };
}

/** `POST /api/passkeys/authenticate/options`: what `navigator.credentials.get()` is asked (no `allowCredentials`: discoverable passkeys). */
export interface PasskeyRequestOptions {
  challenge: string;
  timeout?: number;
  rpId?: string;
  allowCredentials?: PasskeyDescriptor[];
  userVerification?: Requirement;
  hints?: ('hybrid' | 'security-key' | 'client-device')[];
}

/** One of the user's passkeys (`GET /api/passkeys`, and the answer to registering or renaming one). */
export interface Passkey {
  id: string;
  /**
   * The user's name for it, or the authenticator's product ("iCloud Keychain"); null when neither
   * exists, and the element then calls it "Passkey" in its own language.
   */
  name: string | null;
  createdAt: Timestamp;
  lastUsedAt: Timestamp | null;
  /** Backed up and synced between devices (a password manager, a platform account), or bound to one device. */
  synced: boolean;
  transports: string[];
}

/** `DELETE /api/passkeys/:id`: the other sessions that had signed in with it were ended too. */
export interface PasskeyRemoved {
  removed: true;
  sessionsEnded: number;
}

export const PasskeyErrors = {
  passkey_challenge_expired: { status: 400, message: 'This passkey request expired or was already used. Try again.' },
  invalid_passkey_response: { status: 400, message: 'The passkey could not be verified.' },
  passkey_already_registered: { status: 409, message: 'This passkey is already registered.' },
  unknown_passkey: { status: 401, message: 'This passkey is not registered here.' },
  passkey_counter_regression: {
    status: 401,
    message: 'This passkey looks cloned and was refused. Use another way to sign in.',
  },
  not_found: CommonErrors.not_found,
  last_sign_in_method: {
    status: 409,
    message: 'This is your last way to sign in. Add another one before removing it.',
  },
  ...RecentProofErrors,
} as const satisfies ErrorCatalogue;

/** This area's routes, keyed `METHOD /api/path` (see routes.ts). */
export interface PasskeyRoutes {
  'POST /api/passkeys/register/options': Route<z.input<typeof PasskeyOptionsBody>, PasskeyCreationOptions>;
  'POST /api/passkeys/register/verify': Route<Named<z.input<typeof RegisterPasskeyBody>>, { passkey: Passkey }>;
  'POST /api/passkeys/authenticate/options': Route<z.input<typeof PasskeyOptionsBody>, PasskeyRequestOptions>;
  /** `SecondFactorRequired` when the passkey did not verify its user and the user has a second factor. */
  'POST /api/passkeys/authenticate/verify': Route<
    Named<z.input<typeof AuthenticatePasskeyBody>>,
    SignedIn | SecondFactorRequired
  >;
  'GET /api/passkeys': Route<never, { passkeys: Passkey[] }>;
  'PATCH /api/passkeys/:id': Route<z.input<typeof RenamePasskeyBody>, { passkey: Passkey }>;
  'DELETE /api/passkeys/:id': Route<never, PasskeyRemoved>;
}
