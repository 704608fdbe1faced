/**
 * The logic of `<acct-login>`'s forms, kept apart from rendering: which methods to offer (and
 * whether to offer a passkey after signing in), what is wrong with a form before it is sent, and
 * how the server's per-field codes (a 400 `invalid_request`'s `fields`) become the same messages
 * the form shows for its own checks.
 */
import type { OAuthProviderSummary } from '../../../../contract/oauth.js';
import type { ClientConfig, SignInMethod } from '../../core/api-client.js';
import type { Translation } from '../../core/i18n/index.js';
import type { SessionStore } from '../../core/session-store.js';
import { browserSupportsWebAuthn } from '../../core/webauthn.js';

export type FieldName = 'displayName' | 'email' | 'password';
export type Problem = keyof Translation['validation'];
export type Problems = Partial<Record<FieldName, Problem>>;

/** In the order the form shows them, which is the order focus visits the first invalid one. */
export const FIELDS: readonly FieldName[] = ['displayName', 'email', 'password'];

/** The methods to offer: those named in `requested`, in its order, that the server enables; all of the server's when empty. */
export function chooseMethods(requested: string, enabled: readonly SignInMethod[]): SignInMethod[] {
  const wanted = requested.split(/\s+/).filter(Boolean);
  if (!wanted.length) return [...enabled];
  return [...new Set(wanted)].filter((m): m is SignInMethod => (enabled as readonly string[]).includes(m));
}

export interface Offer {
  /** The methods the form shows, in order; the first is the primary button. */
  methods: SignInMethod[];
  /** The sign-up form shows (else sign-in). */
  signUp: boolean;
  /** Whether the form offers to switch to signing up. */
  canSignUp: boolean;
}

/**
 * What the form offers given the `methods` and `mode` attributes, the server's settings and
 * whether the browser has WebAuthn (`passkeys`: without it, a passkey button could only fail).
 * Signing up never offers a passkey: the server registers passkeys for accounts that exist (the
 * `offer-passkey` prompt does, right after the first sign-in), so sign-up needs another method.
 */
export function offerFor(
  requested: string,
  config: ClientConfig,
  mode: 'sign-in' | 'sign-up',
  passkeys: boolean,
): Offer {
  const methods = chooseMethods(requested, config.methods).filter((m) => passkeys || m !== 'passkey');
  const signUpMethods = methods.filter((m) => m !== 'passkey');
  const canSignUp = config.signUpEnabled && signUpMethods.length > 0;
  const signUp = canSignUp && mode === 'sign-up';
  return { methods: signUp ? signUpMethods : methods, signUp, canSignUp };
}

/**
 * The method whose button is the primary one (filled, pressed by Enter): a typed password says the
 * user is signing in (or up) with it; otherwise the first method offered, in the server's (or the
 * `methods` attribute's) order — by default a passkey, else the emailed link. The buttons keep
 * their places: only which one is primary follows what the user does, so nothing moves under the
 * pointer or in the tab order while they type.
 */
export function primaryMethod(methods: readonly SignInMethod[], passwordTyped: boolean): SignInMethod | undefined {
  return passwordTyped && methods.includes('password') ? 'password' : methods[0];
}

/**
 * Whether to offer adding a passkey after a sign-in: the browser can make one, the server takes
 * them, and the user has none yet. Any doubt (the list failing to load) means no offer: the
 * prompt is a nicety and must never stand between the user and the page.
 */
export async function shouldOfferPasskey(store: SessionStore): Promise<boolean> {
  try {
    if (!browserSupportsWebAuthn() || !(await store.config()).methods.includes('passkey')) return false;
    const { passkeys } = await store.api.call('GET /api/passkeys');
    return passkeys.length === 0;
  } catch {
    return false;
  }
}

/** The form's field `name`, or null when the form does not show it. */
export function field(form: HTMLFormElement, name: FieldName): HTMLInputElement | null {
  const element = form.elements.namedItem(name);
  return element instanceof HTMLInputElement ? element : null;
}

/** What is wrong with the form for submitting with `method`; empty when it may be sent. */
export function validate(
  form: HTMLFormElement,
  method: SignInMethod | 'reset',
  signUp: boolean,
  minLength: number,
): Problems {
  const problems: Problems = {};
  // Only the password sign-up sends the name: an emailed link makes the account from the address alone.
  const displayName = field(form, 'displayName');
  if (displayName && method === 'password' && !displayName.value.trim()) problems.displayName = 'displayNameMissing';
  const email = field(form, 'email');
  // Signing in with a passkey needs no email: the authenticator offers the accounts it holds.
  if (email && (signUp || method !== 'passkey')) {
    if (email.validity.valueMissing) problems.email = 'emailMissing';
    else if (email.validity.typeMismatch) problems.email = 'emailInvalid';
  }
  const password = field(form, 'password');
  if (password && method === 'password') {
    if (!password.value) problems.password = 'passwordMissing';
    // Only a new password must meet today's minimum: one set before the minimum was raised must
    // still sign in, so sign-in leaves the length to the server.
    else if (signUp && password.value.length < minLength) problems.password = 'passwordTooShort';
  }
  return problems;
}

const SERVER_CODES: Record<string, Problem> = {
  invalid_email: 'emailInvalid',
  password_too_short: 'passwordTooShort',
  password_too_long: 'passwordTooLong',
  password_too_common: 'passwordTooCommon',
};

const MISSING: Record<FieldName, Problem> = {
  displayName: 'displayNameMissing',
  email: 'emailMissing',
  password: 'passwordMissing',
};

/** The server's `fields` of a 400, for the fields this form shows; codes we have no words for read "Check this field." */
export function serverProblems(
  fields: Record<string, string> | undefined,
  shown: (name: FieldName) => boolean,
): Problems {
  const problems: Problems = {};
  for (const name of FIELDS) {
    const code = fields?.[name];
    if (!code || !shown(name)) continue;
    problems[name] = code === 'required' ? MISSING[name] : (SERVER_CODES[code] ?? 'fieldInvalid');
  }
  return problems;
}

/** The message for a problem (the length ones need the server's minimum). */
export function problemText(t: Translation, problem: Problem, minLength: number): string {
  const message = t.validation[problem];
  return typeof message === 'function' ? message(minLength) : message;
}

/**
 * The providers to show: the server's, or — when `requested` names some (ids separated by commas
 * or spaces) — those of them the server offers, in the attribute's order.
 */
export function chooseProviders(
  requested: string,
  offered: readonly OAuthProviderSummary[] = [],
): OAuthProviderSummary[] {
  const wanted = requested
    .split(/[\s,]+/)
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  if (!wanted.length) return [...offered];
  return [...new Set(wanted)].flatMap((id) => offered.filter((p) => p.id === id));
}

/** The busy/rate-limit key of a provider's button (see `renderActionButton`). */
export const providerAction = (id: string) => `oauth:${id}`;
