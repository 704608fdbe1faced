/**
 * French. Typed as `Translation`, so a key added to `en.ts` and missing here fails the build.
 * Typography: a no-break space before `?`, `;` and `:`, as French usage wants.
 */
import type { Translation } from './en.js';

export const fr: Translation = {
  $lang: 'fr',
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
  passkeySignUp: 'S’inscrire avec une clé d’accès',
  magicLinkSignIn: 'M’envoyer un lien de connexion',
  magicLinkSignUp: 'M’envoyer un lien d’inscription',
  noAccount: 'Pas encore de compte\u00a0?',
  createAccount: 'Créer un compte',
  haveAccount: 'Vous avez déjà un compte\u00a0?',
  signInInstead: 'Se connecter plutôt',
  validation: {
    displayNameMissing: 'Saisissez votre nom.',
    emailMissing: 'Saisissez votre adresse e-mail.',
    emailInvalid: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    passwordMissing: 'Saisissez votre mot de passe.',
    passwordTooShort: (min) => `Utilisez au moins ${min} caractères.`,
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
    not_found: 'Il n’y a rien à cette adresse.',
    method_not_allowed: 'Cette adresse n’accepte pas cette requête.',
    forbidden_origin: 'Les requêtes depuis ce site ne sont pas autorisées.',
    database_unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    internal_error: 'Une erreur est survenue de notre côté. Réessayez plus tard.',
  },
};
