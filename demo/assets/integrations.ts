/**
 * The integrations placeholder: each "Connect (demo only)" button connects nothing — connected
 * apps come later — and ticks "Connect an integration" in the setup checklist, so that the rest of
 * the demo can be tried. The page and the buttons say so.
 */
import { tickChecklist } from './checklist';

const statusLine = document.querySelector<HTMLElement>('.integration-status');

async function connect(button: HTMLButtonElement): Promise<void> {
  const app = button.dataset.app ?? 'This app';
  const ticked = await tickChecklist('connect_integration');
  if (statusLine) {
    statusLine.textContent = ticked
      ? `Demo: ${app} is not really connected, but your checklist counts it.`
      : 'Sign in first: the demo ticks your own checklist.';
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('.fake-connect')) {
  // tickChecklist never rejects: a failure to tick is its `false`.
  button.addEventListener('click', () => void connect(button));
}
