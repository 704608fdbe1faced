/**
 * English, the sections of the security elements (`<acct-sessions>`, `<acct-login-history>`,
 * `<acct-passkeys>`, `<acct-connected-accounts>`), fetched with them (chunks.ts), and the messages
 * of their error codes.
 */

export const securityEn = {
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
};

export const securityErrorsEn = {
  last_sign_in_method: 'This is your only way to sign in. Add a password or another passkey before removing it.',
  already_linked: 'This account is already linked to another of our accounts. Sign in with it to use that one.',
  link_failed: 'Linking did not complete. Try again.',
  link_expired: 'This link request expired or was already used. Try again.',
  provider_tokens_disabled: 'This server does not keep sign-in provider tokens.',
  provider_not_configured: 'This sign-in provider is not set up on this server.',
  provider_account_not_linked: 'This account is not connected to that provider.',
  provider_tokens_not_stored: 'No provider access is stored yet. Sign in with the provider again.',
  provider_tokens_unreadable: 'The stored provider access cannot be read. Sign in with the provider again.',
  provider_refresh_unavailable: 'The provider access has expired. Sign in with the provider again.',
  provider_refresh_failed: 'The provider refused to renew access. Sign in with the provider again.',
};

export type SecuritySections = typeof securityEn;

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...securityEn, errors: securityErrorsEn };
