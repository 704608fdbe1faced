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

  notifications: {
    organizationCreated: (name) => `Organisation «${nbsp}${name}${nbsp}» créée`,
    appConnected: (provider) => `${provider} est connecté à votre organisation`,
    onboardingCompleted: (product) => `Votre compte ${product} est prêt`,
  },

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

    notification: {
      action: 'Ouvrir',
      footer: (product) =>
        `Vous pouvez choisir les notifications que ${product} vous envoie dans vos réglages de notifications.`,
    },

    notificationDigest: {
      subject: (product, count, daily) =>
        `Votre résumé ${daily ? 'quotidien' : 'hebdomadaire'} ${product}${nbsp}: ${count} notification${count === 1 ? '' : 's'}`,
      intro: (product, daily) =>
        `Voici ce qui s’est passé sur ${product} depuis votre dernier résumé ${daily ? 'quotidien' : 'hebdomadaire'}${nbsp}:`,
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

    passkeyRemoved: {
      subject: (product) => `Une clé d’accès a été retirée de votre compte ${product}`,
      intro: (product, name) =>
        name === null
          ? `Une clé d’accès ne permet plus de se connecter à votre compte ${product}.`
          : `La clé d’accès «${nbsp}${name}${nbsp}» ne permet plus de se connecter à votre compte ${product}.`,
      advice:
        'Si ce n’était pas vous, changez votre mot de passe sans attendre et vérifiez les clés d’accès et les sessions de votre compte.',
    },

    recoveryCodeUsed: {
      subject: (product) => `Un code de secours a servi à se connecter à votre compte ${product}`,
      intro: (product) => `Quelqu’un s’est connecté à votre compte ${product} avec l’un de vos codes de secours.`,
      remaining: (count) => (count <= 1 ? `Il reste ${count} code de secours.` : `Il reste ${count} codes de secours.`),
      fewLeft:
        'Il reste peu de codes\u00a0: créez-en une nouvelle série dans les réglages de sécurité de votre compte.',
      advice: 'Si ce n’était pas vous, changez votre mot de passe sans attendre et créez de nouveaux codes de secours.',
    },

    mfaChanged: {
      enabledSubject: (product) => `La validation en deux étapes est activée pour votre compte ${product}`,
      disabledSubject: (product) => `La validation en deux étapes a été désactivée pour votre compte ${product}`,
      enabled: (product) =>
        `La connexion à votre compte ${product} demande désormais aussi un code de votre application d’authentification.`,
      disabled: (product) =>
        `La connexion à votre compte ${product} ne demande plus de code d’une application d’authentification.`,
      advice:
        'Si ce n’était pas vous, changez votre mot de passe sans attendre et vérifiez les réglages de sécurité de votre compte.',
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

    dataExportReady: {
      subject: (product) => `L’export de vos données ${product} est prêt`,
      intro: (product) => `La copie des données de votre compte ${product} que vous avez demandée est prête.`,
      action: 'Télécharger mes données',
      footer: (until) =>
        `Le lien ne fonctionne que lorsque vous êtes connecté à votre compte, jusqu’au ${until} UTC. Si vous n’avez pas demandé cet export, changez votre mot de passe.`,
    },
    webhookDisabled: {
      subject: (product: string) => `Un point de terminaison webhook a été désactivé sur ${product}`,
      intro: (organization: string, url: string, failures: number) =>
        `Le point de terminaison webhook ${url} de ${organization} a échoué ${failures} fois de suite\u00a0; il ne reçoit plus d’événements.`,
      advice:
        'Corrigez le point de terminaison, puis réactivez-le depuis la page des webhooks de l’organisation\u00a0; son journal de livraisons montre ce qu’il a répondu.',
    },
    emailChangeConfirm: {
      subject: (product: string) => `Confirmez votre nouvelle adresse pour ${product}`,
      intro: (product: string) =>
        `Vous avez demandé à utiliser cette adresse pour votre compte ${product}. Confirmez-la pour effectuer le changement.`,
      action: 'Confirmer ma nouvelle adresse',
      footer:
        "Le lien ne fonctionne qu'une fois et expire dans 24 heures. Si vous n'avez rien demandé, ignorez ce message.",
    },
    emailChangeTaken: {
      subject: (product: string) => `Votre adresse e-mail et ${product}`,
      intro: (product: string) =>
        `Quelqu'un (vous, espérons-le) a demandé à utiliser cette adresse pour un compte ${product}, mais elle appartient déjà à un compte. Rien n'a été modifié.`,
      advice: "Pour l'utiliser là-bas, changez d'abord l'adresse du compte auquel elle appartient.",
    },
    emailChanged: {
      subject: (product: string) => `L'adresse e-mail de votre compte ${product} a été modifiée`,
      intro: (product: string, newEmail: string) =>
        `L'adresse e-mail de votre compte ${product} a été remplacée par ${newEmail}.`,
      advice: `Si c'était vous, il n'y a rien à faire. Sinon, annulez le changement${nbsp}: votre adresse revient et tous les appareils sont déconnectés.`,
      action: 'Annuler le changement',
      footer: "Le lien ne fonctionne qu'une fois et expire dans 72 heures.",
    },
    deletionRequested: {
      subject: (product) => `La suppression de votre compte ${product} est programmée`,
      intro: (product, date) =>
        `Vous nous avez demandé de supprimer votre compte ${product}. Il sera définitivement supprimé le ${date}, avec tout son contenu.`,
      signedOut: `Tous vos appareils ont été déconnectés. Jusqu’à cette date, vous pouvez vous reconnecter et annuler, ou utiliser ce lien${nbsp}:`,
      action: 'Annuler la suppression',
      footer: 'Si vous n’êtes pas à l’origine de cette demande, annulez-la maintenant et changez votre mot de passe.',
    },

    deletionCancelled: {
      subject: (product) => `Votre compte ${product} ne sera pas supprimé`,
      intro: (product) => `La suppression de votre compte ${product} a été annulée. Rien n’a été supprimé.`,
    },

    accountDeleted: {
      subject: (product) => `Votre compte ${product} a été supprimé`,
      intro: (product) =>
        `Votre compte ${product} et ses données ont été supprimés, comme vous l’avez demandé. Les organisations dont vous étiez le seul propriétaire ont été confiées à leur plus ancien administrateur ou membre, ou supprimées avec le compte quand personne d’autre n’en faisait partie.`,
      goodbye: 'Merci de l’avoir utilisé. Ceci est le dernier message que vous recevez de notre part.',
    },
  },

  pages: {
    emailChange: {
      title: 'Confirmez votre nouvelle adresse',
      intro: (email: string) => `Appuyez sur le bouton pour que ${email} devienne l'adresse e-mail de votre compte.`,
      action: 'Confirmer ma nouvelle adresse',
      doneTitle: 'Adresse e-mail modifiée',
      done: (email: string, product: string) =>
        `${email} est désormais votre adresse e-mail. Vous pouvez retourner sur ${product}.`,
      takenTitle: 'Adresse e-mail non modifiée',
      taken:
        "Un autre compte utilise désormais cette adresse, elle ne peut donc pas être la vôtre. Rien n'a été modifié.",
    },
    emailChangeUndo: {
      title: "Annuler le changement d'adresse",
      intro: (email: string) =>
        `Appuyez sur le bouton pour que ${email} redevienne l'adresse e-mail de votre compte. Tous les appareils connectés au compte seront déconnectés.`,
      action: 'Annuler le changement',
      doneTitle: "Changement d'adresse annulé",
      done: (email: string, product: string) =>
        `${email} est de nouveau votre adresse e-mail, et tous les appareils ont été déconnectés. Si vous n'aviez pas fait ce changement, reconnectez-vous à ${product} et choisissez un nouveau mot de passe.`,
      takenTitle: "Changement d'adresse non annulé",
      taken:
        "Un autre compte utilise désormais cette adresse, elle ne peut donc pas vous être rendue. Rien n'a été modifié.",
    },
    verifyEmail: {
      title: 'Confirmez votre adresse e-mail',
      intro: (product) =>
        `Appuyez sur le bouton pour confirmer votre adresse e-mail et terminer la création de votre compte ${product}.`,
      action: 'Confirmer mon adresse e-mail',
      doneTitle: 'Adresse e-mail confirmée',
      done: (product) => `Merci. Vous pouvez maintenant revenir sur ${product} et vous connecter.`,
    },

    cancelDeletion: {
      title: 'Annuler la suppression de votre compte',
      intro: (product, date) =>
        `La suppression de votre compte ${product} est programmée le ${date}. Appuyez sur le bouton pour le conserver.`,
      action: 'Conserver mon compte',
      doneTitle: 'Suppression annulée',
      done: (product) => `Votre compte ne sera pas supprimé. Vous pouvez de nouveau vous connecter à ${product}.`,
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
        `Continuer l’accepte pour l’adresse ${email}. Si vous n’attendiez pas cette invitation, fermez cette page${nbsp}: rien ne se passe sans le bouton.`,
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

  seeded: {
    steps: {
      welcome: 'Bienvenue',
      profile: 'Profil',
      organization: 'Organisation',
      team: 'Équipe',
      preferences: 'Préférences',
      integrations: 'Intégrations',
      tour: 'Visite guidée',
      complete: 'Terminé',
    },
    checklist: {
      create_event: { title: 'Créez votre premier événement', description: 'Préparez une production ou un événement' },
      invite_team: { title: 'Invitez un membre de l’équipe', description: 'On travaille mieux ensemble' },
      connect_integration: { title: 'Connectez une intégration', description: 'Synchronisez avec vos outils' },
      customize_profile: { title: 'Complétez votre profil', description: 'Ajoutez une photo et une bio' },
      explore_dashboard: { title: 'Découvrez le tableau de bord', description: 'Votre centre de pilotage' },
    },
  },
};
