/**
 * French, for emails and hosted pages. Typed as `Messages`, so a key added to en.ts and missing
 * here fails the type check. The reader is addressed with « vous »; typography follows French
 * usage: a no-break space (U+00A0) before `:`, `?`, `!` and inside « guillemets », and between a
 * number and its unit.
 */
import type { Messages } from './en';

const nbsp = '\u00a0';

export const fr: Messages = {
  $lang: 'fr',
  $dir: 'ltr',

  mail: {
    signature: (product) => `— ${product}`,
    buttonFallback: `Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur${nbsp}:`,

    verifyEmail: {
      subject: (product) => `Confirmez votre adresse e-mail pour ${product}`,
      intro: (product) =>
        `Bienvenue sur ${product}${nbsp}! Confirmez qu’il s’agit bien de votre adresse e-mail pour terminer la création de votre compte.`,
      action: 'Confirmer mon adresse e-mail',
      footer: `Le lien ne fonctionne qu’une fois et expire dans 24${nbsp}heures. Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message.`,
    },

    accountExists: {
      subject: (product) => `Vous avez déjà un compte ${product}`,
      intro: (product) =>
        `Quelqu’un (vous, espérons-le) a tenté de créer un compte ${product} avec cette adresse e-mail, mais elle en a déjà un.`,
      forgot: 'Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau.',
      action: 'Réinitialiser mon mot de passe',
      footer: `Si ce n’était pas vous, ignorez ce message${nbsp}: rien n’a changé.`,
    },

    resetPassword: {
      subject: (product) => `Réinitialisez votre mot de passe ${product}`,
      intro: (product) => `Nous avons reçu une demande de réinitialisation du mot de passe de votre compte ${product}.`,
      action: 'Choisir un nouveau mot de passe',
      footer: `Le lien ne fonctionne qu’une fois et expire dans 30${nbsp}minutes. Si vous ne l’avez pas demandé, ignorez ce message.`,
    },

    passwordChanged: {
      subject: (product) => `Le mot de passe de votre compte ${product} a été modifié`,
      intro: (product) =>
        `Le mot de passe de votre compte ${product} vient d’être modifié, et tous vos autres appareils ont été déconnectés.`,
      advice: 'Si ce n’était pas vous, réinitialisez votre mot de passe sans attendre.',
    },

    magicLink: {
      subject: (product) => `Connexion à ${product}`,
      intro: (product) => `Utilisez ce lien pour vous connecter à ${product}. Aucun mot de passe n’est nécessaire.`,
      action: (product) => `Se connecter à ${product}`,
      footer: (minutes) =>
        `Le lien ne fonctionne qu’une fois et expire dans ${minutes}${nbsp}minute${minutes > 1 ? 's' : ''}. Si vous ne l’avez pas demandé, ignorez ce message${nbsp}: personne ne peut se connecter sans lui.`,
    },

    newPasskey: {
      subject: (product) => `Une clé d’accès a été ajoutée à votre compte ${product}`,
      intro: (product, name) =>
        name === null
          ? `Une nouvelle clé d’accès permet désormais de se connecter à votre compte ${product}.`
          : `Une nouvelle clé d’accès, «${nbsp}${name}${nbsp}», permet désormais de se connecter à votre compte ${product}.`,
      advice:
        'Si ce n’était pas vous, supprimez-la dans les paramètres de votre compte et changez votre mot de passe sans attendre.',
    },

    organizationInvitation: {
      subject: (organization, product) => `Rejoignez ${organization} sur ${product}`,
      intro: (inviter, organization, product) => `${inviter} vous invite à rejoindre ${organization} sur ${product}.`,
      action: (organization) => `Rejoindre ${organization}`,
      footer: (days) =>
        `L’invitation ne fonctionne qu’une fois et expire dans ${days}${nbsp}jour${days > 1 ? 's' : ''}. Si vous ne l’attendiez pas, ignorez ce message${nbsp}: rien ne se passe sans le bouton.`,
    },

    newDevice: {
      subject: (product) => `Nouvelle connexion à ${product}`,
      intro: (product) =>
        `Votre compte ${product} vient d’être utilisé pour se connecter depuis un appareil que nous ne connaissions pas${nbsp}:`,
      advice:
        'Si c’était vous, il n’y a rien à faire. Sinon, changez votre mot de passe et déconnectez les autres appareils depuis les paramètres de votre compte.',
      kind: { desktop: 'Ordinateur', mobile: 'Téléphone', tablet: 'Tablette' },
      browserOn: (browser, os) => `${browser} sur ${os}`,
      unknownPlace: 'Lieu inconnu',
    },
  },

  pages: {
    verifyEmail: {
      title: 'Confirmez votre adresse e-mail',
      intro: (product) =>
        `Appuyez sur le bouton pour confirmer votre adresse e-mail et terminer la création de votre compte ${product}.`,
      action: 'Confirmer mon adresse e-mail',
      doneTitle: 'Adresse e-mail confirmée',
      done: (product) => `Merci. Vous pouvez maintenant revenir sur ${product} et vous connecter.`,
    },

    magicLink: {
      title: (product) => `Poursuivre la connexion à ${product}`,
      intro: 'Appuyez sur le bouton pour terminer la connexion.',
      action: 'Continuer',
      hint: `Si vous n’avez pas demandé à vous connecter, fermez cette page${nbsp}: rien ne se passe sans le bouton.`,
    },

    resetPassword: {
      title: 'Choisissez un nouveau mot de passe',
      newPassword: 'Nouveau mot de passe',
      hint: (minLength) => `Au moins ${minLength}${nbsp}caractères. Tous vos autres appareils seront déconnectés.`,
      repeat: 'Saisissez-le à nouveau',
      action: 'Enregistrer le nouveau mot de passe',
      problems: {
        password_too_short: 'Ce mot de passe est trop court.',
        password_too_long: 'Ce mot de passe est trop long.',
        password_too_common: 'Ce mot de passe est trop courant ou trop facile à deviner. Choisissez-en un autre.',
        mismatch: 'Les deux mots de passe ne sont pas identiques.',
      },
      doneTitle: 'Mot de passe modifié',
      done: (product) => `Vous pouvez maintenant vous connecter à ${product} avec votre nouveau mot de passe.`,
    },

    invitation: {
      title: (organization, product) => `Rejoindre ${organization} sur ${product}`,
      invited: (p) => [
        `${p.inviter ?? 'Quelqu’un'} invite `,
        p.email,
        ` à rejoindre ${p.organization} avec le rôle ${p.role === 'admin' ? 'd’administrateur' : 'de membre'}.`,
      ],
      action: 'Continuer',
      hint: (email) =>
        `Continuer vous connecte avec l’adresse ${email}. Si vous n’attendiez pas cette invitation, fermez cette page${nbsp}: rien ne se passe sans le bouton.`,
    },

    invalidLink: {
      title: 'Lien non valide',
      heading: 'Ce lien ne peut plus être utilisé',
      reason: 'Il a expiré, a déjà servi, ou un lien plus récent l’a remplacé.',
      advice: (product) => `Revenez sur ${product} et demandez-en un nouveau.`,
      back: (product) => `Retour à ${product}`,
    },

    /** The hosted sign-in page (`GET /login`). */
    login: {
      title: 'Connexion',
      noScript: 'Cette page de connexion a besoin de JavaScript. Activez-le, ou revenez au site pour vous y connecter.',
    },
    /** The hosted account page (`GET /account`). */
    account: {
      title: 'Votre compte',
      back: (site) => `Retour à ${site}`,
    },
    oauth: {
      failedTitle: 'La connexion n’a pas abouti',
      reasons: {
        attempt: 'Cette tentative de connexion a expiré ou a déjà servi.',
        provider: (provider) => `${provider} n’a pas confirmé votre identité.`,
        no_email: (provider) => `${provider} n’a pas communiqué d’adresse e-mail.`,
        account_exists: (provider) =>
          `Un compte existe déjà avec cette adresse e-mail, et il n’est pas associé à ${provider}. Connectez-vous comme d’habitude (mot de passe, clé d’accès ou lien par e-mail), puis ouvrez vos comptes connectés et choisissez «${nbsp}Associer ${provider}${nbsp}»${nbsp}: ${provider} vous connectera ensuite.`,
        sign_up_closed: 'Il n’est pas possible de créer un compte ici.',
      },
      advice: (product) => `Revenez sur ${product} et réessayez.`,
      back: (product) => `Retour à ${product}`,
      popupTitle: 'Connexion en cours',
      popupText: 'Vous pouvez fermer cette fenêtre si elle reste ouverte.',
    },
  },
};
