/**
 * The logic of `<acct-login>`'s forms, kept apart from rendering: which methods to offer, what is
 * wrong with a form before it is sent, and how the server's per-field codes (a 400
 * `invalid_request`'s `fields`) become the same messages the form shows for its own checks.
 */
import type { SignInMethod } from '../../core/api-client.js';
import type { Translation } from '../../core/i18n/index.js';

export type FieldName = 'displayName' | 'email' | 'password';
export type Problem = keyof Translation['validation'];
export type Problems = Partial<Record<FieldName, Problem>>;

/** In the order the form shows them, which is the order focus visits the first invalid one. */
export const FIELDS: readonly FieldName[] = ['displayName', 'email', 'password'];

/**
 * The methods wired to the server today. Passkeys and emailed links are offered by the server's
 * default configuration but their endpoints arrive with a later issue; see `AcctLogin.onSubmit`
 * for why their buttons stay on the form meanwhile.
 */
export const WIRED_METHODS: readonly SignInMethod[] = ['password'];

/** The methods to offer: those named in `requested`, in its order, that the server enables; all of the server's when empty. */
export function chooseMethods(requested: string, enabled: readonly SignInMethod[]): SignInMethod[] {
  const wanted = requested.split(/\s+/).filter(Boolean);
  if (!wanted.length) return [...enabled];
  return [...new Set(wanted)].filter((m): m is SignInMethod => (enabled as readonly string[]).includes(m));
}

/** The form's field `name`, or null when the form does not show it. */
export function field(form: HTMLFormElement, name: FieldName): HTMLInputElement | null {
  const element = form.elements.namedItem(name);
  return element instanceof HTMLInputElement ? element : null;
}

/** What is wrong with the form for submitting with `method`; empty when it may be sent. */
export function validate(form: HTMLFormElement, method: SignInMethod | 'reset', signUp: boolean, minLength: number): Problems {
  const problems: Problems = {};
  const displayName = field(form, 'displayName');
  if (displayName && !displayName.value.trim()) problems.displayName = 'displayNameMissing';
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
export function serverProblems(fields: Record<string, string> | undefined, shown: (name: FieldName) => boolean): Problems {
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
