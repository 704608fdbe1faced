/**
 * English, the account centre's sections (`<acct-account>`, `<acct-profile>`, `<acct-password>`,
 * `<acct-data-export>`, `<acct-delete-account>`) of the one English string set, which en.ts puts
 * together.
 */
export const accountEn = {
  dataExport: {
    title: 'Download your data',
    intro: 'Get a copy of everything we hold about your account. We email you when it is ready.',
    format: 'Format',
    json: 'JSON (one file)',
    csv: 'CSV for spreadsheets (a zip)',
    request: 'Request my data',
    preparing: 'Your archive is being prepared. You can leave this page: we will email you when it is ready.',
    history: 'Your exports',
    empty: 'You have not exported your data yet.',
    download: 'Download',
    downloadLabel: (format: string, date: string) => `Download the ${format} export of ${date}`,
    status: { pending: 'Waiting', processing: 'Preparing', ready: 'Ready', expired: 'Expired' } as Record<
      string,
      string
    >,
    formatName: { json: 'JSON', csv: 'CSV' } as Record<string, string>,
    requestedAt: (date: string) => `Requested ${date}`,
    availableUntil: (date: string) => `Available until ${date}`,
    signedOut: 'Sign in to download your data.',
    loadFailed: 'Your exports could not be loaded.',
  },
  deleteAccount: {
    title: 'Delete your account',
    intro: 'Deleting your account signs you out everywhere and, after a grace period, deletes it for good.',
    grace: (days: number | null) =>
      `${days ? `Your account is deleted ${days} days after you ask. ` : ''}Until the date we show you (and email you), you can change your mind: sign in again and cancel, or use the link in the email.`,
    deleted:
      'Then your profile, ways to sign in, devices, history, onboarding progress and memberships are deleted. This cannot be undone.',
    organizations:
      'An organization you own alone goes to its longest-standing admin, or else its longest-standing member; one with nobody else in it is deleted.',
    reason: 'Why are you leaving? (optional)',
    noReason: 'Choose a reason',
    reasons: {
      not_useful: 'It is not useful to me',
      too_expensive: 'It costs too much',
      privacy: 'Privacy concerns',
      switching: 'I am switching to another service',
      other: 'Another reason',
    },
    feedback: 'Anything you would like to tell us? (optional)',
    confirmLabel: (email: string) => `To confirm, type your email address: ${email}`,
    submit: 'Delete my account',
    reauthenticate:
      'For your security, deleting your account needs you to confirm it’s you. Try again, or sign in again.',
    signInAgain: 'Sign in again',
    scheduledTitle: 'Your account is scheduled for deletion',
    scheduledOn: (date: string) => `Your account will be deleted on ${date}.`,
    requestedDone:
      'Every device was signed out. To keep your account, sign in again before that date and cancel, or use the link we emailed you.',
    cancel: 'Cancel deletion',
    cancelled: 'The deletion is cancelled: your account stays.',
    signedOut: 'Sign in to delete your account.',
    loadFailed: 'Your account could not be loaded.',
  },
  passwordChange: {
    title: 'Password',
    intro: 'Changing your password signs you out on your other devices.',
    current: 'Current password',
    new: 'New password',
    confirm: 'New password again',
    submit: 'Change password',
    mismatch: 'The two new passwords are not the same.',
    changed: (others: number) =>
      others === 0
        ? 'Your password is changed.'
        : `Your password is changed. ${others === 1 ? 'One other device was' : `${others} other devices were`} signed out.`,
    noPassword:
      'No password yet (you sign in with a link, a passkey or another account)? Use “Forgot password?” on the sign-in form to set one.',
    signedOut: 'Sign in to change your password.',
  },
  profile: {
    title: 'Profile',
    avatar: 'Profile picture',
    noAvatar: 'No picture',
    uploadAvatar: 'Upload a picture',
    avatarHint: 'A PNG, JPEG, WebP or GIF picture.',
    removeAvatar: 'Remove picture',
    avatarSaved: 'Picture saved.',
    avatarRemoved: 'Picture removed.',
    language: 'Language of your emails',
    languageAuto: 'The language of each page',
    bio: 'About you',
    // Each language by its own name (an endonym), whatever the page's language.
    languages: { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', ar: 'العربية' } as Record<string, string>,
    save: 'Save',
    saved: 'Profile saved.',
    emailTitle: 'Email',
    changeEmail: 'Change',
    newEmail: 'New email address',
    sendLink: 'Send a confirmation link',
    cancel: 'Cancel',
    pendingTitle: 'Check your inbox',
    pending: (email: string) =>
      `We have sent a link to ${email}. Open it to confirm the new address; until then, your address stays as it is.`,
    pendingUntil: (date: string) => `The link works until ${date}.`,
    cancelChange: 'Cancel the change',
    changeCancelled: 'The email change is cancelled: the link no longer works.',
    reauthenticate:
      'For your security, changing your email address needs you to confirm it’s you. Try again, or sign in again.',
    signInAgain: 'Sign in again',
    loadFailed: 'Your profile could not be loaded.',
    signedOut: 'Sign in to see your profile.',
  },
  account: {
    label: 'Account',
    tabs: { profile: 'Profile', security: 'Security', notifications: 'Notifications', privacy: 'Data & privacy' },
  },
};

export type AccountSections = typeof accountEn;

export const accountErrorsEn = {
  unsupported_image_type: 'Choose a PNG, JPEG, WebP or GIF picture.',
  image_too_large: 'This picture is too large. Choose a smaller one.',
  email_unchanged: 'This is already your email address.',
  email_in_use: 'Another account uses this email address now.',
  export_in_progress: 'An export is already being prepared. Wait until it is ready.',
  export_not_ready: 'This export is not ready yet.',
  export_expired: 'This export has expired. Request a new one.',
  export_link_invalid: 'This download link is not valid. Use the link from your account.',
  email_mismatch: 'Type the email address of your account exactly to confirm.',
  deletion_already_scheduled: 'Your account is already scheduled for deletion.',
  deletion_not_scheduled: 'Your account is not scheduled for deletion.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...accountEn, errors: accountErrorsEn };
