/**
 * French: the security elements’ sections and error messages (en-security.ts).
 */
import type { SecuritySections, securityErrorsEn } from './en-security.js';

export const securityFr: SecuritySections = {
  methods: {
    password: 'Mot de passe',
    magic_link: 'Lien par e-mail',
    passkey: 'Clé d’accès',
    oauth: 'Authentification unique',
    mfa: 'Validation en deux étapes',
  },
  device: {
    desktop: 'Ordinateur',
    mobile: 'Téléphone',
    tablet: 'Tablette',
    unknown: 'Appareil inconnu',
    browserOnOs: (browser, os) => `${browser} sur ${os}`,
    unknownPlace: 'Lieu inconnu',
  },
  genericNames: {
    desktop: (os) => `Ordinateur ${os}`,
    mobile: (os) => `Téléphone ${os}`,
    tablet: (os) => `Tablette ${os}`,
    unknown: (os) => `Appareil ${os}`,
    passkey: 'Clé d’accès',
  },
  sessions: {
    title: 'Où vous êtes connecté',
    thisDevice: 'Cet appareil',
    lastActive: (when) => `Actif ${when}`,
    signedInWith: (method) => `Connexion par\u00a0: ${method}`,
    revoke: 'Déconnecter',
    revokeLabel: (device) => `Déconnecter ${device}`,
    confirmRevoke: (device) => `Déconnecter ${device}\u00a0? Il faudra vous y reconnecter.`,
    revokeOthers: 'Déconnecter tous les autres appareils',
    confirmRevokeOthers: 'Déconnecter tous les autres appareils\u00a0? Il faudra vous y reconnecter.',
    confirm: 'Oui, déconnecter',
    cancel: 'Annuler',
    revoked: (device) => `${device} est déconnecté.`,
    revokedOthers: (count) =>
      count === 1 ? 'Un autre appareil est déconnecté.' : `${count} autres appareils sont déconnectés.`,
    signedOut: 'Connectez-vous pour voir les appareils où vous êtes connecté.',
    loadFailed: 'Vos appareils n’ont pas pu être chargés.',
  },
  history: {
    title: 'Activité de connexion récente',
    events: {
      login_success: 'Connexion',
      login_failed: 'Échec de connexion',
      second_factor_required: 'Première étape d’une connexion',
      logout: 'Déconnexion',
      password_reset: 'Mot de passe réinitialisé',
      password_changed: 'Mot de passe modifié',
      email_changed: 'Adresse e-mail modifiée',
      email_change_undone: 'Changement d’adresse annulé',
      reauthenticated: 'Identité confirmée',
      reauthentication_failed: 'Échec de la confirmation d’identité',
      unknown: 'Activité du compte',
    },
    succeeded: 'Réussie',
    failed: 'Échec',
    reasons: {
      wrong_password: 'mot de passe incorrect',
      no_password: 'ce compte n’a pas de mot de passe',
      email_not_verified: 'adresse e-mail non confirmée',
      too_many_requests: 'trop de tentatives',
      passkey_verification_failed: 'la clé d’accès n’a pas pu être vérifiée',
      counter_regression: 'la clé d’accès semble copiée',
      oauth_account_exists: 'un compte d’un fournisseur avec cette adresse a tenté de se connecter ; il n’est pas lié',
    },
    reason: (reason) => `Motif\u00a0: ${reason}`,
    loadMore: 'Afficher l’activité plus ancienne',
    empty: 'Aucune activité de connexion pour l’instant.',
    signedOut: 'Connectez-vous pour voir votre activité de connexion.',
    loadFailed: 'Votre activité de connexion n’a pas pu être chargée.',
  },
  passkeys: {
    title: 'Clés d’accès',
    intro:
      'Connectez-vous avec votre empreinte, votre visage ou le verrouillage de votre écran plutôt qu’avec un mot de passe.',
    add: 'Ajouter une clé d’accès',
    added: (name) => `${name} est ajoutée.`,
    addCancelled: 'Aucune clé d’accès n’a été ajoutée.',
    unsupported: 'Ce navigateur ne peut pas créer de clé d’accès.',
    disabled: 'Les clés d’accès ne sont pas activées sur ce site.',
    empty: 'Vous n’avez pas encore de clé d’accès.',
    synced: 'Synchronisée',
    syncedHint: 'Disponible sur vos appareils qui partagent ce gestionnaire de mots de passe ou ce compte.',
    deviceOnly: 'Cet appareil uniquement',
    deviceOnlyHint: 'Gardée sur le seul appareil ou la seule clé de sécurité qui l’a créée.',
    created: (when) => `Ajoutée ${when}`,
    lastUsed: (when) => `utilisée ${when}`,
    neverUsed: 'jamais utilisée',
    rename: 'Renommer',
    renameLabel: (name) => `Renommer ${name}`,
    nameLabel: 'Nom de la clé d’accès',
    nameMissing: 'Saisissez un nom.',
    save: 'Enregistrer',
    cancel: 'Annuler',
    renamed: (name) => `Renommée en ${name}.`,
    remove: 'Supprimer',
    removeLabel: (name) => `Supprimer ${name}`,
    confirmRemove: (name) =>
      `Supprimer ${name}\u00a0? Vous ne pourrez plus vous connecter avec, et les appareils connectés avec elle seront déconnectés.`,
    confirm: 'Oui, supprimer',
    removed: (name) => `${name} est supprimée.`,
    sessionsEnded: (count) => {
      if (count === 0) return '';
      return count === 1
        ? 'Un appareil connecté avec elle est déconnecté.'
        : `${count} appareils connectés avec elle sont déconnectés.`;
    },
    signedOut: 'Connectez-vous pour voir vos clés d’accès.',
    loadFailed: 'Vos clés d’accès n’ont pas pu être chargées.',
  },
  connectedAccounts: {
    title: 'Comptes connectés',
    intro: 'Les comptes d’autres services avec lesquels vous pouvez vous connecter.',
    empty: 'Vous n’avez connecté aucun compte.',
    linked: (when) => `Connecté ${when}`,
    lastUsed: (when) => `dernière utilisation ${when}`,
    neverUsed: 'pas encore utilisé pour vous connecter',
    unlink: 'Dissocier',
    unlinkLabel: (name) => `Dissocier ${name}`,
    confirmUnlink: (name) => `Dissocier ${name} ? Vous ne pourrez plus vous connecter avec ce compte.`,
    confirm: 'Oui, dissocier',
    cancel: 'Annuler',
    unlinked: (name) => `${name} est dissocié.`,
    lastMethod:
      'C’est votre seul moyen de vous connecter : ce compte ne peut pas être dissocié. Ajoutez d’abord un mot de passe ou une clé d’accès.',
    link: (name) => `Associer ${name}`,
    linkTitle: 'Associer un autre compte',
    linkDone: (name) => `${name} est associé. Vous pouvez maintenant vous connecter avec.`,
    signedOut: 'Connectez-vous pour voir vos comptes connectés.',
    loadFailed: 'Vos comptes connectés n’ont pas pu être chargés.',
  },
};

export const securityErrorsFr: typeof securityErrorsEn = {
  last_sign_in_method:
    'C’est votre seul moyen de connexion. Ajoutez un mot de passe ou une autre clé d’accès avant de la supprimer.',
  already_linked:
    'Ce compte est déjà associé à un autre de nos comptes. Connectez-vous avec lui pour utiliser celui-là.',
  link_failed: 'L’association n’a pas abouti. Réessayez.',
  link_expired: 'Cette demande d’association a expiré ou a déjà servi. Réessayez.',
  provider_tokens_disabled: 'Ce serveur ne conserve pas les jetons des fournisseurs de connexion.',
  provider_not_configured: 'Ce fournisseur de connexion n’est pas configuré sur ce serveur.',
  provider_account_not_linked: 'Ce compte n’est pas relié à ce fournisseur.',
  provider_tokens_not_stored: 'Aucun accès au fournisseur n’est encore conservé. Reconnectez-vous avec le fournisseur.',
  provider_tokens_unreadable: 'L’accès conservé au fournisseur est illisible. Reconnectez-vous avec le fournisseur.',
  provider_refresh_unavailable: 'L’accès au fournisseur a expiré. Reconnectez-vous avec le fournisseur.',
  provider_refresh_failed: 'Le fournisseur a refusé de renouveler l’accès. Reconnectez-vous avec le fournisseur.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...securityFr, errors: securityErrorsFr };
