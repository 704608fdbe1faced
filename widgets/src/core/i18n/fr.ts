/**
 * French. Its core, typed as `TranslationCore`, so a key added to `en.ts` and missing here fails the
 * build; its areas (chunks.ts) are the `fr-<area>.ts` files.
 * Typography: a no-break space before `?`, `;` and `:`, as French usage wants.
 */
import type { AreaChunks } from './chunks.js';
import type { TranslationCore } from './en.js';

export const fr: TranslationCore = {
  $lang: 'fr',
  $dir: 'ltr',
  loading: 'Chargement…',
  retry: 'Réessayer',
  loadFailed: 'Le formulaire de connexion n’a pas pu être chargé.',
  signInTitle: (product) => `Se connecter à ${product}`,
  signUpTitle: (product) => `Créer votre compte ${product}`,
  displayName: 'Nom',
  email: 'Adresse e-mail',
  password: 'Mot de passe',
  passwordHint: (min) => `Au moins ${min} caractères.`,
  signIn: 'Se connecter',
  signUp: 'Créer le compte',
  passkeySignIn: 'Continuer avec une clé d’accès',
  magicLinkSignIn: 'M’envoyer un lien de connexion',
  magicLinkSignUp: 'M’envoyer un lien d’inscription',
  noAccount: 'Pas encore de compte\u00a0?',
  createAccount: 'Créer un compte',
  haveAccount: 'Vous avez déjà un compte\u00a0?',
  signInInstead: 'Se connecter plutôt',
  forgotPassword: 'Mot de passe oublié\u00a0?',
  forgotTitle: 'Réinitialiser votre mot de passe',
  forgotIntro:
    'Saisissez votre adresse e-mail\u00a0: nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  sendResetLink: 'Envoyer le lien',
  resetSentTitle: 'Consultez votre boîte de réception',
  resetSent: (email) =>
    `Si un compte utilise ${email}, nous lui avons envoyé un lien pour choisir un nouveau mot de passe.`,
  backToSignIn: 'Retour à la connexion',
  verifyTitle: 'Confirmez votre adresse e-mail',
  verifySent: (email) =>
    `Nous avons envoyé un lien à ${email}. Ouvrez-le pour confirmer votre adresse et vous connecter.`,
  verifyNeeded: (email) =>
    `${email} n’est pas encore confirmée. Nous vous avons envoyé un nouveau lien\u00a0: ouvrez-le pour confirmer votre adresse et vous connecter.`,
  resendLink: 'Renvoyer le lien',
  linkResent: 'Nous avons envoyé un nouveau lien.',
  linkSentTitle: 'Consultez votre boîte de réception',
  linkSent: (email) =>
    `Nous avons envoyé un lien de connexion à ${email}. Ouvrez-le dans ce navigateur\u00a0: cette page vous connectera d’elle-même.`,
  linkLifetime: (when) => `Le lien ne sert qu’une fois et expire ${when}.`,
  linkUsedElsewhere:
    'Vous vous êtes connecté avec le lien dans un autre navigateur ou onglet. Pour vous connecter ici aussi, demandez un nouveau lien.',
  linkExpired: 'Le lien a expiré. Demandez-en un nouveau.',
  sendNewLink: 'Envoyer un nouveau lien',
  passkeySignInCancelled:
    'La connexion par clé d’accès a été annulée. Vous pouvez réessayer, ou vous connecter autrement.',
  offerPasskey: {
    title: 'Connectez-vous plus vite la prochaine fois\u00a0: ajoutez une clé d’accès',
    text: 'Une clé d’accès vous connecte avec votre empreinte, votre visage ou le verrouillage de votre écran\u00a0: rien à saisir, rien à retenir.',
    add: 'Ajouter une clé d’accès',
    notNow: 'Plus tard',
    added: 'Votre clé d’accès est ajoutée. La prochaine fois, connectez-vous avec elle.',
    cancelled: 'Aucune clé d’accès n’a été ajoutée. Vous pourrez en ajouter une depuis votre compte.',
  },
  signedInAs: (name) => `Vous êtes connecté en tant que ${name}.`,
  continue: 'Continuer',
  signOut: 'Se déconnecter',
  returned: {
    email_verification: 'Votre adresse e-mail est confirmée.',
    password_reset: 'Votre nouveau mot de passe est enregistré.',
  },
  validation: {
    displayNameMissing: 'Saisissez votre nom.',
    emailMissing: 'Saisissez votre adresse e-mail.',
    emailInvalid: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    passwordMissing: 'Saisissez votre mot de passe.',
    passwordTooShort: (min) => `Utilisez au moins ${min} caractères.`,
    passwordTooLong: 'Ce mot de passe est trop long.',
    passwordTooCommon: 'Ce mot de passe est trop courant. Choisissez-en un plus difficile à deviner.',
    fieldInvalid: 'Vérifiez ce champ.',
  },
  errors: {
    unknown: 'Une erreur est survenue. Réessayez.',
    no_methods: 'Aucune méthode de connexion n’est disponible ici.',
    network_error: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
    unexpected_response: 'Le serveur a envoyé une réponse illisible.',
    invalid_json: 'La requête n’était pas du JSON valide.',
    invalid_request: 'Certains champs sont manquants ou invalides.',
    unsupported_media_type: 'La requête doit être envoyée en JSON.',
    payload_too_large: 'La requête est trop volumineuse.',
    headers_too_large: 'Les en-têtes de la requête sont trop volumineux. Effacer les cookies de ce site peut aider.',
    malformed_request: 'La requête n’a pas pu être lue.',
    request_timeout: 'La requête a pris trop de temps. Réessayez.',
    too_deeply_nested: 'La requête est imbriquée trop profondément.',
    not_found: 'Il n’y a rien à cette adresse.',
    method_not_allowed: 'Cette adresse n’accepte pas cette requête.',
    forbidden_origin: 'Les requêtes depuis ce site ne sont pas autorisées.',
    database_unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    internal_error: 'Une erreur est survenue de notre côté. Réessayez plus tard.',
    invalid_credentials: 'L’adresse e-mail ou le mot de passe est incorrect.',
    email_not_verified: 'Confirmez d’abord votre adresse e-mail\u00a0: nous vous avons envoyé un nouveau lien.',
    email_taken: 'Un compte utilise déjà cette adresse e-mail. Connectez-vous plutôt.',
    sign_up_disabled: 'La création de comptes n’est pas possible ici.',
    too_many_requests: 'Trop de tentatives. Patientez un moment, puis réessayez.',
    not_signed_in: 'Vous êtes déconnecté. Reconnectez-vous.',
    wrong_password: 'Votre mot de passe actuel est incorrect.',
    invalid_code: 'Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.',
    hosted_page_only: 'Seule la page de connexion de ce service peut faire cela.',
    passkey_challenge_expired: 'Cette demande de clé d’accès a expiré. Réessayez.',
    invalid_passkey_response: 'La clé d’accès n’a pas pu être vérifiée. Réessayez.',
    unknown_passkey:
      'Cette clé d’accès n’est pas enregistrée ici\u00a0: elle a peut-être été supprimée. Connectez-vous autrement.',
    passkey_counter_regression:
      'Cette clé d’accès a été refusée car elle semble copiée. Connectez-vous autrement, puis vérifiez vos clés d’accès.',
    passkey_already_registered: 'Cette clé d’accès est déjà enregistrée sur votre compte.',
    unknown_provider: 'Ce fournisseur de connexion n’est pas proposé ici.',
    passkey_cancelled: 'La demande de clé d’accès a été annulée.',
    passkey_unsupported: 'Ce navigateur ne prend pas en charge les clés d’accès.',
    passkey_wrong_domain: 'Les clés d’accès ne sont pas configurées pour l’adresse de ce site.',
    passkey_failed: 'La clé d’accès n’a pas pu être utilisée. Réessayez, ou connectez-vous autrement.',
    passkey_unavailable: 'Il n’y a pas de clé d’accès pour ce site sur cet appareil. Connectez-vous autrement.',
    passkey_timed_out: 'La demande de clé d’accès a expiré. Réessayez, ou connectez-vous autrement.',
    // Prise en main, organisations et listes de tâches.
    organization_required: 'Créez ou choisissez d’abord une organisation\u00a0: revenez à cette étape.',
    forbidden_role: 'Votre rôle dans cette organisation ne le permet pas.',
    json_required: 'La requête doit envoyer un corps JSON.',
    starting: 'Le service démarre. Réessayez dans un instant.',
    oauth_attempt: 'Cette tentative de connexion a expiré ou a déjà servi. Réessayez.',
    oauth_provider: 'Le fournisseur n’a pas confirmé votre identité. Réessayez, ou connectez-vous autrement.',
    oauth_no_email:
      'Le fournisseur n’a pas communiqué votre adresse e-mail, dont ce site a besoin. Connectez-vous autrement.',
    oauth_account_exists:
      'Un compte existe déjà avec cette adresse e-mail. Connectez-vous-y autrement, puis reliez ce fournisseur depuis votre compte.',
    oauth_sign_up_closed:
      'La création de comptes n’est pas possible ici. Connectez-vous autrement à un compte existant.',
  },
  tooManyRequestsWait: (when) => `Trop de tentatives. Réessayez ${when}.`,
  deletionNotice: {
    text: (date) => `La suppression de votre compte est programmée le ${date}.`,
    cancel: 'Annuler la suppression',
    cancelled: 'La suppression est annulée\u00a0: votre compte est conservé.',
  },
  userButton: {
    menu: (name) => `Compte\u00a0: ${name}`,
    account: 'Votre compte',
    signOut: 'Se déconnecter',
    signIn: 'Se connecter',
  },
  card: {
    passkeyWaiting: 'En attente de votre clé d’accès…',
    passkeyWaitingHint: 'Suivez les indications de votre navigateur, ou annulez pour vous connecter autrement.',
    cancel: 'Annuler',
    waitButton: (label, left) => `${label} (${left})`,
    tryAgainNow: 'Vous pouvez réessayer maintenant.',
    originNotAllowed: 'La connexion n’est pas disponible sur cette page.',
    originNotAllowedDev: (origin) =>
      `L’origine de cette page, ${origin}, ne figure pas dans ACCT_ALLOWED_ORIGINS sur le serveur acct. Ajoutez-la (ACCT_ALLOWED_ORIGINS=${origin}) et redémarrez le serveur.`,
    signedOut: {
      revoked: 'Vous avez été déconnecté depuis un autre appareil.',
      expired: 'Votre session a pris fin. Connectez-vous à nouveau.',
    },
    dismiss: 'Fermer',
    handOver: {
      title: (email, product) => `Se connecter à ${product} en tant que ${email}\u00a0?`,
      explain:
        'Vous avez ouvert un lien de connexion qui n’a pas été demandé dans ce navigateur. Ne continuez que si vous l’avez demandé vous-même.',
      explainInvitation:
        'Vous avez accepté une invitation envoyée à cette adresse. Ne continuez que si elle vous était destinée.',
      replaces: (current) =>
        `Vous êtes connecté en tant que ${current}\u00a0; continuer vous déconnectera de ce compte.`,
      continue: 'Continuer',
      cancel: 'Annuler',
    },
  },
  fields: {
    required: 'Remplissez ce champ.',
    too_short: 'C’est trop court.',
    too_long: 'C’est trop long.',
    invalid_email: 'Saisissez une adresse e-mail valide, comme nom@exemple.fr.',
    invalid_time: 'Saisissez une heure, comme 22:00.',
    invalid_time_zone: 'Choisissez un fuseau horaire dans la liste.',
    invalid_characters: 'Retirez les caractères spéciaux.',
    invalid_url: 'Saisissez une adresse web complète, commençant par https://.',
    duplicate_day: 'Choisissez chaque jour une seule fois.',
    too_large: 'Il y a trop de données ici.',
    invalid: 'Vérifiez ce champ.',
  },
};

/** The same strings, under the name every language's core gives them (chunks.ts). */
export { fr as strings };

/** Where this language's areas are (chunks.ts): fetched only when a page shows this language. */
export const areas: AreaChunks = {
  account: () => import('./fr-account.js'),
  'api-tokens': () => import('./fr-api-tokens.js'),
  'connected-apps': () => import('./fr-connected-apps.js'),
  mfa: () => import('./fr-mfa.js'),
  notifications: () => import('./fr-notifications.js'),
  onboarding: () => import('./fr-onboarding.js'),
  providers: () => import('./fr-providers.js'),
  reauth: () => import('./fr-reauth.js'),
  'second-factor': () => import('./fr-second-factor.js'),
  security: () => import('./fr-security.js'),
  webhooks: () => import('./fr-webhooks.js'),
};
