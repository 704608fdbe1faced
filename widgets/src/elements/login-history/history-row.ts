/**
 * One row of `<acct-login-history>`: what happened (signed in, sign-in failed, signed out, password
 * reset or changed), how, from which device and place, and when. A failure is set apart three
 * ways, never by colour alone: a cross icon instead of a check, a "Failed" badge in words, and its
 * reason when the server gives one.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoginEvent } from '../../../../contract/login-history.js';
import { fullDateTime, relativeTime } from '../../core/time-format.js';
import { browserText, deviceName, methodText, placeText } from '../../core/device-format.js';
import { icon, type IconName } from '../../core/icons.js';
import type { Translation } from '../../core/i18n/index.js';
import { leftToRight } from '../../core/views.js';

function eventIcon(event: LoginEvent): IconName {
  if (!event.success) return 'failure';
  return event.eventType === 'login_success' ? 'success' : 'activity';
}

export function renderHistoryRow(event: LoginEvent, t: Translation, now: Date): TemplateResult {
  const failed = !event.success;
  const when = new Date(event.createdAt);
  // "Password · Windows computer · Chrome 120 on Windows 10": the device's name is composed here,
  // in the reader's language, unless the server knew a real one (core/device-format.ts).
  const device = event.device ? deviceName(t, event.device) : null;
  const browser = event.device ? browserText(t, event.device.browser, event.device.os) : null;
  const details = [methodText(t, event.method), device, browser].filter(Boolean).join(' · ');
  const reason = event.failureReason ? (t.history.reasons[event.failureReason] ?? event.failureReason) : null;
  return html`
    <li part=${failed ? 'item failure' : 'item'} class=${failed ? 'failure' : ''} tabindex="-1" data-event=${event.id}>
      <span class="icon">${icon(eventIcon(event))}</span>
      <div class="main">
        <p class="title">
          <span part="event">${t.history.events[event.eventType] ?? t.history.events.unknown}</span>
          ${failed ? html`<span part="badge failure-badge" class="badge">${t.history.failed}</span>` : nothing}
        </p>
        ${details ? html`<p part="details" class="meta">${details}</p>` : nothing}
        <p part="details" class="meta">
          ${placeText(t, event.location)}${event.ipAddress ? html` · ${leftToRight(event.ipAddress)}` : nothing}
        </p>
        ${reason ? html`<p part="details reason" class="meta">${t.history.reason(reason)}</p>` : nothing}
      </div>
      <time class="meta row-end" datetime=${event.createdAt} title=${fullDateTime(t.$lang, when)}>${relativeTime(t.$lang, when, now)}</time>
    </li>
  `;
}
