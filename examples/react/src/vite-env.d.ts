interface ImportMetaEnv {
  /** The acct server the elements talk to; `npm start`'s, http://localhost:3000, when unset. */
  readonly VITE_ACCT_SERVER?: string;
}
