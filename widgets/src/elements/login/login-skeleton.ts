/**
 * What `<acct-login>` shows while `/api/config` and the session load: a placeholder with the
 * form's own shape and size — heading, fields, buttons, the switch line — built from the same
 * grid, gaps and control heights as the form (login.styles.ts), so that nothing below the card
 * jumps when the form replaces it. The settings are not known yet, so the shape comes from what
 * the page says (`methods`, `mode`) and otherwise from the server's defaults (every method, sign-up
 * allowed). Screen readers hear "Loading…" once; the shapes themselves are hidden from them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { SIGN_IN_METHODS } from '../../core/api-client.js';
import type { Translation } from '../../core/i18n/index.js';
import { chooseMethods } from './login-form.js';

/** The guess: the methods the page asks for among those acct knows (all of them when it names none). */
function expectedMethods(requested: string, signUp: boolean): string[] {
  const methods = chooseMethods(requested, SIGN_IN_METHODS);
  return signUp ? methods.filter((m) => m !== 'passkey') : methods;
}

/**
 * Text drawn as a bar: the real words in no colour over the placeholder tint, so they take the
 * room — and wrap — as the form's own will. `whole` keeps them on one line as a link-like button
 * does (it is one box).
 */
const ghost = (text: string, { whole = false } = {}) =>
  html`<span class=${whole ? 'ghost whole' : 'ghost'}>${text}</span>`;

const field = (label: string) =>
  html`<div class="field"><span class="ghost-label">${ghost(label)}</span><span class="bone bone-input"></span></div>`;

export function renderSkeleton(
  t: Translation,
  { methods, mode }: { methods: string; mode: 'sign-in' | 'sign-up' },
): TemplateResult {
  const signUp = mode === 'sign-up';
  const expected = expectedMethods(methods, signUp);
  const password = expected.includes('password');
  const labels: Record<string, string> = {
    passkey: t.passkeySignIn,
    'magic-link': signUp ? t.magicLinkSignUp : t.magicLinkSignIn,
    password: signUp ? t.signUp : t.signIn,
  };
  // The product's name is not known yet: "acct" stands in for it.
  return html`
    <div class="skeleton">
      <p part="status" class="visually-hidden" role="status">${t.loading}</p>
      <div class="shapes" aria-hidden="true">
        <p class="ghost-heading">${ghost(signUp ? t.signUpTitle('acct') : t.signInTitle('acct'))}</p>
        ${signUp ? field(t.displayName) : nothing} ${field(t.email)} ${password ? field(t.password) : nothing}
        ${password && !signUp ? html`<p class="forgot">${ghost(t.forgotPassword, { whole: true })}</p>` : nothing}
        <div class="actions">${expected.map((m) => html`<span class="bone bone-button">${labels[m] ?? ''}</span>`)}</div>
        <p class="switch">${ghost(signUp ? t.haveAccount : t.noAccount)} ${ghost(signUp ? t.signInInstead : t.createAccount, { whole: true })}</p>
      </div>
    </div>
  `;
}
