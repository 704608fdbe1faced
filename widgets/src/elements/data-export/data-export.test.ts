/**
 * `<acct-data-export>` against the real servers: a request built by the server's job runner and
 * followed until it can be downloaded; the history with statuses, sizes, dates and a download
 * link only while ready; an export being prepared followed by polling until it is ready; a
 * request refused because another tab started one (the error said, the list brought up to date);
 * the download on a bearer session (cross-site, no cookie: fetched with the token and saved from
 * memory), and a link that fails said; French; the signed-out slot. Histories are written in a given state by the `acct-data-export`
 * server command.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { testServers } from 'acct-test-env';
import type { AcctDataExportDownloadedDetail, AcctErrorDetail } from '../../../../contract/events.js';
import { retryThatFails, runBaseSuite } from '../../testing/base-suite.js';
import {
  $,
  element,
  nextEvent,
  requestsDuring,
  signInNewAccount,
  signOutEverywhere,
  text,
} from '../../testing/helpers.js';
import { AcctDataExport } from './define.js';

beforeEach(signOutEverywhere);

const rows = (el: AcctDataExport) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[part~="item"]')];

/** Writes an export of `email` in `status` (or moves export `id` to it); its id. */
const exportRow = (payload: { email?: string; id?: string; status: string; format?: string; downloadUrl?: string }) =>
  executeServerCommand<string, Record<string, unknown>>('acct-data-export', payload);

/** A new account signed in on this page, with `exports` (statuses, oldest first) already made. */
function accountWithExports(server: string, statuses: string[] = []) {
  return signInNewAccount(server, {
    before: async (email) => {
      for (const status of statuses)
        await exportRow({ email, status, downloadUrl: `${server}/api/me/data-exports/x/download?token=t` });
    },
  });
}

const create = (attributes: Record<string, string>): AcctDataExport => element('acct-data-export', attributes);

const listed = (atLeast: number) => (el: AcctDataExport) =>
  waitUntil(() => rows(el).length >= atLeast, `fewer than ${atLeast} exports listed`, { timeout: 4000 });

runBaseSuite<AcctDataExport>({
  tag: 'acct-data-export',
  elementClass: AcctDataExport,
  states: [
    {
      name: 'signed out',
      create: () => create({ server: testServers.instant }),
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]')),
    },
    {
      name: 'with a ready and an expired export',
      create: () => create({ server: testServers.instant }),
      ready: async (el) => {
        await accountWithExports(testServers.instant, ['expired', 'ready']);
        await listed(2)(el);
      },
    },
    {
      name: 'dark, with one being prepared',
      create: () => create({ server: testServers.instant, theme: 'dark' }),
      ready: async (el) => {
        await accountWithExports(testServers.instant, ['ready', 'pending']);
        await listed(2)(el);
      },
    },
  ],
  events: [retryThatFails(() => create({ server: testServers.unreachable }))],
});

describe('<acct-data-export>', () => {
  it('lists the exports newest first, with status, format, size and dates, and a download link only while ready', async () => {
    await accountWithExports(testServers.instant, ['expired', 'ready']);
    const el = await fixture<AcctDataExport>(html`<acct-data-export server=${testServers.instant}></acct-data-export>`);
    await listed(2)(el);
    const [ready, expired] = rows(el);
    expect(text(ready!.querySelector('[part~="badge"]'))).to.equal('Ready');
    expect(text(ready!.querySelector('[part~="details"]'))).to.match(
      /^JSON · 5 kB · Requested .+ · Available until .+\d{4}/,
    );
    const link = ready!.querySelector<HTMLAnchorElement>('a[part~="download-button"]')!;
    expect(link.href).to.contain('/api/me/data-exports/');
    expect(link.hasAttribute('download')).to.equal(true);
    expect(link.getAttribute('aria-label')).to.match(/^Download the JSON export of /);
    expect(text(expired!.querySelector('[part~="badge"]'))).to.equal('Expired');
    expect(expired!.querySelector('a'), 'no link once expired').to.equal(null);
    expect($(el, '[part~="status"]'), 'nothing being prepared').to.equal(null);
    expect(($(el, '[part~="primary-button"]') as HTMLButtonElement).disabled).to.equal(false);
  });

  it('reads nothing on refresh() while nobody is signed in, asking the server nothing', async () => {
    const sent = await requestsDuring(async () => {
      const el = await fixture<AcctDataExport>(
        html`<acct-data-export server=${testServers.instant}></acct-data-export>`,
      );
      await el.refresh();
    });
    expect(sent.filter((url) => url.includes('/api/me/data-exports'))).to.deep.equal([]);
  });

  it('follows an export being prepared until it is ready', async () => {
    const account = await accountWithExports(testServers.instant, []);
    const id = await exportRow({ email: account.email, status: 'processing' });
    const el = await fixture<AcctDataExport>(
      html`<acct-data-export server=${testServers.instant} poll-interval="1"></acct-data-export>`,
    );
    await listed(1)(el);
    expect(text($(el, '[part~="status"]'))).to.match(/being prepared/);
    expect(($(el, '[part~="primary-button"]') as HTMLButtonElement).disabled, 'one at a time').to.equal(true);
    await exportRow({
      id,
      status: 'ready',
      downloadUrl: `${testServers.instant}/api/me/data-exports/${id}/download?token=t`,
    });
    await waitUntil(() => $(el, 'a[part~="download-button"]'), 'the poll did not bring the ready export', {
      timeout: 5000,
    });
    expect($(el, '[part~="status"]')).to.equal(null);
  });

  it('requests an export, follows it while the server builds it, and offers the download', async () => {
    await accountWithExports(testServers.instant, []);
    const el = await fixture<AcctDataExport>(
      html`<acct-data-export server=${testServers.instant} poll-interval="1"></acct-data-export>`,
    );
    await waitUntil(() => $(el, '[part~="empty"]'), 'no empty list');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="csv"]')!.click();
    const requested = nextEvent<{ export: { status: string; format: string } }>(el, 'acct-data-export-requested');
    ($(el, '[part~="primary-button"]') as HTMLButtonElement).click();
    const { detail } = await requested;
    expect([detail.export.status, detail.export.format]).to.deep.equal(['pending', 'csv']);
    // The button is disabled meanwhile: focus is on the heading, not lost to the page's start.
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="title"]'), 'focus was lost');
    await waitUntil(() => $(el, 'a[part~="download-button"]'), 'the export did not become ready', { timeout: 15000 });
    expect(text(rows(el)[0]!.querySelector('[part~="details"]'))).to.match(/^CSV · \d+ kB · /);
  });

  it('says why a request is refused when another tab started one, and shows that one', async () => {
    const account = await accountWithExports(testServers.instant, []);
    const el = await fixture<AcctDataExport>(html`<acct-data-export server=${testServers.instant}></acct-data-export>`);
    await waitUntil(() => $(el, '[part~="empty"]'), 'no empty list');
    await exportRow({ email: account.email, status: 'pending' });
    const csv = el.shadowRoot!.querySelector<HTMLInputElement>('input[value="csv"]')!;
    csv.click();
    const failed = nextEvent<{ code: string }>(el, 'acct-error');
    ($(el, '[part~="primary-button"]') as HTMLButtonElement).click();
    expect((await failed).detail.code).to.equal('export_in_progress');
    await waitUntil(() => $(el, '[part~="action-error"]'));
    expect(text($(el, '[part~="action-error"]'))).to.equal(
      'An export is already being prepared. Wait until it is ready.',
    );
    await listed(1)(el);
    expect(text(rows(el)[0]!.querySelector('[part~="badge"]'))).to.equal('Waiting');
  });

  it('downloads on a bearer session (cross-site, no cookie): the archive fetched with the token', async () => {
    const { email } = await accountWithExports(testServers.bearer, []);
    const el = await fixture<AcctDataExport>(
      html`<acct-data-export server=${testServers.bearer} poll-interval="1"></acct-data-export>`,
    );
    await waitUntil(() => $(el, '[part~="empty"]'), 'no empty list');
    const requested = nextEvent(el, 'acct-data-export-requested');
    ($(el, '[part~="primary-button"]') as HTMLButtonElement).click();
    await requested;
    await waitUntil(() => $(el, 'a[part~="download-button"]'), 'the export did not become ready', { timeout: 15000 });
    const downloaded = nextEvent<AcctDataExportDownloadedDetail>(el, 'acct-data-export-downloaded');
    $(el, 'a[part~="download-button"]')!.click();
    const { file } = (await downloaded).detail;
    expect(file.name).to.match(/^account-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect($(el, 'a[part~="download-button"]')!.getAttribute('download')).to.equal(file.name);
    const archive = await (file as File).text();
    expect(JSON.parse(archive), 'a JSON archive').to.be.an('object');
    expect(archive).to.contain(email);
    expect(location.href, 'the page stayed').to.not.contain('/download');
  });

  it('says why a download failed, and fires acct-error', async () => {
    await accountWithExports(testServers.bearer, ['ready']);
    const el = await fixture<AcctDataExport>(html`<acct-data-export server=${testServers.bearer}></acct-data-export>`);
    await listed(1)(el);
    const failed = nextEvent<AcctErrorDetail>(el, 'acct-error');
    $(el, 'a[part~="download-button"]')!.click();
    expect((await failed).detail.code).to.equal('not_found');
    await waitUntil(() => $(el, '[part~="action-error"]'), 'no reason shown');
  });

  it('speaks French', async () => {
    await accountWithExports(testServers.instant, ['ready']);
    const el = await fixture<AcctDataExport>(
      html`<acct-data-export server=${testServers.instant} lang="fr"></acct-data-export>`,
    );
    await listed(1)(el);
    expect(text($(el, 'h2'))).to.equal('Télécharger vos données');
    expect(text(rows(el)[0]!.querySelector('[part~="badge"]'))).to.equal('Prêt');
    expect(text($(el, 'a[part~="download-button"]'))).to.equal('Télécharger');
  });

  it('shows the signed-out slot, and the form once someone signs in', async () => {
    const el = await fixture<AcctDataExport>(html`<acct-data-export server=${testServers.instant}></acct-data-export>`);
    await waitUntil(() => $(el, 'slot[name="signed-out"]'));
    expect(text($(el, '[part="signed-out"]'))).to.equal('Sign in to download your data.');
    await accountWithExports(testServers.instant, []);
    await waitUntil(() => $(el, '[part~="empty"]'), 'no form after signing in');
  });
});
