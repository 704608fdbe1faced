/**
 * acct's own events that notify the user they concern (domain events, server/events/domain-events.ts),
 * with titles in the user's language. They run in the publisher's transaction, so the notification
 * exists exactly when what it tells about committed.
 */
import { messages, pickLanguage } from '../../i18n';
import { joinTransaction, type Services } from '../../services';
import { providerDisplayName } from '../oauth/oauth-settings';
import { selectOrganizationName, selectRecipient } from './notifications.queries';
import { notify } from './notifications.service';
import type { Knex } from 'knex';

async function textsFor(services: Services, trx: Knex.Transaction, userId: string) {
  const recipient = await selectRecipient(trx, userId);
  return messages(pickLanguage([recipient?.locale], services.config.defaultLanguage, services.config.languages))
    .notifications;
}

export function subscribeNotificationsToEvents(services: Services): void {
  const { events, config } = services;
  const send = (trx: Knex.Transaction, userId: string, eventType: string, title: string) =>
    notify(joinTransaction(services, trx), trx, { userId, eventType, title, body: '', url: null });

  events.subscribe('organization.created', async (trx, e) => {
    const t = await textsFor(services, trx, e.userId);
    await send(
      trx,
      e.userId,
      'organization_created',
      t.organizationCreated(await selectOrganizationName(trx, e.organizationId)),
    );
  });
  events.subscribe('connected_app.connected', async (trx, e) => {
    const t = await textsFor(services, trx, e.userId);
    // The connected app's name (connected-apps-settings.ts); a sign-in provider's as a fallback.
    const name =
      config.connectedApps.find((a) => a.id === e.provider)?.name ??
      providerDisplayName(config.oauthProviders, e.provider);
    await send(trx, e.userId, 'app_connected', t.appConnected(name));
  });
  events.subscribe('onboarding.completed', async (trx, e) => {
    const t = await textsFor(services, trx, e.userId);
    await send(trx, e.userId, 'onboarding_completed', t.onboardingCompleted(config.brand.productName));
  });
}
