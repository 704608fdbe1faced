/**
 * `<acct-profile>` against the real servers: the name and mail language saved (and the page's
 * session learning them), a picture uploaded from a file and removed, a file that is not a picture
 * refused in words, the email change's "check your inbox" state and the link on its way, the
 * recent-sign-in refusal explained with "Sign in again", French, and the signed-out slot; the
 * avatar's initials those of `<acct-user-button>`, and the picture's button fitting 375 px in every language.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import { localize, translations } from '../../core/i18n/index.js';
import { runBaseSuite } from '../../testing/base-suite.js';
import {
  $,
  element,
  mailTo,
  nextEvent,
  signInNewAccount,
  signOutEverywhere,
  text,
  uniqueEmail,
} from '../../testing/helpers.js';
import { atPhoneWidth, expectFitsPhone } from '../../testing/layout.js';
import { cancelReauth } from '../../testing/reauth.js';
import { ageSession } from '../../testing/webauthn.js';
import '../user-button/define.js';
import { AcctProfile } from './define.js';

beforeEach(signOutEverywhere);

/** A 1×1 transparent PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** A new account, and this page signed in to it on `server`. */
const signedIn = (server = testServers.instant) => signInNewAccount(server);

const create = (attributes: Record<string, string>): AcctProfile => element('acct-profile', attributes);
const shown = (el: AcctProfile) => waitUntil(() => $(el, 'form'), 'the profile is not shown', { timeout: 4000 });

/** Picks `file` in the picture's file field, as the user would. */
function pick(el: AcctProfile, file: File): void {
  const input = $<HTMLInputElement>(el, '#avatar-file')!;
  const files = new DataTransfer();
  files.items.add(file);
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

runBaseSuite<AcctProfile>({
  tag: 'acct-profile',
  elementClass: AcctProfile,
  states: [
    {
      name: 'signed out',
      create: () => create({ server: testServers.instant }),
      ready: (el) => waitUntil(() => $(el, 'slot[name="signed-out"]')),
    },
    {
      name: 'signed in',
      create: () => create({ server: testServers.instant }),
      ready: async (el) => {
        await signedIn();
        await shown(el);
      },
    },
    {
      name: 'dark, changing the email',
      create: () => create({ server: testServers.instant, theme: 'dark' }),
      ready: async (el) => {
        await signedIn();
        await shown(el);
        $(el, '[part~="change-email-button"]')!.click();
        await waitUntil(() => $(el, 'input[name="email"]'));
      },
    },
  ],
  events: [
    {
      name: 'saving the profile',
      event: 'acct-profile-updated',
      create: () => create({ server: testServers.instant }),
      ready: async (el) => {
        await signedIn();
        await shown(el);
      },
      trigger: async (el) => $(el, 'form [part~="primary-button"]')!.click(),
    },
  ],
});

describe('<acct-profile>', () => {
  it('saves the name, the bio and the mail language, and the page’s session learns them', async () => {
    const { store } = await signedIn();
    const el = await fixture<AcctProfile>(html`<acct-profile server=${testServers.instant}></acct-profile>`);
    await shown(el);
    expect($<HTMLInputElement>(el, 'input[name="displayName"]')!.value).to.equal('Ada Lovelace');
    $<HTMLInputElement>(el, 'input[name="displayName"]')!.value = 'Grace Hopper';
    $<HTMLSelectElement>(el, 'select[name="locale"]')!.value = 'fr';
    $<HTMLTextAreaElement>(el, 'textarea[name="bio"]')!.value = 'Writes compilers.';
    const updated = nextEvent<{ user: { displayName: string; locale: string; bio: string } }>(
      el,
      'acct-profile-updated',
    );
    $(el, 'form [part~="primary-button"]')!.click();
    const { detail } = await updated;
    expect([detail.user.displayName, detail.user.locale, detail.user.bio]).to.deep.equal([
      'Grace Hopper',
      'fr',
      'Writes compilers.',
    ]);
    await waitUntil(() => text($(el, '[part="status"]')) === 'Profile saved.');
    expect(store.user?.displayName).to.equal('Grace Hopper');
  });

  it('uploads a picture, shows it, and removes it; a file that is not a picture is refused in words', async () => {
    await signedIn();
    const el = await fixture<AcctProfile>(html`<acct-profile server=${testServers.instant}></acct-profile>`);
    await shown(el);
    pick(el, new File(['<svg xmlns="http://www.w3.org/2000/svg"></svg>'], 'cat.png', { type: 'image/png' }));
    await waitUntil(() => text($(el, '[part="form-error"]')) === 'Choose a PNG, JPEG, WebP or GIF picture.');
    expect($(el, 'img[part="avatar"]')).to.equal(null);

    pick(el, new File([PNG], 'dot.png', { type: 'image/png' }));
    await waitUntil(() => $(el, 'img[part="avatar"]'), 'the picture is not shown');
    expect($<HTMLImageElement>(el, 'img[part="avatar"]')!.src).to.match(/\/avatars\/[0-9a-f-]+\/[0-9a-f]{64}$/);
    expect(text($(el, '[part="status"]'))).to.equal('Picture saved.');

    $(el, '[part~="remove-button"]')!.click();
    await waitUntil(() => !$(el, 'img[part="avatar"]'), 'the picture is still shown');
    expect(text($(el, '[part="status"]'))).to.equal('Picture removed.');
  });

  it('changes the email through a link: "check your inbox", shown again after a reload, cancelled', async () => {
    const { email, store } = await signedIn();
    const el = await fixture<AcctProfile>(html`<acct-profile server=${testServers.instant}></acct-profile>`);
    await shown(el);
    expect(text($(el, '.email'))).to.equal(email);
    $(el, '[part~="change-email-button"]')!.click();
    await waitUntil(() => $(el, 'input[name="email"]'));
    const to = uniqueEmail('new');
    $<HTMLInputElement>(el, 'input[name="email"]')!.value = to;
    const requested = nextEvent<{ email: string }>(el, 'acct-email-change-requested');
    $(el, '.email-form [part~="primary-button"]')!.click();
    expect((await requested).detail.email).to.equal(to);
    await waitUntil(() => text($(el, '.pending'))?.includes(to));
    expect(text($(el, '.pending'))).to.contain('Check your inbox');
    const mail = await mailTo(testServers.instant, to);
    expect(mail.text).to.contain('/auth/confirm-email-change?token=');

    // As after a reload: a new element reads the waiting change from the server, with its expiry.
    el.remove();
    const again = await fixture<AcctProfile>(html`<acct-profile server=${testServers.instant}></acct-profile>`);
    await waitUntil(
      () => text($(again, '.pending'))?.includes('The link works until'),
      'no pending change after reload',
    );
    expect(text($(again, '.pending'))).to.contain(to);
    $(again, '[part~="cancel-email-change-button"]')!.click();
    await waitUntil(() => text($(again, '[part="status"][role="status"]'))?.includes('The email change is cancelled'));
    expect($(again, '.pending')).to.equal(null);
    expect(text($(again, '.email'))).to.equal(email);
    expect((await store.api.call('GET /api/me/email')).pending, 'cancelled on the server').to.equal(null);
  });

  it('asks to confirm it is the user; after Cancel explains the refusal and offers to sign in again', async () => {
    const { store } = await signedIn();
    await ageSession(store.session!.id);
    const el = await fixture<AcctProfile>(html`<acct-profile server=${testServers.instant}></acct-profile>`);
    await shown(el);
    $(el, '[part~="change-email-button"]')!.click();
    await waitUntil(() => $(el, 'input[name="email"]'));
    $<HTMLInputElement>(el, 'input[name="email"]')!.value = uniqueEmail('new');
    $(el, '.email-form [part~="primary-button"]')!.click();
    await cancelReauth();
    await waitUntil(() => text($(el, '[part="form-error"]'))?.includes('confirm it’s you'));
    const asked = nextEvent(el, 'acct-sign-in-requested');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Sign in again')!.click();
    await asked;
  });

  it('speaks French', async () => {
    await signedIn();
    const el = await fixture<AcctProfile>(html`<acct-profile lang="fr" server=${testServers.instant}></acct-profile>`);
    await shown(el);
    expect(text($(el, '[part="title"]'))).to.equal('Profil');
    expect(text($(el, '[part~="change-email-button"]'))).to.equal('Modifier');
  });

  it('shows the same two initials as <acct-user-button> when there is no picture', async () => {
    await signInNewAccount(testServers.instant, { displayName: 'Walker Tester' });
    const profile = await fixture<AcctProfile>(html`<acct-profile server=${testServers.instant}></acct-profile>`);
    const button = await fixture(html`<acct-user-button server=${testServers.instant}></acct-user-button>`);
    await shown(profile);
    await waitUntil(() => button.shadowRoot!.querySelector('[part~="avatar"]'), 'no avatar in the user button');
    expect(text($(profile, '[part="avatar"]'))).to.equal('WT');
    expect(text($(button, '[part~="avatar"]'))).to.equal('WT');
  });

  for (const lang of ['en', 'de', 'es', 'fr', 'ar']) {
    it(`offers the picture as a button of its own words that opens the file picker, fitting 375 px (${lang})`, async () => {
      await signedIn();
      await translations.load(lang, AcctProfile.stringAreas);
      const el = await fixture<AcctProfile>(
        html`<acct-profile server=${testServers.instant} lang=${lang}></acct-profile>`,
      );
      await shown(el);
      const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
      const button = $(el, `label[for="${input.id}"]`)!;
      await atPhoneWidth(async () => {
        // Chromium's own file field ("Choose File No file chosen", elided at this width) is not drawn.
        expect(input.getBoundingClientRect().width, 'the native file field shows').to.be.at.most(1);
        const { width } = button.getBoundingClientRect();
        expect(width, 'the button shows').to.be.above(40);
        expect(button.scrollWidth, 'its words fit').to.be.at.most(button.clientWidth + 1);
      });
      expect(text(button)).to.equal(localize(lang).profile.uploadAvatar);
      expect(getComputedStyle(button).cursor).to.equal('pointer');
      // The field keeps the keyboard: it takes focus, named by the button's words, and a click on
      // the button reaches it (which opens the picker).
      input.focus();
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect(input.labels?.[0]).to.equal(button);
      let clicked = false;
      input.addEventListener('click', (event) => ((clicked = true), event.preventDefault()), { once: true });
      button.click();
      expect(clicked, 'the button opens the file picker').to.equal(true);
      await expectFitsPhone(el, `acct-profile/picture-button-${lang}`);
    });
  }
});
