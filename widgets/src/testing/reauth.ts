/**
 * The re-authentication dialog in the elements' tests: the one `<acct-reauth-dialog>` the page's
 * session store puts on top of the page when the server answers `reauthentication_required`,
 * found once its ways to confirm are shown, and answered as a user would.
 */
import { waitUntil } from '@open-wc/testing';
import type { AcctReauthDialog } from '../elements/reauth-dialog/reauth-dialog.js';

const dialog = () => document.querySelector<AcctReauthDialog>('acct-reauth-dialog');
const inDialog = <T extends HTMLElement = HTMLElement>(selector: string) =>
  dialog()?.shadowRoot?.querySelector<T>(selector) ?? null;

/** Waits until the dialog is open and shows its ways to confirm; returns it. */
export async function reauthDialogShown(): Promise<AcctReauthDialog> {
  await waitUntil(
    () => dialog()?.shadowRoot?.querySelector('dialog[open]') && inDialog('#secret, .passkey'),
    'the re-authentication dialog did not show',
    { timeout: 4000 },
  );
  return dialog()!;
}

/** Presses Cancel in the open dialog. */
export async function cancelReauth(): Promise<void> {
  await reauthDialogShown();
  inDialog('.cancel')!.click();
  await waitUntil(() => !dialog(), 'the re-authentication dialog did not close');
}

/** Types the password into the open dialog and confirms. */
export async function proveWithPassword(password: string): Promise<void> {
  await reauthDialogShown();
  inDialog<HTMLInputElement>('#secret')!.value = password;
  inDialog('[part~="primary-button"]')!.click();
}

/** The dialog's element, if one is on the page. */
export const reauthDialog = dialog;
/** An element inside the dialog's shadow root. */
export const inReauthDialog = inDialog;
