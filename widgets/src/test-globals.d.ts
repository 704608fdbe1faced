/**
 * Types for what the browser tests get from their runner rather than from an import: Mocha's
 * globals (Web Test Runner's default framework; only the parts the tests use, instead of pulling
 * @types/mocha into a tsconfig whose `types` is deliberately empty), and the module with the test
 * servers' URLs that widgets/test-runner/servers.mjs serves.
 */

interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
}
type MochaTest = (this: MochaContext) => void | Promise<unknown>;
type MochaHook = (this: MochaContext) => void | Promise<unknown>;

declare const describe: {
  (title: string, body: () => void): void;
  only(title: string, body: () => void): void;
  skip(title: string, body: () => void): void;
};
declare const it: {
  (title: string, test: MochaTest): void;
  only(title: string, test: MochaTest): void;
  skip(title: string, test?: MochaTest): void;
};
declare function before(hook: MochaHook): void;
declare function after(hook: MochaHook): void;
declare function beforeEach(hook: MochaHook): void;
declare function afterEach(hook: MochaHook): void;

declare module 'acct-test-env' {
  /** Base URLs of the acct servers the test runner started (see widgets/test-runner/servers.mjs). */
  export const testServers: {
    /** Every sign-in method, sign-up enabled, verification required, dev outbox, product name "Acct Test". */
    main: string;
    /** Only `password`, sign-up disabled, 12-character minimum, product name "Password Only". */
    passwordOnly: string;
    /** Like main, but sign-up signs in at once (no verification); "Acct Instant". */
    instant: string;
    /** Like instant, with bearer tokens instead of cookies; "Acct Bearer". */
    bearer: string;
    /** Like instant, but two password attempts per account per hour, emailed links live 2 s, one link per address every 3 s; "Acct Limited". */
    limited: string;
    /** Like instant, but only `passkey password` (no emailed links); "Acct Passkeys". */
    noMagicLink: string;
    /**
     * Like instant, with one OpenID Connect provider, "Test Provider", whose issuer is a closed
     * port: listed in /api/config, unreachable when used (discovery is lazy); "Acct OAuth Down".
     */
    oauthDown: string;
    /** Like main, but the test page's origin is not in its ACCT_ALLOWED_ORIGINS; "Acct Foreign". */
    foreign: string;
    /** `foreign` in development mode (`npm start`'s --dev). */
    foreignDev: string;
    /** Like instant, with providers: `testop` ("Test Provider", a real OpenID Provider, see `acct-oidc-sign-in-next`), GitLab, Google and Microsoft (never contacted); "Acct OAuth". */
    oauth: string;
    /** A loopback port nothing listens on. */
    unreachable: string;
  };
  /** For the bundle test: the tags the source registers, whether widgets/dist/acct.js exists, and whether this is CI (`CI` set). */
  export const bundle: { tags: string[]; built: boolean; ci: boolean };
}
