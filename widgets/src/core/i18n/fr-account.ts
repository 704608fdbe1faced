/**
 * French, the account centre's sections of the one French string set (fr.ts puts it together).
 * Typed as `AccountSections`, so a key added to en-account.ts and missing here fails the build.
 * Typography as in fr.ts.
 */
import type { AccountSections, accountErrorsEn } from './en-account.js';

export const accountFr: AccountSections = {
  dataExport: {
    title: 'Télécharger vos données',
    intro:
      'Obtenez une copie de tout ce que nous conservons sur votre compte. Nous vous écrivons quand elle est prête.',
    format: 'Format',
    json: 'JSON (un seul fichier)',
    csv: 'CSV pour tableur (un zip)',
    request: 'Demander mes données',
    preparing:
      'Votre archive est en préparation. Vous pouvez quitter cette page\u00a0: nous vous écrirons quand elle sera prête.',
    history: 'Vos exports',
    empty: 'Vous n’avez pas encore exporté vos données.',
    download: 'Télécharger',
    downloadLabel: (format, date) => `Télécharger l’export ${format} du ${date}`,
    status: { pending: 'En attente', processing: 'En préparation', ready: 'Prêt', expired: 'Expiré' },
    formatName: { json: 'JSON', csv: 'CSV' },
    requestedAt: (date) => `Demandé le ${date}`,
    availableUntil: (date) => `Disponible jusqu’au ${date}`,
    signedOut: 'Connectez-vous pour télécharger vos données.',
    loadFailed: 'Vos exports n’ont pas pu être chargés.',
  },
  deleteAccount: {
    title: 'Supprimer votre compte',
    intro: 'Supprimer votre compte vous déconnecte partout et, après un délai de grâce, le supprime définitivement.',
    grace: (days: number | null) =>
      `${days ? `Votre compte est supprimé ${days}\u00a0jours après votre demande. ` : ''}Jusqu’à la date que nous vous indiquons (et envoyons par e-mail), vous pouvez changer d’avis\u00a0: reconnectez-vous et annulez, ou utilisez le lien de l’e-mail.`,
    deleted:
      'Ensuite, votre profil, vos moyens de connexion, vos appareils, votre historique, votre progression et vos adhésions sont supprimés. C’est irréversible.',
    organizations:
      'Une organisation dont vous êtes le seul propriétaire revient à son plus ancien administrateur, sinon à son plus ancien membre\u00a0; une organisation sans autre membre est supprimée.',
    reason: 'Pourquoi partez-vous\u00a0? (facultatif)',
    noReason: 'Choisissez une raison',
    reasons: {
      not_useful: 'Il ne m’est pas utile',
      too_expensive: 'Il coûte trop cher',
      privacy: 'Pour ma vie privée',
      switching: 'Je passe à un autre service',
      other: 'Une autre raison',
    },
    feedback: 'Voulez-vous nous dire quelque chose\u00a0? (facultatif)',
    confirmLabel: (email) => `Pour confirmer, saisissez votre adresse e-mail\u00a0: ${email}`,
    submit: 'Supprimer mon compte',
    reauthenticate:
      'Par sécurité, supprimer votre compte demande de confirmer que c’est vous. Réessayez, ou reconnectez-vous.',
    signInAgain: 'Me reconnecter',
    scheduledTitle: 'La suppression de votre compte est programmée',
    scheduledOn: (date) => `Votre compte sera supprimé le ${date}.`,
    requestedDone:
      'Tous vos appareils ont été déconnectés. Pour conserver votre compte, reconnectez-vous avant cette date et annulez, ou utilisez le lien que nous vous avons envoyé.',
    cancel: 'Annuler la suppression',
    cancelled: 'La suppression est annulée\u00a0: votre compte est conservé.',
    signedOut: 'Connectez-vous pour supprimer votre compte.',
    loadFailed: 'Votre compte n’a pas pu être chargé.',
  },
  passwordChange: {
    title: 'Mot de passe',
    intro: 'Changer de mot de passe vous déconnecte de vos autres appareils.',
    current: 'Mot de passe actuel',
    new: 'Nouveau mot de passe',
    confirm: 'Nouveau mot de passe, encore',
    submit: 'Changer le mot de passe',
    mismatch: 'Les deux nouveaux mots de passe ne sont pas identiques.',
    changed: (others: number) =>
      others === 0
        ? 'Votre mot de passe est changé.'
        : `Votre mot de passe est changé. ${others === 1 ? 'Un autre appareil a été déconnecté' : `${others} autres appareils ont été déconnectés`}.`,
    noPassword:
      'Pas encore de mot de passe (vous vous connectez par lien, clé d’accès ou autre compte)\u00a0? Utilisez «\u00a0Mot de passe oublié\u00a0?\u00a0» sur le formulaire de connexion pour en choisir un.',
    signedOut: 'Connectez-vous pour changer votre mot de passe.',
  },
  profile: {
    title: 'Profil',
    avatar: 'Photo de profil',
    noAvatar: 'Aucune photo',
    uploadAvatar: 'Choisir une photo',
    avatarHint: 'Une image PNG, JPEG, WebP ou GIF.',
    removeAvatar: 'Retirer la photo',
    avatarSaved: 'Photo enregistrée.',
    avatarRemoved: 'Photo retirée.',
    language: 'Langue de vos e-mails',
    languageAuto: 'La langue de chaque page',
    bio: 'À propos de vous',
    languages: { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', ar: 'العربية' },
    save: 'Enregistrer',
    saved: 'Profil enregistré.',
    emailTitle: 'E-mail',
    changeEmail: 'Modifier',
    newEmail: 'Nouvelle adresse e-mail',
    sendLink: 'Envoyer un lien de confirmation',
    cancel: 'Annuler',
    pendingTitle: 'Consultez votre boîte de réception',
    pending: (email: string) =>
      `Nous avons envoyé un lien à ${email}. Ouvrez-le pour confirmer la nouvelle adresse\u00a0; d’ici là, votre adresse reste inchangée.`,
    pendingUntil: (date: string) => `Le lien fonctionne jusqu’au ${date}.`,
    cancelChange: 'Annuler le changement',
    changeCancelled: 'Le changement d’adresse est annulé\u00a0: le lien ne fonctionne plus.',
    reauthenticate:
      'Par sécurité, changer d’adresse e-mail demande de confirmer que c’est vous. Réessayez, ou reconnectez-vous.',
    signInAgain: 'Se reconnecter',
    loadFailed: 'Votre profil n’a pas pu être chargé.',
    signedOut: 'Connectez-vous pour voir votre profil.',
  },
  account: {
    label: 'Compte',
    tabs: {
      profile: 'Profil',
      security: 'Sécurité',
      notifications: 'Notifications',
      privacy: 'Données et confidentialité',
    },
  },
};

export const accountErrorsFr: typeof accountErrorsEn = {
  unsupported_image_type: 'Choisissez une image PNG, JPEG, WebP ou GIF.',
  image_too_large: 'Cette image est trop lourde. Choisissez-en une plus petite.',
  email_unchanged: 'C’est déjà votre adresse e-mail.',
  email_in_use: 'Un autre compte utilise désormais cette adresse e-mail.',
  export_in_progress: 'Un export est déjà en préparation. Attendez qu’il soit prêt.',
  export_not_ready: 'Cet export n’est pas encore prêt.',
  export_expired: 'Cet export a expiré. Demandez-en un nouveau.',
  export_link_invalid: 'Ce lien de téléchargement n’est pas valide. Utilisez le lien de votre compte.',
  email_mismatch: 'Saisissez exactement l’adresse e-mail de votre compte pour confirmer.',
  deletion_already_scheduled: 'La suppression de votre compte est déjà programmée.',
  deletion_not_scheduled: 'Aucune suppression de votre compte n’est programmée.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...accountFr, errors: accountErrorsFr };
