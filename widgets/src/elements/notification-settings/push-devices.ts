/**
 * The push devices of `<acct-notification-settings>`: the browsers this account receives push
 * notifications on (`GET /api/push/subscriptions`), each named from its User-Agent as the sessions
 * list names devices, with when it was added and a "Remove" button — from any browser, so a lost
 * laptop stops getting them.
 */
import { html, type TemplateResult } from 'lit';
import type { PushDevice } from '../../../../contract/push.js';
import { fullDateTime } from '../../core/time-format.js';
import { deviceName } from '../../core/device-format.js';
import type { Translation } from '../../core/i18n/index.js';

/** "iPhone — Mobile Safari 17", or the name alone when the browser is not known. */
export function pushDeviceLabel(t: Translation, device: PushDevice): string {
  const name = deviceName(t, { type: device.deviceType, name: device.deviceName, os: device.os });
  return device.browser ? `${name} — ${device.browser}` : name;
}

export function renderPushDevices(
  t: Translation,
  devices: readonly PushDevice[],
  { removing, onRemove }: { removing: string | null; onRemove: (device: PushDevice) => void },
): TemplateResult {
  const s = t.notificationSettings;
  return html`<section part="push-devices" class="push-devices" aria-labelledby="push-devices-title">
    <h3 part="section-title" id="push-devices-title">${s.pushDevicesTitle}</h3>
    ${
      devices.length
        ? html`<ul part="list">
          ${devices.map((device) => {
            const label = pushDeviceLabel(t, device);
            return html`<li part="item" data-device=${device.id}>
              <div class="main">
                <p class="title">${label}</p>
                <p part="details" class="details">${s.pushDeviceAdded(fullDateTime(t.$lang, new Date(device.createdAt)))}</p>
              </div>
              <button part="button remove-device-button" type="button" ?disabled=${removing !== null}
                aria-label=${s.removePushDeviceLabel(label)} @click=${() => onRemove(device)}>${s.removePushDevice}</button>
            </li>`;
          })}
        </ul>`
        : html`<p part="empty" class="note">${s.pushDevicesEmpty}</p>`
    }
  </section>`;
}
