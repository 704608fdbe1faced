/**
 * The profile page's card: who is signed in — name, address, photo — read from the acct server
 * (`GET /api/me`, with the session cookie: the demo runs acct with the cookie transport). Built
 * with DOM calls and text nodes only, so nothing in a profile can inject markup here. The
 * server's address comes from the page's `data-acct-server`, as inline scripts are not used.
 */
interface Me {
  user: { email: string; displayName: string | null; avatarUrl: string | null };
}

const main = document.querySelector<HTMLElement>('[data-acct-server]');
const card = document.querySelector<HTMLElement>('.profile-card');
const server = main?.dataset.acctServer?.replace(/\/+$/, '') ?? '';

function line(text: string, className: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

async function show(): Promise<void> {
  if (!card) return;
  let me: Me | null = null;
  try {
    const response = await fetch(`${server}/api/me`, {
      credentials: 'include',
      headers: { Accept: 'application/json' },
    });
    if (response.ok) me = (await response.json()) as Me;
  } catch {
    // Unreachable: said below like signed out, with a way forward.
  }
  if (!me) {
    card.replaceChildren(line('You are signed out. Sign in from the header to see your profile.', 'profile-status'));
    return;
  }
  const parts: HTMLElement[] = [];
  if (me.user.avatarUrl) {
    const img = document.createElement('img');
    img.className = 'profile-photo';
    img.src = me.user.avatarUrl;
    img.alt = '';
    parts.push(img);
  }
  parts.push(line(me.user.displayName ?? 'No name yet', 'profile-name'), line(me.user.email, 'profile-email'));
  card.replaceChildren(...parts);
}

void show();

// A module, not a script: its names stay its own (outbox.ts has a `main` and a `server` too).
export {};
