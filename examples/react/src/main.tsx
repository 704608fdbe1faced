import { register } from 'acct-elements';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Once, before the elements are used: the acct server they talk to, and the elements to define.
void register({
  server: import.meta.env.VITE_ACCT_SERVER ?? 'http://localhost:3000',
  elements: ['acct-login'],
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
