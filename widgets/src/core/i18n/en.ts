/**
 * English, the fallback language: the core every element shares — signing in, the card, the
 * fields' and the common error messages. The sections of the other elements are areas of their
 * own (`en-<area>.ts`), fetched with the first element that needs one (chunks.ts), so that a page
 * with only `<acct-login>` carries none of them. Its shape is `TranslationCore`, and with the areas
 * `Translation`, so every other language must have every key (the compiler checks), and an
 * unsupported `lang` falls back to English. `errors` is keyed by the server's stable error codes:
 * an answer's `code` is its message key (i18n.test.ts checks that every code of the contract's
 * catalogue has one, core or area), and `fields` by the codes a 400 `invalid_request` gives per field.
 */
import type { EveryArea } from './areas.js';
import type { AreaChunks } from './chunks.js';

export const en = {
  /** The language these strings are in, set on the rendered content for screen readers. */
  $lang: 'en',
  /** Writing direction of the language: `rtl` lays the elements out right to left (Arabic). */
  $dir: 'ltr' as 'ltr' | 'rtl',
  loading: 'Loading…',
  retry: 'Try again',
  loadFailed: 'The sign-in form could not be loaded.',
  signInTitle: (product: string) => `Sign in to ${product}`,
  signUpTitle: (product: string) => `Create your ${product} account`,
  displayName: 'Name',
  email: 'Email',
  password: 'Password',
  passwordHint: (min: number) => `At least ${min} characters.`,
  signIn: 'Sign in',
  signUp: 'Create account',
  passkeySignIn: 'Continue with a passkey',
  magicLinkSignIn: 'Email me a sign-in link',
  magicLinkSignUp: 'Email me a sign-up link',
  noAccount: 'No account yet?',
  createAccount: 'Create an account',
  haveAccount: 'Already have an account?',
  signInInstead: 'Sign in instead',
  forgotPassword: 'Forgot password?',
  forgotTitle: 'Reset your password',
  forgotIntro: 'Enter your email address and we will send you a link to choose a new password.',
  sendResetLink: 'Send the link',
  resetSentTitle: 'Check your inbox',
  resetSent: (email: string) => `If an account uses ${email}, we have sent it a link to choose a new password.`,
  backToSignIn: 'Back to sign in',
  verifyTitle: 'Confirm your email address',
  verifySent: (email: string) => `We have sent a link to ${email}. Open it to confirm your address and sign in.`,
  verifyNeeded: (email: string) =>
    `${email} is not confirmed yet. We have sent you a new link: open it to confirm your address and sign in.`,
  resendLink: 'Send the link again',
  linkResent: 'We have sent another link.',
  linkSentTitle: 'Check your inbox',
  linkSent: (email: string) =>
    `We have sent a sign-in link to ${email}. Open it in this browser: this page signs you in by itself.`,
  /** `when` is relative, e.g. "in 10 minutes". */
  linkLifetime: (when: string) => `The link works once and expires ${when}.`,
  linkUsedElsewhere: 'You signed in from the link in another browser or tab. To sign in here too, ask for a new link.',
  linkExpired: 'The link has expired. Ask for a new one.',
  sendNewLink: 'Send a new link',
  passkeySignInCancelled: 'Signing in with a passkey was cancelled. You can try again, or use another way to sign in.',
  offerPasskey: {
    title: 'Sign in faster next time: add a passkey',
    text: 'A passkey signs you in with your fingerprint, face or screen lock: nothing to type, nothing to remember.',
    add: 'Add a passkey',
    notNow: 'Not now',
    added: 'Your passkey is added. Next time, sign in with it.',
    cancelled: 'No passkey was added. You can add one later from your account.',
  },
  signedInAs: (name: string) => `You are signed in as ${name}.`,
  continue: 'Continue',
  signOut: 'Sign out',
  returned: {
    email_verification: 'Your email address is confirmed.',
    password_reset: 'Your new password is saved.',
  } as Record<string, string>,
  validation: {
    displayNameMissing: 'Enter your name.',
    emailMissing: 'Enter your email address.',
    emailInvalid: 'Enter a valid email address, like name@example.com.',
    passwordMissing: 'Enter your password.',
    passwordTooShort: (min: number) => `Use at least ${min} characters.`,
    passwordTooLong: 'This password is too long.',
    passwordTooCommon: 'This password is too common. Choose one that is harder to guess.',
    fieldInvalid: 'Check this field.',
  },
  errors: {
    unknown: 'Something went wrong. Try again.',
    no_methods: 'No sign-in method is available here.',
    network_error: 'The server could not be reached. Check your connection and try again.',
    unexpected_response: 'The server sent an answer that could not be read.',
    invalid_json: 'The request was not valid JSON.',
    invalid_request: 'Some fields are missing or invalid.',
    unsupported_media_type: 'The request must be sent as JSON.',
    payload_too_large: 'The request is too large.',
    headers_too_large: 'The request is too large. Clearing this site’s cookies may help.',
    malformed_request: 'The request could not be read.',
    request_timeout: 'The request timed out. Try again.',
    too_deeply_nested: 'The request is nested too deeply.',
    not_found: 'There is nothing at this address.',
    method_not_allowed: 'This address does not accept that request.',
    forbidden_origin: 'Requests from this site are not allowed.',
    database_unavailable: 'The service is briefly unavailable. Try again in a moment.',
    internal_error: 'Something went wrong on our side. Try again later.',
    invalid_credentials: 'The email address or password is not right.',
    email_not_verified: 'Confirm your email address first: we have sent you a new link.',
    email_taken: 'An account already uses this email address. Sign in instead.',
    sign_up_disabled: 'New accounts cannot be created here.',
    too_many_requests: 'Too many attempts. Wait a moment and try again.',
    not_signed_in: 'You are signed out. Sign in again.',
    wrong_password: 'Your current password is not right.',
    invalid_code: 'This link has expired or was already used. Ask for a new one.',
    hosted_page_only: 'Only the sign-in page of this service can do this.',
    // Passkeys: the server's codes (server/modules/passkeys), then the browser's, named by webauthn.ts.
    passkey_challenge_expired: 'This passkey request expired. Try again.',
    invalid_passkey_response: 'The passkey could not be verified. Try again.',
    unknown_passkey: 'This passkey is not registered here: it may have been removed. Sign in another way.',
    passkey_counter_regression:
      'This passkey was refused because it looks copied. Sign in another way, then check your passkeys.',
    passkey_already_registered: 'This passkey is already registered on your account.',
    // The browser's side of passkeys (webauthn.ts).
    // A provider the server does not offer (a sign-in button, or linking from the account).
    unknown_provider: 'This sign-in provider is not offered here.',
    passkey_cancelled: 'The passkey request was cancelled.',
    passkey_unsupported: 'This browser cannot use passkeys.',
    passkey_wrong_domain: 'Passkeys are not set up for this site’s address.',
    passkey_failed: 'The passkey could not be used. Try again, or use another way to sign in.',
    // The browser refused before anyone could have answered: nothing on this device to offer.
    passkey_unavailable: 'There is no passkey for this site on this device. Sign in another way.',
    passkey_timed_out: 'The passkey request timed out. Try again, or use another way to sign in.',
    // Organizations: also met by the organization-scoped elements (API tokens, webhooks).
    organization_required: 'Create or choose an organization first: go back to that step.',
    forbidden_role: 'Your role in this organization does not allow this.',
    json_required: 'The request must send a JSON body.',
    starting: 'The service is starting. Try again in a moment.',
    // Signing in with a provider (contract/oauth.ts), as the popup reports it.
    oauth_attempt: 'This sign-in attempt has expired or was already used. Try again.',
    oauth_provider: 'The provider did not confirm who you are. Try again, or use another way to sign in.',
    oauth_no_email: 'The provider did not share your email address, which this site needs. Use another way to sign in.',
    oauth_account_exists:
      'An account with this email address already exists. Sign in to it another way, then connect this provider from your account.',
    oauth_sign_up_closed: 'New accounts cannot be created here. Sign in to an existing account another way.',
  },
  /** `too_many_requests` when the server said how long to wait; `when` is relative, e.g. "in 5 minutes". */
  tooManyRequestsWait: (when: string) => `Too many attempts. Try again ${when}.`,
  /**
   * Generic names, for what the server leaves unnamed (it stores only real names: a device model,
   * an authenticator product). `os` is the system's name without its version, e.g. "Windows".
   */
  /** The notice of a scheduled deletion in `<acct-user-button>` and `<acct-login>`'s signed-in state. */
  deletionNotice: {
    text: (date: string) => `Your account is scheduled for deletion on ${date}.`,
    cancel: 'Cancel deletion',
    cancelled: 'The deletion is cancelled: your account stays.',
  },
  userButton: {
    menu: (name: string) => `Account: ${name}`,
    account: 'Your account',
    signOut: 'Sign out',
    signIn: 'Sign in',
  },
  /** The sign-in card's states, the session store's news and the hand-over prompt (issue 8). */
  /** The provider buttons ("Continue with Google"), in each brand's own words. */
  card: {
    passkeyWaiting: 'Waiting for your passkey…',
    passkeyWaitingHint: 'Follow your browser’s prompt, or cancel to sign in another way.',
    cancel: 'Cancel',
    /** A button waiting out a rate limit: its label and the time left, `m:ss`. */
    waitButton: (label: string, left: string) => `${label} (${left})`,
    tryAgainNow: 'You can try again now.',
    originNotAllowed: 'Sign-in is not available on this page.',
    /** In development only: the exact fix. */
    originNotAllowedDev: (origin: string) =>
      `This page’s origin ${origin} is not in ACCT_ALLOWED_ORIGINS on the acct server. Add it there (ACCT_ALLOWED_ORIGINS=${origin}) and restart the server.`,
    signedOut: {
      revoked: 'You were signed out on another device.',
      expired: 'Your session has ended. Sign in again.',
    },
    dismiss: 'Dismiss',
    handOver: {
      /** The prompt's heading: the account the link signs into, and where. */
      title: (email: string, product: string) => `Sign in to ${product} as ${email}?`,
      explain:
        'You opened a sign-in link that was not requested in this browser. Continue only if you asked for it yourself.',
      /** The same question after an invitation was accepted: nobody's browser asked for that link. */
      explainInvitation: 'You accepted an invitation sent to this address. Continue only if it was sent to you.',
      replaces: (current: string) => `You are signed in as ${current}; continuing signs you out of that account.`,
      continue: 'Continue',
      cancel: 'Cancel',
    },
  },
  fields: {
    required: 'Fill in this field.',
    too_short: 'This is too short.',
    too_long: 'This is too long.',
    invalid_email: 'Enter a valid email address, like name@example.com.',
    invalid_time: 'Enter a time, like 22:00.',
    invalid_time_zone: 'Choose a time zone from the list.',
    invalid_characters: 'Remove the special characters.',
    invalid_url: 'Enter a full web address, starting with https://.',
    duplicate_day: 'Choose each day once.',
    too_large: 'There is too much data here.',
    invalid: 'Check this field.',
  } as Record<string, string>,
};

/**
 * Where English's areas are (chunks.ts): its core comes with the elements' code and hands this
 * table to the registry with it (index.ts), so that the loader carries neither.
 */
export const areas: AreaChunks = {
  account: () => import('./en-account.js'),
  'api-tokens': () => import('./en-api-tokens.js'),
  'connected-apps': () => import('./en-connected-apps.js'),
  mfa: () => import('./en-mfa.js'),
  notifications: () => import('./en-notifications.js'),
  onboarding: () => import('./en-onboarding.js'),
  providers: () => import('./en-providers.js'),
  reauth: () => import('./en-reauth.js'),
  'second-factor': () => import('./en-second-factor.js'),
  security: () => import('./en-security.js'),
  webhooks: () => import('./en-webhooks.js'),
};

/** The core of every language: what each language module (`fr.ts`…) holds. */
export type TranslationCore = typeof en;
/**
 * Every string of a language, its core and every area: what an element reads as `this.t`. An
 * element reads only the areas it declares (`static stringAreas`), which are here before it renders.
 */
export type Translation = Flat<
  Omit<TranslationCore, 'errors'> &
    Omit<EveryArea, 'errors'> & { errors: Flat<TranslationCore['errors'] & EveryArea['errors']> }
>;
/** One object type rather than an intersection (which the compiler handles poorly at this size). */
type Flat<T> = { [K in keyof T]: T[K] };
/** Error codes with a translated message. */
export type ErrorCode = keyof Translation['errors'];
