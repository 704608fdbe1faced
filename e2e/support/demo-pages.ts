/**
 * Page objects for the demo site ("Stagehand") in the journeys: its sign-in page with
 * `<acct-login>`, the account pages, and the header's `<acct-user-button>`. They find things the
 * way a user (or a screen reader) does — by role and accessible name — through Playwright's
 * locators, which pierce the elements' shadow roots; a journey reads as the user's steps.
 */
import type { Locator, Page } from 'playwright-core';

export class DemoSite {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  /** The element `tag` on the current page. */
  element(tag: 'acct-login' | 'acct-passkeys' | 'acct-sessions' | 'acct-login-history' | 'acct-user-button'): Locator {
    return this.page.locator(tag);
  }

  /** `/`: the sign-in form, loaded. */
  async openSignIn(): Promise<SignInForm> {
    await this.page.goto(this.origin);
    const form = new SignInForm(this.element('acct-login'));
    await form.heading.waitFor();
    return form;
  }

  /** `/account/security/`, with `<acct-passkeys>`. */
  async openSecurity(): Promise<PasskeyList> {
    await this.page.goto(`${this.origin}/account/security/`);
    return new PasskeyList(this.element('acct-passkeys'));
  }

  /** Waits until the browser is on `path` of the demo (a redirect after signing in, an emailed link). */
  async arrivedAt(path: string): Promise<void> {
    await this.page.waitForURL((url) => url.origin === this.origin && url.pathname === path);
  }

  /** Signs out from the avatar menu in the header. */
  async signOut(): Promise<void> {
    const userButton = this.element('acct-user-button');
    await userButton.getByRole('button', { name: /^Account: / }).click();
    await userButton.getByRole('menuitem', { name: 'Sign out' }).click();
    await userButton.getByRole('link', { name: 'Sign in' }).waitFor();
  }

  /** Waits until the header's avatar says `who` (a name, or the address when there is none) is signed in. */
  async signedInAs(who: string): Promise<void> {
    await this.element('acct-user-button')
      .getByRole('button', { name: `Account: ${who}` })
      .waitFor();
  }
}

export class SignInForm {
  constructor(readonly root: Locator) {}

  get heading(): Locator {
    return this.root.getByRole('heading', { name: /^Sign in to / });
  }

  get email(): Locator {
    return this.root.getByLabel('Email');
  }

  /** "Continue with a passkey": the browser's passkey dialog. */
  async continueWithPasskey(): Promise<void> {
    await this.root.getByRole('button', { name: 'Continue with a passkey' }).click();
  }

  async signInWithPassword(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.root.getByLabel('Password').fill(password);
    await this.root.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async signUp(name: string, email: string, password: string): Promise<void> {
    await this.root.getByRole('button', { name: 'Create an account' }).click();
    await this.root.getByLabel('Name').fill(name);
    await this.email.fill(email);
    await this.root.getByLabel('Password').fill(password);
    await this.root.getByRole('button', { name: 'Create account' }).click();
    await this.root.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
  }

  /** "Email me a sign-in link", then the "check your inbox" view. */
  async emailMeALink(email: string): Promise<void> {
    await this.email.fill(email);
    await this.root.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await this.root.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  }

  /** The message about the whole form (an alert), once there is one. */
  async formError(): Promise<string> {
    const alert = this.root.getByRole('alert');
    await alert.waitFor();
    return alert.innerText();
  }
}

export class PasskeyList {
  constructor(readonly root: Locator) {}

  get rows(): Locator {
    return this.root.getByRole('listitem');
  }

  async add(): Promise<void> {
    const before = await this.rows.count();
    await this.root.getByRole('button', { name: 'Add a passkey' }).click();
    await this.rows.nth(before).waitFor();
  }

  /** Removes the passkey of the first row, confirming; answers the announcement. */
  async removeFirst(): Promise<string> {
    await this.rows
      .first()
      .getByRole('button', { name: /^Remove / })
      .click();
    await this.root.getByRole('button', { name: 'Yes, remove' }).click();
    const notice = this.root.getByText(/ is removed\./);
    await notice.waitFor();
    return notice.innerText();
  }
}
