/**
 * French, `<acct-api-tokens>`'s section of the French string set (fr.ts puts it together), and
 * the messages of the API-token error codes, which fr.ts spreads into `errors`.
 */
import type { ApiTokenSections, apiTokenErrorsEn } from './en-api-tokens.js';

export const apiTokensFr: ApiTokenSections = {
  apiTokens: {
    title: 'Jetons d’API',
    intro:
      'Les jetons permettent à vos propres serveurs d’appeler acct pour cette organisation. Ne donnez à chacun que les droits dont il a besoin.',
    noOrganization: 'Choisissez une organisation pour gérer ses jetons d’API.',
    signedOut: 'Connectez-vous pour gérer les jetons d’API.',
    loadFailed: 'Les jetons d’API n’ont pas pu être chargés.',
    createTitle: 'Nouveau jeton',
    name: 'Nom',
    nameHint: 'Ce qui l’utilise, par exemple « Serveur de facturation ».',
    scopes: 'Droits',
    scopesRequired: 'Choisissez au moins un droit.',
    scope: {
      'checklist:write': 'Cocher les étapes de la liste de démarrage des membres',
      'members:read': 'Lire les membres',
      'webhooks:manage': 'Gérer les webhooks',
      'events:read': 'Lire les événements',
    },
    expiry: 'Expiration',
    expiryNever: 'Jamais',
    expiryDays: (days: number) => `Dans ${days} jours`,
    create: 'Créer le jeton',
    createdTitle: 'Copiez votre nouveau jeton',
    createdText:
      'C’est la seule fois où le jeton est affiché. Conservez-le en lieu sûr, par exemple dans les secrets de votre serveur.',
    secretLabel: 'Jeton',
    copy: 'Copier',
    copied: 'Copié.',
    copyFailed: 'La copie a échoué : sélectionnez le jeton et copiez-le vous-même.',
    done: 'Je l’ai conservé',
    empty: 'Aucun jeton d’API pour l’instant.',
    listTitle: 'Jetons',
    createdBy: (who: string, when: string) => `Créé par ${who} le ${when}`,
    createdOn: (when: string) => `Créé le ${when}`,
    lastUsed: (when: string) => `Dernière utilisation ${when}`,
    neverUsed: 'Jamais utilisé',
    expires: (when: string) => `Expire le ${when}`,
    noExpiry: 'N’expire pas',
    expired: 'Expiré',
    revoke: 'Révoquer',
    revokeLabel: (name: string) => `Révoquer ${name}`,
    confirmRevoke: (name: string) =>
      `Révoquer « ${name} » ? Les appels qui l’utilisent échoueront dès la requête suivante.`,
    confirm: 'Révoquer',
    cancel: 'Annuler',
    revoked: (name: string) => `« ${name} » a été révoqué.`,
  },
};

export const apiTokenErrorsFr: typeof apiTokenErrorsEn = {
  api_token_invalid: 'Le jeton d’API est mal formé, inconnu, révoqué ou expiré.',
  api_token_scope: 'Le jeton d’API n’a pas le droit nécessaire à cet appel.',
  api_token_expiry_past: 'La date d’expiration doit être dans le futur.',
  too_many_api_tokens: 'Cette organisation a trop de jetons d’API. Révoquez-en un d’abord.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...apiTokensFr, errors: apiTokenErrorsFr };
