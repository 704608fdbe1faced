/**
 * English, the fallback language: the one string set of every element, sign-in and onboarding
 * alike (the onboarding elements' sections live in en-onboarding.ts only to keep files short).
 * Its shape is the `Translation` type, so every other language must have every key (the compiler
 * checks), and an unsupported `lang` falls back to this file. `errors` is keyed by the server's
 * stable error codes: an answer's `code` is its message key (i18n.test.ts checks that every code
 * of the contract's catalogue has one), and `fields` by the codes a 400 `invalid_request` gives per field.
 */
import { onboardingEn } from './en-onboarding.js';
import { notificationsEn } from './en-notifications.js';
import { connectedAppErrorsEn, connectedAppsEn } from './en-connected-apps.js';
import { accountEn } from './en-account.js';
import { apiTokenErrorsEn, apiTokensEn } from './en-api-tokens.js';
import { reauthErrorsEn, reauthEn } from './en-reauth.js';
import { webhookErrorsEn, webhooksEn } from './en-webhooks.js';
import { mfaEn, mfaErrorsEn } from './en-mfa.js';

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
  verifySent: (email: string) => `We have sent a link to ${email}. Open it to confirm your address, then sign in.`,
  verifyNeeded: (email: string) => `${email} is not confirmed yet. We have sent you a new link: open it, then sign in.`,
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
    ...apiTokenErrorsEn,
    ...reauthErrorsEn,
    ...webhookErrorsEn,
    ...mfaErrorsEn,
    ...connectedAppErrorsEn,
    unknown: 'Something went wrong. Try again.',
    no_methods: 'No sign-in method is available here.',
    network_error: 'The server could not be reached. Check your connection and try again.',
    unexpected_response: 'The server sent an answer that could not be read.',
    invalid_json: 'The request was not valid JSON.',
    invalid_request: 'Some fields are missing or invalid.',
    unsupported_media_type: 'The request must be sent as JSON.',
    payload_too_large: 'The request is too large.',
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
    last_sign_in_method: 'This is your only way to sign in. Add a password or another passkey before removing it.',
    // Profile: the avatar upload and the email change (server/modules/avatars, server/modules/email-change).
    unsupported_image_type: 'Choose a PNG, JPEG, WebP or GIF picture.',
    image_too_large: 'This picture is too large. Choose a smaller one.',
    email_unchanged: 'This is already your email address.',
    email_in_use: 'Another account uses this email address now.',
    // Connected accounts: linking another provider (server/modules/oauth/oauth-linking.ts).
    unknown_provider: 'This sign-in provider is not offered here.',
    already_linked: 'This account is already linked to another of our accounts. Sign in with it to use that one.',
    link_failed: 'Linking did not complete. Try again.',
    link_expired: 'This link request expired or was already used. Try again.',
    // Data export (server/modules/data-export/).
    export_in_progress: 'An export is already being prepared. Wait until it is ready.',
    export_not_ready: 'This export is not ready yet.',
    export_expired: 'This export has expired. Request a new one.',
    export_link_invalid: 'This download link is not valid. Use the link from your account.',
    passkey_cancelled: 'The passkey request was cancelled.',
    passkey_unsupported: 'This browser cannot use passkeys.',
    passkey_wrong_domain: 'Passkeys are not set up for this site’s address.',
    passkey_failed: 'The passkey could not be used. Try again, or use another way to sign in.',
    // The browser refused before anyone could have answered: nothing on this device to offer.
    passkey_unavailable: 'There is no passkey for this site on this device. Sign in another way.',
    passkey_timed_out: 'The passkey request timed out. Try again, or use another way to sign in.',
    // Onboarding, organizations and checklists (server/modules/onboarding, organizations, checklist).
    step_required: 'This step is required: it cannot be skipped.',
    step_not_reached: 'Finish the steps before this one first.',
    onboarding_not_started: 'Your onboarding has not started yet. Reload the page.',
    no_onboarding_path: 'No onboarding is set up on this site yet.',
    organization_required: 'Create or choose an organization first: go back to that step.',
    second_factor_not_set_up: 'Turn on two-step verification first, then continue.',
    forbidden_role: 'Your role in this organization does not allow this.',
    slug_taken: 'Another organization already uses this address.',
    last_owner: 'An organization needs an owner. Make someone else an owner first.',
    already_member: 'This person is already a member of the organization.',
    // Administration and site calls: an element meets them only when a site misuses the API.
    admin_only: 'Only administrators can do this.',
    already_exists: 'Another entry already has this key.',
    in_use: 'This entry is in use: deactivate it instead of deleting it.',
    site_secret_required: 'This request needs the site secret.',
    site_events_disabled: 'Site events are turned off on this server.',
    // Notifications (server/modules/notifications).
    notification_locked: 'Security notifications cannot be turned off.',
    unknown_event_type: 'This kind of notification is not known on this server.',
    site_notifications_disabled: 'Site notifications are turned off on this server.',
    provider_tokens_disabled: 'This server does not keep sign-in provider tokens.',
    provider_not_configured: 'This sign-in provider is not set up on this server.',
    // Account deletion (server/modules/account-deletion).
    email_mismatch: 'Type the email address of your account exactly to confirm.',
    deletion_already_scheduled: 'Your account is already scheduled for deletion.',
    deletion_not_scheduled: 'Your account is not scheduled for deletion.',
    provider_account_not_linked: 'This account is not connected to that provider.',
    provider_tokens_not_stored: 'No provider access is stored yet. Sign in with the provider again.',
    provider_tokens_unreadable: 'The stored provider access cannot be read. Sign in with the provider again.',
    provider_refresh_unavailable: 'The provider access has expired. Sign in with the provider again.',
    provider_refresh_failed: 'The provider refused to renew access. Sign in with the provider again.',
    json_required: 'The request must send a JSON body.',
    starting: 'The service is starting. Try again in a moment.',
    // Signing in with a provider (contract/oauth.ts), as the popup reports it.
    oauth_attempt: 'This sign-in attempt has expired or was already used. Try again.',
    oauth_provider: 'The provider did not confirm who you are. Try again, or use another way to sign in.',
    oauth_no_email: 'The provider did not share your email address, which this site needs. Use another way to sign in.',
    oauth_account_exists:
      'An account with this email address already exists. Sign in to it another way, then connect this provider from your account.',
    oauth_sign_up_closed: 'New accounts cannot be created here. Sign in to an existing account another way.',
    // Web Push (contract/push.ts): the browser's push service address was refused.
    push_endpoint_not_allowed: 'This browser’s notification service cannot be used here. Try another browser.',
  },
  /** `too_many_requests` when the server said how long to wait; `when` is relative, e.g. "in 5 minutes". */
  tooManyRequestsWait: (when: string) => `Too many attempts. Try again ${when}.`,
  methods: {
    password: 'Password',
    magic_link: 'Emailed link',
    passkey: 'Passkey',
    oauth: 'Single sign-on',
    mfa: 'Two-step verification',
  } as Record<string, string>,
  device: {
    desktop: 'Computer',
    mobile: 'Phone',
    tablet: 'Tablet',
    unknown: 'Unknown device',
    browserOnOs: (browser: string, os: string) => `${browser} on ${os}`,
    unknownPlace: 'Unknown location',
  },
  /**
   * Generic names, for what the server leaves unnamed (it stores only real names: a device model,
   * an authenticator product). `os` is the system's name without its version, e.g. "Windows".
   */
  genericNames: {
    desktop: (os: string) => `${os} computer`,
    mobile: (os: string) => `${os} phone`,
    tablet: (os: string) => `${os} tablet`,
    unknown: (os: string) => `${os} device`,
    passkey: 'Passkey',
  },
  sessions: {
    title: 'Where you are signed in',
    thisDevice: 'This device',
    lastActive: (when: string) => `Active ${when}`,
    signedInWith: (method: string) => `Signed in with: ${method}`,
    revoke: 'Sign out',
    revokeLabel: (device: string) => `Sign out ${device}`,
    confirmRevoke: (device: string) => `Sign out ${device}? It will need to sign in again.`,
    revokeOthers: 'Sign out all other devices',
    confirmRevokeOthers: 'Sign out every other device? They will need to sign in again.',
    confirm: 'Yes, sign out',
    cancel: 'Cancel',
    revoked: (device: string) => `${device} is signed out.`,
    revokedOthers: (count: number) =>
      count === 1 ? 'One other device is signed out.' : `${count} other devices are signed out.`,
    signedOut: 'Sign in to see the devices where you are signed in.',
    loadFailed: 'Your devices could not be loaded.',
  },
  history: {
    title: 'Recent sign-in activity',
    events: {
      login_success: 'Signed in',
      login_failed: 'Sign-in failed',
      second_factor_required: 'First step of a sign-in',
      logout: 'Signed out',
      password_reset: 'Password reset',
      password_changed: 'Password changed',
      email_changed: 'Email address changed',
      email_change_undone: 'Email change undone',
      reauthenticated: 'Identity confirmed',
      reauthentication_failed: 'Identity confirmation failed',
      unknown: 'Account activity',
    } as Record<string, string>,
    succeeded: 'Succeeded',
    failed: 'Failed',
    /** Keyed by the server's `failureReason`; an unknown reason shows as the server wrote it. */
    reasons: {
      wrong_password: 'wrong password',
      no_password: 'this account has no password',
      email_not_verified: 'email address not confirmed',
      too_many_requests: 'too many attempts',
      passkey_verification_failed: 'the passkey could not be verified',
      counter_regression: 'the passkey looks copied',
      oauth_account_exists: 'a provider account with this address tried to sign in; it is not linked',
    } as Record<string, string>,
    reason: (reason: string) => `Reason: ${reason}`,
    loadMore: 'Show older activity',
    empty: 'No sign-in activity yet.',
    signedOut: 'Sign in to see your sign-in activity.',
    loadFailed: 'Your sign-in activity could not be loaded.',
  },
  passkeys: {
    title: 'Passkeys',
    intro: 'Sign in with your fingerprint, face or screen lock instead of a password.',
    add: 'Add a passkey',
    added: (name: string) => `${name} is added.`,
    addCancelled: 'No passkey was added.',
    unsupported: 'This browser cannot create passkeys.',
    disabled: 'Passkeys are not enabled on this site.',
    empty: 'You have no passkeys yet.',
    synced: 'Synced',
    syncedHint: 'Available on your devices that share this password manager or account.',
    deviceOnly: 'This device only',
    deviceOnlyHint: 'Kept on the one device or security key that created it.',
    created: (when: string) => `Added ${when}`,
    lastUsed: (when: string) => `last used ${when}`,
    neverUsed: 'never used',
    rename: 'Rename',
    renameLabel: (name: string) => `Rename ${name}`,
    nameLabel: 'Passkey name',
    nameMissing: 'Enter a name.',
    save: 'Save',
    cancel: 'Cancel',
    renamed: (name: string) => `Renamed to ${name}.`,
    remove: 'Remove',
    removeLabel: (name: string) => `Remove ${name}`,
    confirmRemove: (name: string) =>
      `Remove ${name}? You will no longer sign in with it, and the devices that signed in with it will be signed out.`,
    confirm: 'Yes, remove',
    removed: (name: string) => `${name} is removed.`,
    sessionsEnded: (count: number) => {
      if (count === 0) return '';
      return count === 1
        ? 'One device that signed in with it is signed out.'
        : `${count} devices that signed in with it are signed out.`;
    },
    signedOut: 'Sign in to see your passkeys.',
    loadFailed: 'Your passkeys could not be loaded.',
  },
  connectedAccounts: {
    title: 'Connected accounts',
    intro: 'Accounts at other services that you can sign in with.',
    empty: 'You have not connected any account.',
    linked: (when: string) => `Connected ${when}`,
    lastUsed: (when: string) => `last used ${when}`,
    neverUsed: 'not used to sign in yet',
    unlink: 'Unlink',
    unlinkLabel: (name: string) => `Unlink ${name}`,
    confirmUnlink: (name: string) => `Unlink ${name}? You will no longer sign in with it.`,
    confirm: 'Yes, unlink',
    cancel: 'Cancel',
    unlinked: (name: string) => `${name} is unlinked.`,
    lastMethod: 'This is your only way to sign in, so it cannot be unlinked. Add a password or a passkey first.',
    link: (name: string) => `Link ${name}`,
    linkTitle: 'Link another account',
    linkDone: (name: string) => `${name} is linked. You can now sign in with it.`,
    signedOut: 'Sign in to see your connected accounts.',
    loadFailed: 'Your connected accounts could not be loaded.',
  },
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
  providers: {
    continueWith: (name: string) => `Continue with ${name}`,
    /** Microsoft's guidelines name the button this way. */
    signInWith: (name: string) => `Sign in with ${name}`,
    /** Between the provider buttons and the form. */
    separator: 'or',
    /** While the provider's window is open. */
    waiting: (name: string) => `Finish signing in with ${name} in the window that opened.`,
  },
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
  ...onboardingEn,
  ...notificationsEn,
  ...accountEn,
  ...apiTokensEn,
  ...reauthEn,
  ...webhooksEn,
  ...connectedAppsEn,
  ...mfaEn,
};

/** Every language module has exactly this shape. */
export type Translation = typeof en;
/** Error codes with a translated message. */
export type ErrorCode = keyof Translation['errors'];
