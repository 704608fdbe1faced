/**
 * French, `<acct-webhooks>`'s section of the French string set (fr.ts puts it together), and the
 * messages of the webhook error codes, which fr.ts spreads into `errors`.
 */
import type { WebhookSections, webhookErrorsEn } from './en-webhooks.js';

export const webhooksFr: WebhookSections = {
  webhooks: {
    title: 'Webhooks',
    intro:
      'Les webhooks envoient les événements de cette organisation à vos propres serveurs dès qu’ils se produisent, signés pour que vous puissiez les vérifier.',
    noOrganization: 'Choisissez une organisation pour gérer ses webhooks.',
    signedOut: 'Connectez-vous pour gérer les webhooks.',
    loadFailed: 'Les webhooks n’ont pas pu être chargés.',
    createTitle: 'Nouveau point de terminaison',
    url: 'URL du point de terminaison',
    urlHint: 'Une adresse https de votre serveur, par exemple https://example.com/acct-events.',
    description: 'Description',
    events: 'Événements',
    eventsRequired: 'Choisissez au moins un événement.',
    category: { user: 'Utilisateurs', session: 'Sessions', organization: 'Organisation', onboarding: 'Intégration' },
    create: 'Ajouter',
    createdTitle: 'Copiez le secret de signature',
    createdText:
      'Le secret n’est montré qu’une fois. Votre serveur en a besoin pour vérifier la signature de chaque livraison.',
    secretLabel: 'Secret de signature',
    copy: 'Copier',
    copied: 'Copié.',
    copyFailed: 'La copie a échoué\u00a0: sélectionnez le secret et copiez-le vous-même.',
    done: 'Je l’ai conservé',
    listTitle: 'Points de terminaison',
    empty: 'Aucun point de terminaison pour l’instant.',
    active: 'Actif',
    disabled: {
      manual: 'Désactivé',
      gone: 'Désactivé\u00a0: le point de terminaison a répondu 410 Gone',
      failing: 'Désactivé après des échecs répétés',
    },
    failures: (count: number) => (count === 1 ? '1 échec de suite' : `${count} échecs de suite`),
    lastTriggered: (when: string) => `Dernière livraison ${when}`,
    neverTriggered: 'Aucune livraison pour l’instant',
    overlap: (when: string) => `L’ancien secret signe aussi jusqu’au ${when}`,
    enable: 'Activer',
    disable: 'Désactiver',
    rotate: 'Changer le secret',
    sendTest: 'Envoyer un événement de test',
    testQueued: 'Un événement de test a été mis en file.',
    showLog: 'Journal des livraisons',
    hideLog: 'Masquer le journal',
    remove: 'Supprimer',
    removeLabel: (url: string) => `Supprimer ${url}`,
    confirmRemove: (url: string) => `Supprimer le point de terminaison ${url} et son journal\u00a0?`,
    confirm: 'Supprimer',
    cancel: 'Annuler',
    removed: (url: string) => `${url} a été supprimé.`,
    logEmpty: 'Aucune livraison pour l’instant.',
    status: { pending: 'En attente', succeeded: 'Livré', failed: 'Échec' },
    attempt: (n: number) => `tentative ${n}`,
    duration: (ms: number) => `${ms} ms`,
    request: 'Corps de la requête',
    response: 'Corps de la réponse',
    noResponse: (error: string) => `Pas de réponse (${error})`,
    replay: 'Renvoyer',
    replayed: 'La livraison a été remise en file.',
    more: 'Livraisons plus anciennes',
  },
};

export const webhookErrorsFr: typeof webhookErrorsEn = {
  too_many_webhooks: 'Cette organisation a trop de points de terminaison webhook. Supprimez-en un d’abord.',
  webhook_url_blocked:
    'Cette URL désigne une adresse privée, locale ou réservée, que les webhooks ne peuvent pas atteindre.',
};

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...webhooksFr, errors: webhookErrorsFr };
