/**
 * Ticks an item of the visitor's setup checklist from the site's own pages, through the page's
 * `<acct-checklist>`: `document.querySelector('acct-checklist').complete(key)`, once the element
 * is defined (acct.js loads on its own). Resolves false when the page has no checklist or nobody
 * is signed in — the server then refuses, and there is nobody's checklist to tick.
 */
interface ChecklistElement extends HTMLElement {
  complete(key: string): Promise<void>;
}

export async function tickChecklist(key: string): Promise<boolean> {
  await customElements.whenDefined('acct-checklist');
  const checklist = document.querySelector<ChecklistElement>('acct-checklist');
  if (!checklist) return false;
  try {
    await checklist.complete(key);
    return true;
  } catch {
    return false;
  }
}
