import { register } from 'acct-elements';
import { createApp } from 'vue';
import App from './App.vue';

// Once, before the elements are used: the acct server they talk to, and the elements to define.
void register({
  server: import.meta.env.VITE_ACCT_SERVER ?? 'http://localhost:3000',
  elements: ['acct-login'],
});

createApp(App).mount('#app');
