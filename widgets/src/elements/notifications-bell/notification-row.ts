/**
 * One row of `<acct-notifications-bell>`'s list: a dot (and hidden words) for unread, the title
 * (a link when the notification leads somewhere), its body and when it came, and "Mark as read".
 * A template function; the element passes the handler. Title and body are the site's text, in
 * whatever language it wrote them: each in a `<bdi>` keeps its own direction (an English title's
 * closing quote and full stop stay at its end on an Arabic page), the row aligned as the page is.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AppNotification } from '../../../../contract/notifications.js';
import { fullDateTime, relativeTime } from '../../core/time-format.js';
import type { Translation } from '../../core/i18n/index.js';

/** Only https links are followed (the server accepts no other); anything else shows as text. */
const safeUrl = (url: string | null) => (url && /^https:\/\//i.test(url) ? url : null);

export function renderNotificationRow(
  t: Translation,
  n: AppNotification,
  now: Date,
  markRead: (event: Event) => void,
): TemplateResult {
  const texts = t.notificationsBell;
  const url = safeUrl(n.url);
  const date = new Date(n.createdAt);
  return html`
    <li part=${n.readAt ? 'item' : 'item unread-item'} class=${n.readAt ? 'read' : 'unread'} data-id=${n.id}>
      <span class="dot" aria-hidden="true"></span>
      <div class="main">
        <p class="title">
          ${n.readAt ? nothing : html`<span class="visually-hidden">${texts.unread}: </span>`}
          ${url ? html`<a part="link" href=${url}><bdi>${n.title}</bdi></a>` : html`<bdi>${n.title}</bdi>`}
        </p>
        ${n.body ? html`<p part="body" class="meta body"><bdi>${n.body}</bdi></p>` : nothing}
        <p class="meta">
          <time datetime=${n.createdAt} title=${fullDateTime(t.$lang, date)}>${relativeTime(t.$lang, date, now)}</time>
        </p>
      </div>
      <div class="row-actions">
        ${
          n.readAt
            ? nothing
            : html`<button part="button mark-read-button" class="small" type="button" data-id=${n.id}
              aria-label=${texts.markReadLabel(n.title)} @click=${markRead}>${texts.markRead}</button>`
        }
      </div>
    </li>
  `;
}
