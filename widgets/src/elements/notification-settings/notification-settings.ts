/**
 * `<acct-notification-settings>`: the signed-in user's notification preferences (`GET
 * /api/notifications/settings`) as one table per category — event types × channels (email, in
 * the app, push) with an email frequency per row — and their quiet hours. Every change is saved at
 * once (`PUT /api/notifications/preferences/:eventType`, `PUT /api/notifications/quiet-hours`),
 * optimistically: the control shows the new value at once and goes back, with the reason, if the
 * server refuses. Security rows are locked on, with the reason shown.
 *
 * Push: the push column is enabled where the browser can receive Web Push (core/push.ts); turning
 * a row's push on first subscribes this browser (`enablePush`, which asks the permission on the
 * user's click and registers the worker at `push-worker-url`), and is undone if the user refuses.
 * Below, the browsers that receive this account's push notifications (`GET /api/push/subscriptions`,
 * push-devices.ts), each removable (`DELETE /api/push/subscriptions/:id`).
 * This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type {
  NotificationPreference,
  NotificationSettings,
  QuietHoursSettings,
} from '../../../../contract/notifications.js';
import type { PushDevice } from '../../../../contract/push.js';
import { AccountElement } from '../../core/account-element.js';
import { errorDetail } from '../../core/events.js';
import { errorMessage } from '../../core/i18n/index.js';
import { formStyles } from '../../core/styles/form.styles.js';
import { enablePush, pushSupported } from '../../core/push.js';
import { browserTimeZone } from '../../core/time-zones.js';
import { renderPreferenceTable, type Channel } from './preference-table.js';
import { pushDeviceLabel, renderPushDevices } from './push-devices.js';
import { readQuietHours, renderQuietHours } from './quiet-hours-editor.js';
import { notificationSettingsStyles } from './notification-settings.styles.js';

/** The browser refused (or cannot give) the permission to notify: the push toggle goes back. */
class PushRefused extends Error {}

/**
 * The signed-in user's notification preferences and quiet hours, saved per change.
 *
 * @summary Notification settings: event types × channels with a frequency, grouped by category; quiet hours; saved per change.
 *
 * @tag acct-notification-settings
 *
 * @slot signed-out - Shown instead of the settings while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<AcctNotificationPreferenceChangeDetail>} acct-notification-preference-change - A change was
 * saved; `detail.eventType` is the row's event type, null for quiet hours.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - A change could not be saved (and was undone), or a push device
 * could not be removed; `detail` is `{ code, status, message }` (e.g. `notification_locked`).
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart table - A category's table.
 * @csspart row - An event type's row.
 * @csspart select - A frequency or time-zone select.
 * @csspart input - A time input of the quiet hours.
 * @csspart locked-note - Why security rows cannot be turned off.
 * @csspart push-note - Why the push column is disabled (this browser cannot receive push).
 * @csspart quiet-hours - The quiet-hours group.
 * @csspart push-devices - The list of browsers receiving push notifications.
 * @csspart section-title - The push devices' heading.
 * @csspart list - The push devices.
 * @csspart item - A push device's row.
 * @csspart details - When a push device was added.
 * @csspart empty - The message when no browser receives push.
 * @csspart button - Every button.
 * @csspart remove-device-button - A push device's "Remove" (with `button`).
 * @csspart notice - "Saved.", announced after each change.
 * @csspart action-error - Why the last change was undone.
 * @csspart status - The loading message.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the settings could not be loaded.
 * @csspart retry-button - The button that loads them again.
 *
 * @cssproperty [--acct-notification-settings-max-width=44rem] - The widest the card grows.
 */
export class AcctNotificationSettings extends AccountElement {
  // `security`: the push devices' names (core/device-format.ts).
  static override stringAreas = ['notifications', 'onboarding', 'security'] as const;

  static override styles = [AccountElement.styles, formStyles, notificationSettingsStyles];

  /** What the controls show: the saved settings with the changes in flight applied. */
  /**
   * Where the site serves acct's push service worker (`widgets/dist/acct-sw.js`), on the page's
   * own origin: a push worker must be same-origin with the page.
   */
  @property({ attribute: 'push-worker-url' }) pushWorkerUrl = '/acct-sw.js';

  @state() private shown: NotificationSettings | undefined;
  @state() private announcement = '';
  @state() private actionError = '';
  /** The browsers receiving push; null when the server could not list them (the section is left out). */
  @state() private pushDevices: PushDevice[] | null = null;
  /** The push device being removed. */
  @state() private removing: string | null = null;

  private readonly load = new Task(this, {
    task: async ([store, key], { signal }) => {
      if (!key) return undefined;
      const [settings, devices] = await Promise.all([
        store.api.call('GET /api/notifications/settings', {}, { signal }),
        // Not essential: without the list (an older server), the rest still shows.
        store.api.call('GET /api/push/subscriptions', {}, { signal }).catch(() => null),
      ]);
      this.pushDevices = devices?.devices ?? null;
      // Never set: the browser's zone is the natural default of the editor.
      const untouched = settings.quietHours.timeZone === 'UTC' && !settings.quietHours.enabled;
      this.shown = untouched
        ? { ...settings, quietHours: { ...settings.quietHours, timeZone: browserTimeZone() } }
        : settings;
      return settings;
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${t.notificationSettings.title}</h2>
        <p class="intro">${t.notificationSettings.intro}</p>
        ${this.renderForSession(this.load, t.notificationSettings, () => this.renderSettings())}
        ${this.actionError ? html`<p part="action-error" class="error" role="alert">${this.actionError}</p>` : nothing}
        <div class="visually-hidden" role="status">${this.announcement ? html`<span part="notice">${this.announcement}</span>` : nothing}</div>
      </section>
    `;
  }

  private renderSettings(): TemplateResult {
    const t = this.t;
    const settings = this.shown!;
    const categories = [...new Set(settings.preferences.map((p) => p.category))];
    const pushAvailable = pushSupported();
    return html`
      ${categories.map((category) =>
        renderPreferenceTable(
          t,
          category,
          settings.preferences.filter((p) => p.category === category),
          { pushAvailable, onChange: this.onPreferenceChange },
        ),
      )}
      ${pushAvailable ? nothing : html`<p part="push-note" class="note">${t.notificationSettings.pushUnavailable}</p>`}
      ${renderQuietHours(t, settings.quietHours, this.onQuietHoursChange)}
      ${
        this.pushDevices
          ? renderPushDevices(t, this.pushDevices, {
              removing: this.removing,
              onRemove: (device) => void this.removePushDevice(device),
            })
          : nothing
      }
    `;
  }

  /** Reads the push devices again (this browser may just have subscribed). */
  private async refreshPushDevices(): Promise<void> {
    const key = this.sessionKey;
    const answer = await this.session.store.api.call('GET /api/push/subscriptions').catch(() => null);
    if (answer && this.sessionKey === key) this.pushDevices = answer.devices;
  }

  private readonly removePushDevice = async (device: PushDevice): Promise<void> => {
    if (this.removing) return;
    this.removing = device.id;
    this.actionError = '';
    this.announcement = '';
    try {
      await this.session.store.api.call('DELETE /api/push/subscriptions/:id', { params: { id: device.id } });
      this.pushDevices = (this.pushDevices ?? []).filter((d) => d.id !== device.id);
      this.announcement = this.t.notificationSettings.pushDeviceRemoved(pushDeviceLabel(this.t, device));
    } catch (error) {
      this.actionError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.removing = null;
    }
  };

  private readonly onPreferenceChange = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    const eventType = control.closest('tr')?.dataset.event;
    const before = this.shown?.preferences.find((p) => p.eventType === eventType);
    if (!before || !eventType) return;
    const change: Partial<NotificationPreference> =
      control.name === 'frequency'
        ? { frequency: control.value as NotificationPreference['frequency'] }
        : { [control.name as Channel]: (control as HTMLInputElement).checked };
    void this.save(
      (s) => ({ ...s, preferences: s.preferences.map((p) => (p.eventType === eventType ? { ...p, ...change } : p)) }),
      async () => {
        // Push on: this browser subscribes first (the permission prompt belongs to this click).
        if (change.push === true) {
          const permission = await enablePush(this.session.store.api, { serviceWorkerUrl: this.pushWorkerUrl });
          if (permission !== 'granted') throw new PushRefused(this.t.notificationSettings.pushDenied);
        }
        const saved = await this.session.store.api.call('PUT /api/notifications/preferences/:eventType', {
          params: { eventType },
          body: change,
        });
        if (change.push === true) void this.refreshPushDevices();
        return (s) => ({ ...s, preferences: s.preferences.map((p) => (p.eventType === eventType ? saved : p)) });
      },
      eventType,
    );
  };

  private readonly onQuietHoursChange = (event: Event): void => {
    const group = (event.currentTarget as HTMLElement) ?? this.renderRoot;
    const next: QuietHoursSettings = readQuietHours(group);
    // A time being typed is not whole yet; it is saved once it is.
    if (next.enabled && (!next.start || !next.end)) return;
    const previous = this.shown?.quietHours;
    // Turning quiet hours on shows the rest of the group with the values it had.
    const body = previous && !previous.enabled && next.enabled ? { ...previous, enabled: true } : next;
    void this.save(
      (s) => ({ ...s, quietHours: body }),
      async () => {
        const saved = await this.session.store.api.call('PUT /api/notifications/quiet-hours', { body });
        return (s) => ({ ...s, quietHours: saved });
      },
      null,
    );
  };

  /**
   * Shows `optimistic` at once and sends the change; applies the server's answer, or goes back to
   * what was shown before (the control too) with the reason.
   */
  private async save(
    optimistic: (s: NotificationSettings) => NotificationSettings,
    send: () => Promise<(s: NotificationSettings) => NotificationSettings>,
    eventType: string | null,
  ): Promise<void> {
    const before = this.shown;
    if (!before) return;
    this.shown = optimistic(before);
    this.actionError = '';
    this.announcement = '';
    try {
      const apply = await send();
      this.shown = apply(this.shown);
      this.announcement = this.t.notificationSettings.saved;
      this.emit('acct-notification-preference-change', { eventType });
    } catch (error) {
      this.shown = { ...before };
      const reason = error instanceof PushRefused ? error.message : errorMessage(this.t, error);
      this.actionError = `${this.t.notificationSettings.saveFailed} ${reason}`;
      this.emit('acct-error', errorDetail(this.t, error));
      // Lit sets `.checked` / `.value` only when the bound value changes: put the controls back by hand.
      await this.updateComplete;
      this.restoreControls();
    }
  }

  private restoreControls(): void {
    const settings = this.shown;
    if (!settings) return;
    for (const row of this.renderRoot.querySelectorAll<HTMLTableRowElement>('tr[data-event]')) {
      const p = settings.preferences.find((x) => x.eventType === row.dataset.event);
      if (!p) continue;
      for (const box of row.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
        box.checked = p[box.name as Channel];
      const select = row.querySelector<HTMLSelectElement>('select');
      if (select) select.value = p.frequency;
    }
    const enabled = this.renderRoot.querySelector<HTMLInputElement>('[name="quiet.enabled"]');
    if (enabled) enabled.checked = settings.quietHours.enabled;
  }
}
