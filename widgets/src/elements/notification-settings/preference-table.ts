/**
 * One category's table in `<acct-notification-settings>`: a row per event type with a check box
 * per channel (email, in the app, push) and the email frequency. Security rows are locked on
 * (disabled, with the reason as their description); the push column is disabled, with a note,
 * where this browser cannot receive Web Push (core/push.ts `pushSupported()`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { NOTIFICATION_FREQUENCIES } from '../../../../contract/constants.js';
import type { NotificationPreference } from '../../../../contract/notifications.js';
import type { Translation } from '../../core/i18n/index.js';

export type Channel = 'email' | 'inApp' | 'push';
const CHANNELS: Channel[] = ['email', 'inApp', 'push'];

/** The row's name: the site's own label, else acct's translated one, else the raw type. */
export function eventName(t: Translation, p: NotificationPreference): string {
  return (
    p.label ??
    t.steps.preferences.events[p.eventType] ??
    t.notificationSettings.events[p.eventType] ??
    p.eventType.replaceAll('_', ' ')
  );
}

export interface TableOptions {
  /** Push can be turned on from this browser. */
  pushAvailable: boolean;
  onChange: (event: Event) => void;
}

export function renderPreferenceTable(
  t: Translation,
  category: string,
  rows: NotificationPreference[],
  { pushAvailable, onChange }: TableOptions,
): TemplateResult {
  const s = t.steps.preferences;
  const texts = t.notificationSettings;
  const locked = rows.some((r) => !r.canDisable);
  const captionId = `category-${category}`;
  return html`<div class="table-wrap">
    <table part="table" aria-describedby=${locked ? 'locked-note' : nothing}>
      <caption id=${captionId}>${texts.categories[category] ?? category.replaceAll('_', ' ')}</caption>
      <thead>
        <tr>
          <th scope="col">${s.event}</th>
          ${CHANNELS.map((c) => html`<th scope="col">${s.channels[c]}</th>`)}
          <th scope="col">${s.frequency}</th>
        </tr>
      </thead>
      <tbody @change=${onChange}>
        ${rows.map((row) => {
          const name = eventName(t, row);
          const disabled = (channel: Channel) => !row.canDisable || (channel === 'push' && !pushAvailable);
          return html`<tr part="row" data-event=${row.eventType}>
            <th scope="row">${name}</th>
            ${CHANNELS.map(
              (channel) => html`<td>
                <label class="check">
                  <input type="checkbox" name=${channel} .checked=${row[channel]} ?disabled=${disabled(channel)}
                    aria-label=${s.channelFor(s.channels[channel]!, name)} />
                  <span class="cell-label" aria-hidden="true">${s.channels[channel]}</span>
                </label>
              </td>`,
            )}
            <td>
              <select part="select" name="frequency" aria-label=${`${s.frequency}: ${name}`} ?disabled=${!row.canDisable}>
                ${NOTIFICATION_FREQUENCIES.map((f) => html`<option value=${f} ?selected=${row.frequency === f}>${s.frequencies[f]}</option>`)}
              </select>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${locked ? html`<p part="locked-note" class="note" id="locked-note">${texts.locked}</p>` : nothing}
  </div>`;
}
