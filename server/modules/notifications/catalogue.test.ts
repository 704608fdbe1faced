/**
 * The catalogue and ACCT_NOTIFICATION_TYPES: built-ins first with security locked and urgent, the
 * site's types after them with their defaults filled in, and a setting that is not a JSON array,
 * names the security category or reuses a built-in name refused at start-up (a config error).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../config';
import { NOTIFICATION_EVENTS } from '../onboarding/notification-defaults';
import { catalogueEntry, notificationCatalogue } from './catalogue';

describe('notification catalogue', () => {
  it('has security types locked on and urgent, and the rest off the lock', () => {
    const catalogue = notificationCatalogue(loadConfig({}));
    for (const entry of catalogue) {
      const security = entry.category === 'security';
      assert.equal(entry.canDisable, !security, entry.eventType);
      assert.equal(entry.urgent, security, entry.eventType);
    }
    assert.equal(loadConfig({}).notificationTypes.length, 0, 'none of the site’s own by default');
  });

  it('adds the site’s own types with their defaults', () => {
    const config = loadConfig({
      ACCT_NOTIFICATION_TYPES:
        '[{"eventType":"order_shipped","label":"Order shipped"},{"eventType":"weekly.report","category":"reports","email":false,"frequency":"weekly"}]',
    });
    assert.deepEqual(catalogueEntry(config, 'order_shipped'), {
      eventType: 'order_shipped',
      category: 'activity',
      channels: { email: true, push: true, in_app: true },
      frequency: 'instant',
      canDisable: true,
      urgent: false,
      label: 'Order shipped',
    });
    const report = catalogueEntry(config, 'weekly.report')!;
    assert.equal(report.channels.email, false);
    assert.equal(report.frequency, 'weekly');
    assert.equal(notificationCatalogue(config).at(-1)?.eventType, 'weekly.report');
  });

  it('refuses a setting that is not a JSON array, a security type or a built-in name', () => {
    for (const value of [
      'not json',
      '{"eventType":"x"}',
      '[{"eventType":"x","category":"security"}]',
      '[{"eventType":"password_changed"}]',
      '[{"eventType":"Bad Name"}]',
      '[{"eventType":"x","unknown":1}]',
    ]) {
      assert.throws(() => loadConfig({ ACCT_NOTIFICATION_TYPES: value }), ConfigError, value);
    }
  });

  it('gives onboarding’s preferences step its defaults', () => {
    const newsletter = NOTIFICATION_EVENTS.find((e) => e.eventType === 'newsletter')!;
    assert.equal(newsletter.email, false);
    assert.equal(newsletter.category, 'marketing');
  });
});
