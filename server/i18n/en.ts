/**
 * English, the fallback language: every sentence of acct's emails and of its hosted pages (the
 * landing pages of emailed links). Its shape is the `Messages` type, so every other language must
 * have every key (the compiler checks fr.ts, and i18n.test.ts compares the key sets too).
 * Sentences that hold user-chosen text (an organization's name, an inviter's name) are plain
 * strings here: the mail and page renderers escape everything they interpolate.
 */

/** How a device that signed in is described: the kind when no model name is known. */
type DeviceKind = 'desktop' | 'mobile' | 'tablet';

export const en = {
  /** The language these strings are in: `<html lang>` of pages and mails. */
  $lang: 'en',
  /** Writing direction: `<html dir>`. */
  $dir: 'ltr' as 'ltr' | 'rtl',

  /** The in-app and mail texts of notifications acct raises itself (notifications/events.ts). */
  notifications: {
    organizationCreated: (name: string) => `Organization “${name}” created`,
    appConnected: (provider: string) => `${provider} connected to your organization`,
    onboardingCompleted: (product: string) => `You are all set up on ${product}`,
  },

  mail: {
    signature: (product: string) => `— ${product}`,
    buttonFallback: 'If the button does not work, paste this address into your browser:',

    verifyEmail: {
      subject: (product: string) => `Confirm your email for ${product}`,
      intro: (product: string) =>
        `Welcome to ${product}! Confirm that this is your email address to finish creating your account.`,
      action: 'Confirm my email',
      footer: 'The link works once and expires in 24 hours. If you did not sign up, ignore this message.',
    },

    accountExists: {
      subject: (product: string) => `You already have a ${product} account`,
      intro: (product: string) =>
        `Someone (hopefully you) tried to create a ${product} account with this email address, but it already has one.`,
      forgot: 'If you forgot your password, you can choose a new one.',
      action: 'Reset my password',
      footer: 'If it was not you, ignore this message: nothing has changed.',
    },

    resetPassword: {
      subject: (product: string) => `Reset your ${product} password`,
      intro: (product: string) => `We received a request to reset the password of your ${product} account.`,
      action: 'Choose a new password',
      footer: 'The link works once and expires in 30 minutes. If you did not ask for it, ignore this message.',
    },

    notification: {
      action: 'Open',
      footer: (product: string) =>
        `You can choose which notifications ${product} sends you in your notification settings.`,
    },

    notificationDigest: {
      subject: (product: string, count: number, daily: boolean) =>
        `Your ${daily ? 'daily' : 'weekly'} ${product} digest: ${count} ${count === 1 ? 'notification' : 'notifications'}`,
      intro: (product: string, daily: boolean) =>
        `Here is what happened on ${product} since your last ${daily ? 'daily' : 'weekly'} digest:`,
    },

    passwordChanged: {
      subject: (product: string) => `Your ${product} password was changed`,
      intro: (product: string) =>
        `The password of your ${product} account was just changed, and every other device was signed out.`,
      advice: 'If this was not you, reset your password right away.',
    },

    magicLink: {
      subject: (product: string) => `Sign in to ${product}`,
      intro: (product: string) => `Use this link to sign in to ${product}. No password needed.`,
      action: (product: string) => `Sign in to ${product}`,
      footer: (minutes: number) =>
        `The link works once and expires in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}. If you did not ask for it, ignore this message: nobody can sign in without it.`,
    },

    newPasskey: {
      subject: (product: string) => `A passkey was added to your ${product} account`,
      /** `name` is null when the passkey has no name of its own (a generic one is not stored). */
      intro: (product: string, name: string | null) =>
        name === null
          ? `A new passkey can now be used to sign in to your ${product} account.`
          : `A new passkey, "${name}", can now be used to sign in to your ${product} account.`,
      advice: 'If this was not you, remove it from your account settings and change your password right away.',
    },

    passkeyRemoved: {
      subject: (product: string) => `A passkey was removed from your ${product} account`,
      /** `name` is null when the passkey had no name of its own. */
      intro: (product: string, name: string | null) =>
        name === null
          ? `A passkey can no longer be used to sign in to your ${product} account.`
          : `The passkey "${name}" can no longer be used to sign in to your ${product} account.`,
      advice: 'If this was not you, change your password right away and check your account’s passkeys and sessions.',
    },

    recoveryCodeUsed: {
      subject: (product: string) => `A recovery code was used to sign in to your ${product} account`,
      intro: (product: string) => `Someone signed in to your ${product} account with one of your recovery codes.`,
      remaining: (count: number) => (count === 1 ? '1 recovery code is left.' : `${count} recovery codes are left.`),
      fewLeft: 'Few codes are left: create a new set in your account’s security settings.',
      advice: 'If this was not you, change your password right away and create new recovery codes.',
    },

    mfaChanged: {
      enabledSubject: (product: string) => `Two-step verification is on for your ${product} account`,
      disabledSubject: (product: string) => `Two-step verification was turned off for your ${product} account`,
      enabled: (product: string) =>
        `Signing in to your ${product} account now also asks for a code from your authenticator app.`,
      disabled: (product: string) =>
        `Signing in to your ${product} account no longer asks for a code from an authenticator app.`,
      advice: 'If this was not you, change your password right away and check your account’s security settings.',
    },

    organizationInvitation: {
      subject: (organization: string, product: string) => `Join ${organization} on ${product}`,
      intro: (inviter: string, organization: string, product: string) =>
        `${inviter} invited you to join ${organization} on ${product}.`,
      action: (organization: string) => `Join ${organization}`,
      footer: (days: number) =>
        `The invitation works once and expires in ${days === 1 ? '1 day' : `${days} days`}. If you were not expecting it, ignore this message: nothing happens without the button.`,
    },

    newDevice: {
      subject: (product: string) => `New sign-in to ${product}`,
      intro: (product: string) =>
        `Your ${product} account was just used to sign in from a device we have not seen before:`,
      advice:
        'If this was you, there is nothing to do. If not, change your password and sign out the other devices from your account settings.',
      /** A device without a model name, by kind. */
      kind: { desktop: 'Computer', mobile: 'Phone', tablet: 'Tablet' } satisfies Record<DeviceKind, string>,
      browserOn: (browser: string, os: string) => `${browser} on ${os}`,
      unknownPlace: 'Unknown place',
    },

    dataExportReady: {
      subject: (product: string) => `Your ${product} data export is ready`,
      intro: (product: string) => `The copy of your ${product} account data that you asked for is ready.`,
      action: 'Download my data',
      /** `until` is the date, already formatted. */
      footer: (until: string) =>
        `The link works only while you are signed in to your account, until ${until} UTC. If you did not ask for this export, change your password.`,
    },
    /** To an organization's owners and admins: a webhook endpoint was disabled after failing repeatedly. */
    webhookDisabled: {
      subject: (product: string) => `A webhook endpoint was disabled on ${product}`,
      intro: (organization: string, url: string, failures: number) =>
        `The webhook endpoint ${url} of ${organization} failed ${failures} times in a row, so it no longer receives events.`,
      advice:
        'Fix the endpoint, then turn it back on from the organization’s webhooks page; its delivery log shows what it answered.',
    },
    /** To the new address of an email change: the link that confirms it. */
    emailChangeConfirm: {
      subject: (product: string) => `Confirm your new email for ${product}`,
      intro: (product: string) =>
        `You asked to use this address for your ${product} account. Confirm it to make the change.`,
      action: 'Confirm my new email',
      footer: 'The link works once and expires in 24 hours. If you did not ask for this, ignore this message.',
    },
    /** To an address someone tried to move their account to, when it already has an account (no enumeration). */
    emailChangeTaken: {
      subject: (product: string) => `Your email address and ${product}`,
      intro: (product: string) =>
        `Someone (hopefully you) asked to use this address for a ${product} account, but it already belongs to an account. Nothing was changed.`,
      advice: 'If you want to use this address there, first change the address of the account it belongs to.',
    },
    /** To the old address once a change is confirmed, with the undo link. */
    emailChanged: {
      subject: (product: string) => `Your ${product} email address was changed`,
      intro: (product: string, newEmail: string) =>
        `The email address of your ${product} account was changed to ${newEmail}.`,
      advice:
        'If this was you, there is nothing to do. If not, undo the change: your address comes back and every device is signed out.',
      action: 'Undo the change',
      footer: 'The link works once and expires in 72 hours.',
    },
    deletionRequested: {
      subject: (product: string) => `Your ${product} account is scheduled for deletion`,
      intro: (product: string, date: string) =>
        `You asked us to delete your ${product} account. It will be deleted for good on ${date}, with everything in it.`,
      signedOut: 'Every device was signed out. Until that date you can sign in again and cancel, or use this link:',
      action: 'Cancel the deletion',
      footer: 'If you did not ask for this, cancel now and change your password.',
    },

    deletionCancelled: {
      subject: (product: string) => `Your ${product} account will not be deleted`,
      intro: (product: string) => `The deletion of your ${product} account was cancelled. Nothing was deleted.`,
    },

    accountDeleted: {
      subject: (product: string) => `Your ${product} account was deleted`,
      intro: (product: string) =>
        `Your ${product} account and its data were deleted, as you asked. Organizations you owned alone went to their longest-standing admin or member, or were deleted with the account when nobody else was in them.`,
      goodbye: 'Thank you for having used it. This is the last message you receive from us.',
    },
  },

  pages: {
    /** The landing page of an email change's confirmation link. */
    emailChange: {
      title: 'Confirm your new email',
      intro: (email: string) => `Press the button to make ${email} the email address of your account.`,
      action: 'Confirm my new email',
      doneTitle: 'Email address changed',
      done: (email: string, product: string) => `${email} is now your email address. You can go back to ${product}.`,
      takenTitle: 'Email address not changed',
      taken: 'Another account uses this email address now, so it cannot be yours too. Nothing was changed.',
    },
    /** The landing page of an email change's undo link. */
    emailChangeUndo: {
      title: 'Undo the email change',
      intro: (email: string) =>
        `Press the button to make ${email} the email address of your account again. Every device signed in to the account will be signed out.`,
      action: 'Undo the change',
      doneTitle: 'Email change undone',
      done: (email: string, product: string) =>
        `${email} is your email address again, and every device was signed out. If you did not change it yourself, sign in to ${product} again and choose a new password.`,
      takenTitle: 'Email change not undone',
      taken: 'Another account uses this email address now, so it cannot be given back. Nothing was changed.',
    },
    verifyEmail: {
      title: 'Confirm your email',
      intro: (product: string) =>
        `Press the button to confirm your email address and finish setting up your ${product} account.`,
      action: 'Confirm my email',
      doneTitle: 'Email confirmed',
      done: (product: string) => `Thank you. You can now go back to ${product} and sign in.`,
    },

    cancelDeletion: {
      title: 'Cancel the deletion of your account',
      intro: (product: string, date: string) =>
        `Your ${product} account is scheduled for deletion on ${date}. Press the button to keep it.`,
      action: 'Keep my account',
      doneTitle: 'Deletion cancelled',
      done: (product: string) => `Your account will not be deleted. You can sign in to ${product} again.`,
    },

    magicLink: {
      title: (product: string) => `Continue signing in to ${product}`,
      intro: 'Press the button to finish signing in.',
      action: 'Continue',
      hint: 'If you did not ask to sign in, close this page: nothing happens without the button.',
    },

    resetPassword: {
      title: 'Choose a new password',
      newPassword: 'New password',
      hint: (minLength: number) => `At least ${minLength} characters. Every other device will be signed out.`,
      repeat: 'Repeat it',
      action: 'Set new password',
      problems: {
        password_too_short: 'That password is too short.',
        password_too_long: 'That password is too long.',
        password_too_common: 'That password is too common or too easy to guess. Choose another.',
        mismatch: 'The two passwords are not the same.',
      },
      doneTitle: 'Password changed',
      done: (product: string) => `You can now sign in to ${product} with your new password.`,
    },

    invitation: {
      title: (organization: string, product: string) => `Join ${organization} on ${product}`,
      /**
       * The invitation in one sentence, as pieces: `email` is placed as given (the page wraps it
       * in <strong>), the rest is text to escape.
       */
      invited: <T>(p: {
        inviter: string | null;
        email: T;
        organization: string;
        role: 'admin' | 'member';
      }): (string | T)[] => [
        `${p.inviter ?? 'Someone'} invited `,
        p.email,
        ` to join ${p.organization} as ${p.role === 'admin' ? 'an admin' : 'a member'}.`,
      ],
      action: 'Continue',
      hint: (email: string) =>
        `Continuing accepts it for ${email}. If you were not expecting this invitation, close this page: nothing happens without the button.`,
    },

    invalidLink: {
      title: 'Link no longer valid',
      heading: 'This link can no longer be used',
      reason: 'It has expired, was already used, or a newer link replaced it.',
      advice: (product: string) => `Go back to ${product} and ask for a new one.`,
      back: (product: string) => `Back to ${product}`,
    },

    /** The hosted sign-in page (`GET /login`). */
    login: {
      title: 'Sign in',
      noScript: 'This sign-in page needs JavaScript. Turn it on, or go back to the site and sign in there.',
    },
    /** The hosted account page (`GET /account`). */
    account: {
      title: 'Your account',
      back: (site: string) => `Back to ${site}`,
    },
    oauth: {
      failedTitle: 'Sign-in did not complete',
      reasons: {
        attempt: 'This sign-in attempt has expired or was already used.',
        provider: (provider: string) => `${provider} did not confirm who you are.`,
        no_email: (provider: string) => `${provider} did not share an email address.`,
        account_exists: (provider: string) =>
          `An account with this email address already exists, and it is not linked to ${provider}. Sign in the way you usually do (password, passkey or email link), then open your connected accounts and choose “Link ${provider}”: from then on ${provider} signs you in.`,
        sign_up_closed: 'New accounts cannot be created here.',
      },
      advice: (product: string) => `Go back to ${product} and try again.`,
      back: (product: string) => `Back to ${product}`,
      popupTitle: 'Signing you in',
      popupText: 'You can close this window if it stays open.',
    },
  },

  /**
   * The schema's own rows (migrations/20260201000700_seed_data.ts: the default path's step titles,
   * the five checklist items), as the API answers them in the reader's language while a site has
   * not changed them (i18n/seeded-texts.ts). English is the seed's text itself, which
   * seeded-texts.test.ts checks. (The step an organization's policy adds is titled by the element.)
   */
  seeded: {
    steps: {
      welcome: 'Welcome',
      profile: 'Profile',
      organization: 'Organization',
      team: 'Team',
      preferences: 'Preferences',
      integrations: 'Integrations',
      tour: 'Tour',
      complete: 'Complete',
    },
    checklist: {
      create_event: { title: 'Create your first event', description: 'Set up a production or event' },
      invite_team: { title: 'Invite a team member', description: 'Collaboration is better together' },
      connect_integration: { title: 'Connect an integration', description: 'Sync with tools you use' },
      customize_profile: { title: 'Complete your profile', description: 'Add a photo and bio' },
      explore_dashboard: { title: 'Explore the dashboard', description: 'See your command center' },
    },
  },
};

/** The shape every language has. */
export type Messages = typeof en;
