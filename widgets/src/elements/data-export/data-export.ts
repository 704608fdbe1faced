/**
 * `<acct-data-export>`: the signed-in user asks for a copy of their data (`POST
 * /api/me/data-exports`, JSON or CSV), follows its preparation (polling while one is pending or
 * processing) and downloads it; below, the history of their exports with dates, sizes and which
 * have expired. The download link is the server's signed, expiring, single-user address, which
 * also needs the user's session: on a click the element fetches it with the session the page
 * has — the bearer token cross-site, else the cookie — and saves the file from memory, so it works
 * on every session transport. The mail that says the export is ready carries the same link
 * (followed in a browser, it needs a cookie session on acct's origin).
 * This module only declares the class; `define.ts` registers it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { DataExport, DataExportFormat, DataExportList } from '../../../../contract/data-export.js';
import { archiveFileName } from '../../../../contract/constants.js';
import { AccountElement } from '../../core/account-element.js';
import { errorDetail } from '../../core/events.js';
import { fullDateTime } from '../../core/time-format.js';
import { errorMessage } from '../../core/i18n/index.js';
import { Poller } from '../../core/poller.js';
import { dataExportStyles } from './data-export.styles.js';

const inMaking = (e: DataExport) => e.status === 'pending' || e.status === 'processing';

/**
 * Asks for, follows and downloads a copy of the signed-in user's data.
 *
 * @summary Download your data: request an export, follow it, download it, see past exports.
 *
 * @tag acct-data-export
 *
 * @slot signed-out - Shown instead of the form while nobody is signed in; defaults to a short message.
 *
 * @fires {CustomEvent<{ export: DataExport }>} acct-data-export-requested - The user asked for an
 * export and the server accepted; `detail.export` is the new request (status `pending`).
 * @fires {CustomEvent<{ export: DataExport; file: File }>} acct-data-export-downloaded - An archive was
 * fetched and handed to the browser to save; `detail.file` is it, with its name.
 * @fires {CustomEvent<AcctErrorDetail>} acct-error - Asking for an export failed (for instance one
 * is already being prepared), a download failed (the link expired, the session ended), or loading
 * the list again after "Try again" failed; `detail` is `{ code, status, message }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart description - The introduction.
 * @csspart form - The format choice and the request button.
 * @csspart button - Every button, and the download links.
 * @csspart primary-button - The "Request my data" button (with `button`).
 * @csspart download-button - A "Download" link (with `button`).
 * @csspart action-error - Why the request was refused.
 * @csspart status - The "being prepared" message, and the loading message.
 * @csspart section-title - The history's heading.
 * @csspart list - The history.
 * @csspart item - An export's row.
 * @csspart badge - An export's status.
 * @csspart details - An export's dates and size.
 * @csspart empty - The message when there is no export yet.
 * @csspart signed-out - The default content of the `signed-out` slot.
 * @csspart error - The message when the list could not be loaded.
 * @csspart retry-button - The button that loads the list again.
 *
 * @cssproperty [--acct-data-export-max-width=40rem] - The widest the card grows.
 */
export class AcctDataExport extends AccountElement {
  static override stringAreas = ['account'] as const;

  static override styles = [AccountElement.styles, dataExportStyles];

  /** Seconds between two looks at an export being prepared (1–60). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 3;

  @state() private format: DataExportFormat = 'json';
  @state() private requesting = false;
  @state() private requestError = '';
  /** The export being downloaded. */
  @state() private downloading: string | null = null;
  /** The newest list, from a poll or after a request (newer than the task's). */
  @state() private latest: DataExportList | undefined;

  private readonly load = new Task(this, {
    task: async ([store, key], { signal }): Promise<DataExportList | undefined> => {
      if (!key) return undefined;
      const list = await store.api.call('GET /api/me/data-exports', {}, { signal });
      this.latest = undefined;
      this.requestError = '';
      return list;
    },
    args: () => [this.session.store, this.sessionKey] as const,
  });

  constructor() {
    super();
    new Poller(
      this,
      () => Math.min(60, Math.max(1, this.pollInterval || 3)) * 1000,
      () => this.refresh(),
      () => this.sessionKey !== null && this.load.status === TaskStatus.COMPLETE && this.exports.some(inMaking),
    );
  }

  private get exports(): DataExport[] {
    return (this.latest ?? this.load.value)?.exports ?? [];
  }

  /**
   * Reads the list now (it also does so every `poll-interval` seconds while an export is being
   * prepared); nothing while nobody is signed in.
   */
  async refresh(): Promise<void> {
    if (await this.nobodySignedIn()) return;
    const key = this.sessionKey;
    const list = await this.session.store.api.call('GET /api/me/data-exports');
    if (this.sessionKey === key) this.latest = list;
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`
      <section part="base" class="base" lang=${t.$lang} aria-labelledby="title">
        <h2 part="title" id="title" tabindex="-1">${t.dataExport.title}</h2>
        ${this.renderForSession(this.load, t.dataExport, () => this.renderContent())}
      </section>
    `;
  }

  private renderContent(): TemplateResult {
    const s = this.t.dataExport;
    const exports = this.exports;
    const busy = exports.some(inMaking);
    return html`
      <p part="description">${s.intro}</p>
      <form part="form" @submit=${this.request}>
        <fieldset ?disabled=${busy || this.requesting}>
          <legend>${s.format}</legend>
          ${(['json', 'csv'] as const).map(
            (format) => html`<label
              ><input
                type="radio"
                name="format"
                value=${format}
                .checked=${this.format === format}
                @change=${() => (this.format = format)}
              />${s[format]}</label
            >`,
          )}
        </fieldset>
        <button
          part="button primary-button"
          class="primary"
          type="submit"
          ?disabled=${busy || this.requesting}
          aria-busy=${this.requesting ? 'true' : 'false'}
        >
          ${s.request}
        </button>
      </form>
      <div role="status">${busy ? html`<p part="status" class="status">${s.preparing}</p>` : nothing}</div>
      ${this.requestError ? html`<p part="action-error" class="error" role="alert">${this.requestError}</p>` : nothing}
      <h3 part="section-title">${s.history}</h3>
      ${
        exports.length
          ? html`<ul part="list">
            ${exports.map((e) => this.renderRow(e))}
          </ul>`
          : html`<p part="empty" class="status">${s.empty}</p>`
      }
    `;
  }

  private renderRow(e: DataExport): TemplateResult {
    const s = this.t.dataExport;
    const lang = this.t.$lang;
    const requested = fullDateTime(lang, new Date(e.createdAt));
    const size =
      e.fileSizeBytes === null
        ? null
        : new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
            Math.max(1, Math.ceil(e.fileSizeBytes / 1024)),
          );
    const details = [
      s.formatName[e.format] ?? e.format,
      size,
      s.requestedAt(requested),
      e.status === 'ready' && e.expiresAt ? s.availableUntil(fullDateTime(lang, new Date(e.expiresAt))) : null,
    ].filter(Boolean);
    return html`<li part="item" class=${e.status} data-export=${e.id}>
      <div>
        <span part="badge" class="badge">${s.status[e.status] ?? e.status}</span>
        <p part="details" class="details">${details.join(' · ')}</p>
      </div>
      ${
        e.status === 'ready' && e.downloadUrl
          ? html`<a
            part="button download-button"
            class="button"
            href=${e.downloadUrl}
            download=${archiveFileName(e.format, new Date(e.createdAt))}
            aria-busy=${this.downloading === e.id ? 'true' : 'false'}
            aria-label=${s.downloadLabel(s.formatName[e.format] ?? e.format, requested)}
            @click=${(event: MouseEvent) => this.download(event, e)}
            >${s.download}</a
          >`
          : nothing
      }
    </li>`;
  }

  /**
   * Fetches the archive with the page's session and saves it from memory (an object URL), instead
   * of letting the browser follow the link, which carries a cookie at best: with a bearer session
   * the server would not know who asks.
   */
  private async download(event: MouseEvent, e: DataExport): Promise<void> {
    event.preventDefault();
    if (this.downloading || !e.downloadUrl) return;
    this.downloading = e.id;
    this.requestError = '';
    try {
      // The link's path on this element's server: the address the server wrote may be another
      // name of it (its public URL), and the session's token must go nowhere else.
      const link = new URL(e.downloadUrl, this.session.store.api.baseUrl);
      const blob = await this.session.store.api.download(link.pathname + link.search);
      const file = new File([blob], archiveFileName(e.format, new Date(e.createdAt)), { type: blob.type });
      const url = URL.createObjectURL(file);
      const save = Object.assign(document.createElement('a'), { href: url, download: file.name, hidden: true });
      this.renderRoot.appendChild(save);
      save.click();
      save.remove();
      // Long enough for the browser to start saving; then the memory goes back.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.emit('acct-data-export-downloaded', { export: e, file });
    } catch (error) {
      this.requestError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
    } finally {
      this.downloading = null;
    }
  }

  private async request(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.requesting) return;
    this.requesting = true;
    this.requestError = '';
    try {
      const { export: created } = await this.session.store.api.call('POST /api/me/data-exports', {
        body: { format: this.format },
      });
      this.latest = { exports: [created, ...this.exports.filter((e) => e.id !== created.id)] };
      this.emit('acct-data-export-requested', { export: created });
      // The button is disabled while the export is prepared: focus goes to the card's heading
      // rather than the page's start.
      await this.focusAfterUpdate('h2');
    } catch (error) {
      this.requestError = errorMessage(this.t, error);
      this.emit('acct-error', errorDetail(this.t, error));
      // The refusal may come from an export started elsewhere (another tab): show it.
      await this.refresh().catch(() => undefined);
    } finally {
      this.requesting = false;
    }
  }
}
