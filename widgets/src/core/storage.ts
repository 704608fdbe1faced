/**
 * Web Storage that may throw — storage disabled, a sandboxed frame, a full quota — as small
 * helpers: a read then answers null and a write does nothing, and the caller keeps the value in
 * memory instead (the session store's bearer token, the browser key).
 */

/** `storage()` is called inside the guard: merely touching `window.localStorage` can throw. */
export function readStorage(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

/** Writes `value`, or removes the key when it is null. */
export function writeStorage(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Memory only, see above.
  }
}
