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
  },

  pages: {
    verifyEmail: {
      title: 'Confirm your email',
      intro: (product: string) =>
        `Press the button to confirm your email address and finish setting up your ${product} account.`,
      action: 'Confirm my email',
      doneTitle: 'Email confirmed',
      done: (product: string) => `Thank you. You can now go back to ${product} and sign in.`,
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
        `Continuing signs you in as ${email}. If you were not expecting this invitation, close this page: nothing happens without the button.`,
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
};

/** The shape every language has. */
export type Messages = typeof en;
