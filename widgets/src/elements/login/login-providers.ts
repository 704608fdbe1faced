/**
 * The provider buttons of `<acct-login>` ("Continue with Google", issue 10): which providers show
 * (the server's list from `GET /api/config`, narrowed and ordered by the `providers` attribute),
 * their labels and marks as each brand asks — Google's four-colour "G" and "Continue with Google",
 * Microsoft's four squares and "Sign in with Microsoft", Apple's logo in the text colour, GitHub's
 * mark, GitLab's tanuki — and a neutral mark with the operator's name for any other OpenID
 * Connect issuer. The marks are inline SVG (no request, nothing for a strict CSP to block) and
 * decorative: the label says the same.
 *
 * Fetched only when the page's `<acct-login>` has a provider to show (login-oauth.ts), with the
 * popup's code: a sign-in form without providers carries neither.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { OAuthProviderSummary } from '../../../../contract/oauth.js';
import type { Translation } from '../../core/i18n/index.js';
import { providerAction } from './login-form.js';
import { renderActionButton, type Listener, type ViewContext } from './login-views.js';

// What a provider's button starts, fetched with the buttons (login-oauth.ts uses them on a click).
export { openOAuthPopup, oauthStartUrl, oauthWindow } from '../../core/oauth-popup.js';

interface Brand {
  /** The mark, drawn in a 24×24 box. */
  mark: SVGTemplateResult;
  /** The label the brand's guidelines ask for. */
  label: (t: Translation, name: string) => string;
}

const continueWith = (t: Translation, name: string) => t.providers.continueWith(name);

const BRANDS: Record<string, Brand> = {
  google: {
    label: continueWith,
    mark: svg`<g transform="scale(.5)"><path fill="#EA4335" d="M24 9.5c3.54 0 6.71 1.22 9.21 3.6l6.85-6.85C35.9 2.38 30.47 0 24 0 14.62 0 6.51 5.38 2.56 13.22l7.98 6.19C12.43 13.72 17.74 9.5 24 9.5z"/><path fill="#4285F4" d="M46.98 24.55c0-1.57-.15-3.09-.38-4.55H24v9.02h12.94c-.58 2.96-2.26 5.48-4.78 7.18l7.73 6c4.51-4.18 7.09-10.36 7.09-17.65z"/><path fill="#FBBC05" d="M10.53 28.59c-.48-1.45-.76-2.99-.76-4.59s.27-3.14.76-4.59l-7.98-6.19C.92 16.46 0 20.12 0 24c0 3.88.92 7.54 2.56 10.78l7.97-6.19z"/><path fill="#34A853" d="M24 48c6.48 0 11.93-2.13 15.89-5.81l-7.73-6c-2.15 1.45-4.92 2.3-8.16 2.3-6.26 0-11.57-4.22-13.47-9.91l-7.98 6.19C6.51 42.62 14.62 48 24 48z"/></g>`,
  },
  microsoft: {
    label: (t, name) => t.providers.signInWith(name),
    mark: svg`<rect x="1.5" y="1.5" width="10" height="10" fill="#F25022"/><rect x="12.5" y="1.5" width="10" height="10" fill="#7FBA00"/><rect x="1.5" y="12.5" width="10" height="10" fill="#00A4EF"/><rect x="12.5" y="12.5" width="10" height="10" fill="#FFB900"/>`,
  },
  // Apple's logo is black or white only: the text colour, so it follows the theme and dark mode.
  apple: {
    label: continueWith,
    mark: svg`<path fill="currentColor" d="M12.152 6.896c-.948 0-2.415-1.078-3.96-1.04-2.04.027-3.91 1.183-4.961 3.014-2.117 3.675-.546 9.103 1.519 12.09 1.013 1.454 2.208 3.09 3.792 3.039 1.52-.065 2.09-.987 3.935-.987 1.831 0 2.35.987 3.96.948 1.637-.026 2.676-1.48 3.676-2.948 1.156-1.688 1.636-3.325 1.662-3.415-.039-.013-3.182-1.221-3.22-4.857-.026-3.04 2.48-4.494 2.597-4.559-1.429-2.09-3.623-2.324-4.39-2.376-2-.156-3.675 1.09-4.61 1.09zM15.53 3.83c.843-1.012 1.4-2.427 1.245-3.83-1.207.052-2.662.805-3.532 1.818-.78.896-1.454 2.338-1.273 3.714 1.338.104 2.715-.688 3.559-1.701"/>`,
  },
  github: {
    label: continueWith,
    mark: svg`<path fill="currentColor" d="M12 .297c-6.63 0-12 5.373-12 12 0 5.303 3.438 9.8 8.205 11.385.6.113.82-.258.82-.577 0-.285-.01-1.04-.015-2.04-3.338.724-4.042-1.61-4.042-1.61C4.422 18.07 3.633 17.7 3.633 17.7c-1.087-.744.084-.729.084-.729 1.205.084 1.838 1.236 1.838 1.236 1.07 1.835 2.809 1.305 3.495.998.108-.776.417-1.305.76-1.605-2.665-.3-5.466-1.332-5.466-5.93 0-1.31.465-2.38 1.235-3.22-.135-.303-.54-1.523.105-3.176 0 0 1.005-.322 3.3 1.23.96-.267 1.98-.399 3-.405 1.02.006 2.04.138 3 .405 2.28-1.552 3.285-1.23 3.285-1.23.645 1.653.24 2.873.12 3.176.765.84 1.23 1.91 1.23 3.22 0 4.61-2.805 5.625-5.475 5.92.42.36.81 1.096.81 2.22 0 1.606-.015 2.896-.015 3.286 0 .315.21.69.825.57C20.565 22.092 24 17.592 24 12.297c0-6.627-5.373-12-12-12"/>`,
  },
  gitlab: {
    label: continueWith,
    mark: svg`<path fill="#FC6D26" d="m23.6 9.593-.033-.086L20.3.98a.851.851 0 0 0-.336-.405.875.875 0 0 0-1 .054.875.875 0 0 0-.29.44L16.47 7.818H7.537L5.332 1.07a.857.857 0 0 0-.29-.441.875.875 0 0 0-1-.054.859.859 0 0 0-.336.405L.433 9.502l-.032.086a6.066 6.066 0 0 0 2.012 7.01l.01.009.03.021 4.977 3.727 2.462 1.863 1.5 1.132a1.008 1.008 0 0 0 1.22 0l1.499-1.132 2.461-1.863 5.006-3.75.012-.01a6.068 6.068 0 0 0 2.01-7.002z"/>`,
  },
};

/** Any other OpenID Connect issuer: a neutral "sign in" mark in the text colour, and its configured name. */
const NEUTRAL: Brand = {
  label: continueWith,
  mark: svg`<g fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"><path d="M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4"/><path d="m10 16 4-4-4-4M14 12H4"/></g>`,
};

const brandOf = (id: string) => (Object.hasOwn(BRANDS, id) ? BRANDS[id]! : NEUTRAL);

/** The button's label for `provider`, in the brand's words. */
export const providerLabel = (t: Translation, provider: OAuthProviderSummary) =>
  brandOf(provider.id).label(t, provider.name);

export interface ProviderView {
  providers: OAuthProviderSummary[];
  /** The provider whose window is open: "Finish signing in with … in the window that opened", with Cancel. */
  waitingFor: OAuthProviderSummary | null;
  /** Whether a separator ("or") follows, before the rest of the form. */
  separator: boolean;
}

/** The provider buttons, the wait while a provider's window is open, and the "or" before the form. */
export function renderProviders(
  ctx: ViewContext,
  view: ProviderView,
  on: { choose: Listener; cancel: Listener },
): TemplateResult | typeof nothing {
  if (!view.providers.length) return nothing;
  const t = ctx.t;
  const mark = (id: string) =>
    html`<svg class="provider-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${brandOf(id).mark}</svg>`;
  return html`<div part="providers" class="providers">
      ${view.providers.map((provider) =>
        renderActionButton(ctx, {
          action: providerAction(provider.id),
          label: providerLabel(t, provider),
          parts: 'provider-button',
          name: 'provider',
          value: provider.id,
          icon: mark(provider.id),
          click: on.choose,
        }),
      )}
    </div>
    ${
      view.waitingFor
        ? html`<div part="provider-wait" class="wait" role="status">
          <p>${t.providers.waiting(view.waitingFor.name)}</p>
          <button part="button cancel-button" type="button" @click=${on.cancel}>${t.card.cancel}</button>
        </div>`
        : nothing
    }
    ${view.separator ? html`<p part="separator" class="separator">${t.providers.separator}</p>` : nothing}`;
}
