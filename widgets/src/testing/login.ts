/**
 * Helpers shared by `<acct-login>`'s test files: making an element and waiting until it shows
 * something, finding its parts (in its shadow root, or in its light DOM with `no-shadow`), and
 * filling and submitting its form the way a user would.
 */
import { fixture, waitUntil, type html } from '@open-wc/testing';
import type { AcctLogin } from '../elements/login/login.js';
import { $, element } from './helpers.js';

export { $, nextEvent, text } from './helpers.js';

/** The element's render root: its shadow root, or the element itself in `no-shadow` mode. */
const root = (el: AcctLogin): ParentNode => el.shadowRoot ?? el;

/** Resolves once the form, the signed-in panel, or a message about the whole card is shown. */
export const settled = (el: AcctLogin): Promise<void> =>
  waitUntil(() => root(el).querySelector('form, [part~="signed-in"], [part~="error"]'), 'acct-login did not settle', {
    timeout: 4000,
  });

export async function renderLogin(template: ReturnType<typeof html>): Promise<AcctLogin> {
  const el = await fixture<AcctLogin>(template);
  await settled(el);
  return el;
}

export const create = (attributes: Record<string, string>): AcctLogin => element('acct-login', attributes);

export const input = (el: AcctLogin, name: string) => $<HTMLInputElement>(el, `input[name="${name}"]`);
export const methodButtons = (el: AcctLogin) => [
  ...root(el).querySelectorAll<HTMLButtonElement>('button[name="method"]'),
];
export const methodButton = (el: AcctLogin, method: string) => methodButtons(el).find((b) => b.value === method)!;

/** Types into the named fields (as a password manager would fill them) and presses the method's button. */
export async function submit(el: AcctLogin, method: string, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = input(el, name);
    if (!field) throw new Error(`no ${name} field`);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  methodButton(el, method).click();
  await el.updateComplete;
}

/** Waits until no request is in flight. */
export const idle = (el: AcctLogin) =>
  waitUntil(() => !root(el).querySelector('[aria-busy="true"]'), 'acct-login stayed busy', { timeout: 4000 });
