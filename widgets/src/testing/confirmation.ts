/**
 * The keyboard behaviour every list's inline confirmation shares (core/inline-confirmation.ts),
 * checked the same way in each element's tests: opened from its button with Enter, focus starts
 * on Cancel; Escape closes it, goes no further, and gives focus back to that button.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $ } from './helpers.js';

export async function expectConfirmationByKeyboard(el: HTMLElement, opener: () => HTMLElement): Promise<void> {
  const escapes: Event[] = [];
  const listener = (event: KeyboardEvent) => event.key === 'Escape' && escapes.push(event);
  el.parentElement!.addEventListener('keydown', listener);
  try {
    opener().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~="confirm"]'), 'no confirmation');
    expect(el.shadowRoot!.activeElement, 'focus on the harmless choice').to.equal($(el, '[part~="cancel-button"]'));
    expect($(el, '[part~="confirm"]')!.getAttribute('role')).to.equal('group');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, '[part~="confirm"]'), 'Escape did not close the confirmation');
    await waitUntil(() => el.shadowRoot!.activeElement === opener(), 'focus did not go back to the button');
    expect(escapes, 'Escape went no further (a dialog around the element stays open)').to.have.length(0);
  } finally {
    el.parentElement!.removeEventListener('keydown', listener);
  }
}
