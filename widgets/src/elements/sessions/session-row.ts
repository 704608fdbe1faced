/**
 * One row of `<acct-sessions>`: the device (icon, name, type, browser and system), where it was
 * last seen and when, the "This device" badge, and either its "Sign out" button or the inline
 * confirmation that replaces it. A template function; the element passes what to show and the
 * handlers, which Lit calls with the element as `this`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DeviceSession } from '../../../../contract/sessions.js';
import { fullDateTime, relativeTime } from '../../core/time-format.js';
import { browserText, deviceKind, deviceName, methodText, placeText } from '../../core/device-format.js';
import { icon } from '../../core/icons.js';
import type { Translation } from '../../core/i18n/index.js';
import { leftToRight, renderInlineConfirm } from '../../core/views.js';

/** What a row is called, in its title and in messages: "iPhone", "Windows computer" (core/device-format.ts). */
export function deviceLabel(t: Translation, session: DeviceSession): string {
  return deviceName(t, { type: session.deviceType, name: session.deviceName, os: session.os });
}

export interface RowState {
  t: Translation;
  /** This row's confirmation is open. */
  confirming: boolean;
  busy: boolean;
  now: Date;
}

export interface RowHandlers {
  ask(event: Event): void;
  confirm(event: Event): void;
  cancel(event: Event): void;
  confirmKeydown(event: KeyboardEvent): void;
}

export function renderSessionRow(
  session: DeviceSession,
  { t, confirming, busy, now }: RowState,
  on: RowHandlers,
): TemplateResult {
  const kind = deviceKind(session.deviceType);
  const label = deviceLabel(t, session);
  const lastActive = new Date(session.lastActiveAt);
  const method = methodText(t, session.method);
  // The title says what the device is; this line, which browser on which version of its system.
  const details = browserText(t, session.browser, session.os);
  return html`
    <li part=${session.current ? 'item current-item' : 'item'} data-session=${session.id}>
      <span class="icon">${icon(kind)}</span>
      <div class="main">
        <p class="title">
          <span part="device-name">${label}</span>
          ${session.current ? html`<span part="badge" class="badge">${t.sessions.thisDevice}</span>` : nothing}
        </p>
        ${details ? html`<p part="details" class="meta">${details}</p>` : nothing}
        <p part="details" class="meta">
          ${placeText(t, { city: session.city, country: session.country })}${session.ipAddress ? html` · ${leftToRight(session.ipAddress)}` : nothing}
        </p>
        <p part="details" class="meta">
          <time datetime=${session.lastActiveAt} title=${fullDateTime(t.$lang, lastActive)}>
            ${t.sessions.lastActive(relativeTime(t.$lang, lastActive, now))}
          </time>
          ${method ? html` · ${t.sessions.signedInWith(method)}` : nothing}
        </p>
      </div>
      <div class="row-actions">
        ${
          session.current || confirming
            ? nothing
            : html`<button part="button revoke-button" class="small" type="button" data-id=${session.id} aria-label=${t.sessions.revokeLabel(label)}
              ?disabled=${busy} @click=${on.ask}>${t.sessions.revoke}</button>`
        }
      </div>
      ${
        confirming
          ? renderInlineConfirm({
              id: session.id,
              question: t.sessions.confirmRevoke(label),
              confirmLabel: t.sessions.confirm,
              cancelLabel: t.sessions.cancel,
              busy,
              confirm: on.confirm,
              cancel: on.cancel,
              keydown: on.confirmKeydown,
            })
          : nothing
      }
    </li>
  `;
}
