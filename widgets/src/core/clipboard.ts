/**
 * Copying a secret that is shown once (an API token, a webhook's signing secret): to the
 * clipboard, or — when the browser refuses (no permission, no clipboard on plain http) — selected
 * in its field, so that the user copies it by hand before it is gone.
 */
export async function copyOrSelect(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return false;
  }
}
