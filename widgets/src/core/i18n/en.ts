/**
 * English, the fallback language. Its shape is the `Translation` type, so every other language
 * must have every key (the compiler checks), and an unsupported `lang` falls back to this file.
 * `errors` is keyed by the server's stable error codes: an answer's `code` is its message key.
 */
export const en = {
  /** The language these strings are in, set on the rendered content for screen readers. */
  $lang: 'en',
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
  passkeySignUp: 'Sign up with a passkey',
  magicLinkSignIn: 'Email me a sign-in link',
  magicLinkSignUp: 'Email me a sign-up link',
  noAccount: 'No account yet?',
  createAccount: 'Create an account',
  haveAccount: 'Already have an account?',
  signInInstead: 'Sign in instead',
  validation: {
    displayNameMissing: 'Enter your name.',
    emailMissing: 'Enter your email address.',
    emailInvalid: 'Enter a valid email address, like name@example.com.',
    passwordMissing: 'Enter your password.',
    passwordTooShort: (min: number) => `Use at least ${min} characters.`,
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
    not_found: 'There is nothing at this address.',
    method_not_allowed: 'This address does not accept that request.',
    forbidden_origin: 'Requests from this site are not allowed.',
    database_unavailable: 'The service is briefly unavailable. Try again in a moment.',
    internal_error: 'Something went wrong on our side. Try again later.',
  },
};

/** Every language module has exactly this shape. */
export type Translation = typeof en;
/** Error codes with a translated message. */
export type ErrorCode = keyof Translation['errors'];
