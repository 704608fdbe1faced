declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}

interface ImportMetaEnv {
  /** The acct server the elements talk to; `npm start`'s, http://localhost:3000, when unset. */
  readonly VITE_ACCT_SERVER?: string;
}
