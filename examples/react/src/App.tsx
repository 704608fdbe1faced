// The elements' JSX typings, once in the app: `<acct-login>` type-checks with its properties and events.
import type {} from 'acct-elements/jsx';
import { useState } from 'react';

export function App() {
  const [email, setEmail] = useState<string | null>(null);
  return (
    <main>
      <h1>acct with React</h1>
      {email && <p id="app-status">{`Signed in as ${email}`}</p>}
      {/* React 19 listens to `acct-signed-in` itself: the prop is the event's name after `on`, as written. */}
      <acct-login onacct-signed-in={(event) => setEmail(event.detail.user.email)} />
    </main>
  );
}
