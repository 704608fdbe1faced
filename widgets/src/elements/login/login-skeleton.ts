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

const bone = (kind: string) => html`<span class="bone ${kind}"></span>`;
const field = html`<div class="field">${bone('label')}${bone('input')}</div>`;

export function renderSkeleton(t: Translation, { methods, mode }: { methods: string; mode: 'sign-in' | 'sign-up' }): TemplateResult {
  const signUp = mode === 'sign-up';
  const expected = expectedMethods(methods, signUp);
  const password = expected.includes('password');
  return html`
    <div part="skeleton" class="skeleton">
      <p part="status" class="visually-hidden" role="status">${t.loading}</p>
      <div class="shapes" aria-hidden="true">
        ${bone('title')} ${signUp ? field : nothing} ${field} ${password ? field : nothing}
        ${password && !signUp ? html`<p class="forgot">${bone('text')}</p>` : nothing}
        <div class="actions">${expected.map(() => bone('button'))}</div>
        <p class="switch">${bone('text wide')}</p>
      </div>
    </div>
  `;
}
