/**
 * English, the second factor's section of the one English string set (en.ts puts it together):
 * `<acct-mfa>` and `<acct-login>`'s second step, and the messages of the MFA error codes, which
 * en.ts spreads into `errors`.
 */
export const mfaEn = {
  mfa: {
    title: 'Two-step verification',
    intro: 'Besides your password or sign-in link, ask for a code from an authenticator app on your phone.',
    signedOut: 'Sign in to manage two-step verification.',
    loadFailed: 'Two-step verification could not be loaded.',
    off: 'Two-step verification is off.',
    on: 'Two-step verification is on.',
    enabledSince: (when: string) => `On since ${when}.`,
    turnOn: 'Set up an authenticator app',
    scan: 'Scan this QR code with your authenticator app (such as Google Authenticator, 1Password or Authy).',
    qrLabel: 'QR code of your authenticator key',
    manualKey: 'Or type this key into the app:',
    codeLabel: 'Code from the app',
    codeHint: 'Six digits.',
    confirm: 'Turn on',
    cancel: 'Cancel',
    recoveryTitle: 'Save your recovery codes',
    recoveryText:
      'Each code signs you in once if you lose your phone. They are shown only now: keep them somewhere safe, such as a password manager.',
    copy: 'Copy',
    copied: 'Copied.',
    download: 'Download (.txt)',
    print: 'Print',
    done: 'I have saved them',
    remaining: (count: number) => (count === 1 ? '1 recovery code left.' : `${count} recovery codes left.`),
    fewLeft: 'Few recovery codes are left: make new ones.',
    regenerate: 'Make new recovery codes',
    confirmRegenerate: 'Make new recovery codes? The current ones stop working.',
    disable: 'Turn off',
    confirmDisable: 'Turn off two-step verification? Signing in will ask only for your password or a link again.',
    disabled: 'Two-step verification is off.',
    fileHeading: (product: string) => `Recovery codes for ${product}`,
    fileNote: 'Each code works once.',
  },
};

export const mfaErrorsEn = {
  mfa_already_enabled: 'Two-step verification is already on.',
  mfa_not_enabled: 'Two-step verification is not on.',
  mfa_enrolment_missing: 'Start setting up the authenticator again.',
  mfa_required:
    'This organization requires two-step verification. Turn it on in your account’s security settings, then come back.',
};

export type MfaSections = typeof mfaEn;

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...mfaEn, errors: mfaErrorsEn };
