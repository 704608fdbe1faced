/**
 * The demo's dev outbox page: lists the mail the acct server kept instead of sending
 * (`GET /api/dev/outbox`, on when the server runs with a development outbox), newest first, with
 * each message's subject, recipient, time, text with clickable links, and its HTML version in a
 * sandboxed frame. Plain DOM code: text goes in as text nodes, never as markup, so a message
 * cannot inject anything into this page. The server's address comes from the page's
 * `data-acct-server` (written by the demo's Vite plugin), as inline scripts are not used.
 */

import type { OutboxMessage } from '../../contract/mail';

const main = document.querySelector<HTMLElement>('[data-acct-server]');
const list = document.querySelector<HTMLElement>('.outbox-list');
const statusLine = document.querySelector<HTMLElement>('.outbox-status');
const refreshButton = document.querySelector<HTMLButtonElement>('.outbox-refresh');
const server = main?.dataset.acctServer?.replace(/\/+$/, '') ?? '';

/** An element with the given text (as a text node). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** `text` with every http(s) URL turned into a link; only http(s), so no `javascript:` can sneak in. */
function linkified(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const start = match.index ?? 0;
    fragment.append(text.slice(last, start));
    const link = el('a', match[0]);
    link.href = match[0];
    fragment.append(link);
    last = start + match[0].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

function renderMessage(message: OutboxMessage): HTMLElement {
  const article = el('article', undefined, 'mail');
  article.append(el('h2', message.subject));

  const meta = el('p', undefined, 'mail-meta');
  const when = el('time', new Date(message.createdAt).toLocaleString());
  when.dateTime = message.createdAt;
  meta.append(`To ${message.to} · `, when, ` · ${message.template}`);
  article.append(meta);

  const body = el('pre', undefined, 'mail-text');
  body.append(linkified(message.text));
  article.append(body);

  if (message.html) {
    const details = el('details');
    details.append(el('summary', 'HTML version'));
    const frame = el('iframe');
    // An empty sandbox: no scripts, no forms, no navigation from the mail's own markup.
    frame.setAttribute('sandbox', '');
    frame.title = `HTML version of “${message.subject}”`;
    frame.srcdoc = message.html;
    details.append(frame);
    article.append(details);
  }
  return article;
}

async function refresh(): Promise<void> {
  if (!list || !statusLine) return;
  statusLine.textContent = 'Loading…';
  try {
    const response = await fetch(`${server}/api/dev/outbox`, { headers: { Accept: 'application/json' } });
    if (response.status === 404) {
      statusLine.textContent =
        'This acct server keeps no outbox: it sends real mail, or was started without ACCT_DEV_OUTBOX=true (npm start turns it on).';
      list.replaceChildren();
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { messages } = (await response.json()) as { messages: OutboxMessage[] };
    list.replaceChildren(...messages.map(renderMessage));
    statusLine.textContent = messages.length
      ? `${messages.length} message${messages.length === 1 ? '' : 's'}, newest first.`
      : 'No mail yet. Create an account on the sign-in page, or ask for a password reset.';
  } catch (error) {
    statusLine.textContent = `The outbox could not be loaded from ${server} (${String(error)}). Is the acct server running?`;
  }
}

refreshButton?.addEventListener('click', () => void refresh());
// Mail sent from another tab shows up when the visitor comes back to this one.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refresh();
});
void refresh();
