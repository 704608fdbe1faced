/**
 * The set-up every journey shares: the whole stack (acct server with its database, the demo on
 * its own origin) sending mail through a real SMTP server, and the system's Chromium. Declared
 * once per journey file, inside its `describeOnEachDatabase` block; fresh browser profiles are
 * closed with it.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Database } from '../../server/db/database';
import { startSmtpSink, type SmtpSink } from '../../server/testing/smtp-sink';
import { launchChromium } from './browser';
import { startStack, type Stack } from './stack';

export interface Journey {
  stack: Stack;
  sink: SmtpSink;
  browser: Browser;
  /** A fresh browser profile (its own cookies and storage), as another device would be. */
  newContext(): Promise<BrowserContext>;
  /** The first link of the newest mail to `email`, checked to lead to `path` on the acct server. */
  mailedLink(email: string, path: string): Promise<string>;
}

/** Registers the hooks; the returned getter gives the journey inside its tests. */
export function useJourney(
  getDb: () => Database,
  {
    prepare,
    extraOrigins = () => [],
    env = () => ({}),
  }: {
    prepare?: (db: Database) => Promise<void>;
    extraOrigins?: () => string[];
    /** More server settings, read once the earlier `before` hooks ran (e.g. a test provider's issuer). */
    env?: () => Record<string, string>;
  } = {},
): () => Journey {
  let journey: Journey | undefined;
  const contexts: BrowserContext[] = [];

  before(async () => {
    const sink = await startSmtpSink();
    await prepare?.(getDb());
    const stack = await startStack(
      getDb(),
      { ACCT_PRODUCT_NAME: 'Stagehand', ACCT_SMTP_URL: sink.url, ...env() },
      extraOrigins(),
    );
    const browser = await launchChromium();
    journey = {
      stack,
      sink,
      browser,
      async newContext() {
        const context = await browser.newContext();
        contexts.push(context);
        return context;
      },
      async mailedLink(email, path) {
        const mail = await sink.waitFor((m) => m.to.includes(email), 10_000);
        const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
        assert.ok(link?.startsWith(`${stack.acct.url}${path}`), `expected a link to ${path}, got ${link}`);
        return link!;
      },
    };
  });
  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await journey?.browser.close();
    await journey?.stack.close();
    await journey?.sink.stop();
  });

  return () => {
    if (!journey) throw new Error('the journey has not started yet');
    return journey;
  };
}
