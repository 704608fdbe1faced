/**
 * Helpers for the onboarding elements' Chromium tests, against the real test servers: a new
 * account signed in on this page (through its session store) that the test can also drive "from
 * another device" with its bearer token, calls to the API as that device, and an administrator
 * who creates the onboarding paths and templates a test needs through the admin API. Tests that
 * create paths target a role no other test uses, so that paths never meet across tests sharing
 * the one database.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { fixture, html, waitUntil } from '@open-wc/testing';
import { testServers } from 'acct-test-env';
import type { BodyOf, ResponseOf } from '../../../contract/routes.js';
import type { OnboardingState, OnboardingStep } from '../../../contract/onboarding.js';
import { createAccount, PASSWORD, settledStore } from './helpers.js';

export interface Device {
  email: string;
  /** The account's bearer token, from its sign-up on the bearer server. */
  token: string;
  /** A JSON request as that device (bearer server, same database); throws unless 2xx. */
  call<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/** A request with a bearer token, as another device of the same account would send it. */
export function deviceFor(email: string, token: string): Device {
  return {
    email,
    token,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${testServers.bearer}${path}`, {
        method,
        credentials: 'omit',
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${token}`,
          ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
      });
      const answer = (await response.json()) as T;
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
      return answer;
    },
  };
}

/**
 * A new account, signed in on this page on `server` (a cookie server by default), and the same
 * account as another device. `prepare` runs as that device before the page signs in, so that
 * elements already on the page load what it did (an element does not re-read what another device
 * changed, except the polling checklist).
 */
export async function signedInDevice({
  server = testServers.instant,
  displayName = 'Ada Lovelace',
  prepare,
}: { server?: string; displayName?: string; prepare?: (device: Device) => Promise<unknown> } = {}): Promise<Device> {
  const account = await createAccount({ displayName });
  const device = deviceFor(account.email, account.token);
  await prepare?.(device);
  const store = await settledStore(server);
  await store.signIn({ email: account.email, password: PASSWORD });
  return device;
}

let admin: Promise<Device> | undefined;

/** One administrator for the whole test file. */
export function asAdmin(): Promise<Device> {
  admin ??= (async () => {
    const account = await createAccount({ displayName: 'Admin' });
    if (!(await executeServerCommand('acct-grant-admin', { email: account.email })))
      throw new Error('could not grant the admin role');
    return deviceFor(account.email, account.token);
  })();
  return admin;
}

/** A role no other test uses. */
export const uniqueRole = (tag = 'role') => `${tag}-${crypto.randomUUID().slice(0, 8)}`;

/** An active onboarding path for `role`, with these steps. */
export async function createPath(role: string, steps: (Omit<OnboardingStep, 'required'> & { required?: boolean })[]) {
  const body: BodyOf<'POST /api/admin/onboarding/paths'> = {
    name: `Path for ${role}`,
    targetRole: role,
    steps: steps.map((s) => ({ required: false, ...s })),
  };
  const { item } = await (
    await asAdmin()
  ).call<ResponseOf<'POST /api/admin/onboarding/paths'>>('POST', '/api/admin/onboarding/paths', body);
  return item;
}

export type TemplateInput = Omit<BodyOf<'POST /api/admin/templates'>, 'templateData'> & {
  templateData?: Record<string, unknown>;
};

export async function createTemplate(input: TemplateInput) {
  const body: BodyOf<'POST /api/admin/templates'> = { templateData: {}, ...input };
  const { item } = await (
    await asAdmin()
  ).call<ResponseOf<'POST /api/admin/templates'>>('POST', '/api/admin/templates', body);
  return item;
}

/** Starts the device's onboarding and completes `steps` (key and data) through the API, as if done on another device. */
export async function walkAhead(
  device: Device,
  start: { role?: string },
  steps: [string, unknown][],
): Promise<OnboardingState> {
  const body: BodyOf<'POST /api/onboarding/start'> = start;
  let state = await device.call<OnboardingState>('POST', '/api/onboarding/start', body);
  for (const [key, data] of steps) {
    const stepBody: BodyOf<'POST /api/onboarding/steps/:key/complete'> = { data };
    state = await device.call<OnboardingState>(
      'POST',
      `/api/onboarding/steps/${encodeURIComponent(key)}/complete`,
      stepBody,
    );
  }
  return state;
}

/** Waits for `check` to hold, for up to `timeout` ms (the poll tests wait for a few seconds). */
export const eventually = (check: () => unknown, message: string, timeout = 4000) =>
  waitUntil(check, message, { timeout, interval: 50 });

/** Puts a made element into the document (in a fixture's container, removed after the test) without waiting for it. */
export async function attach<E extends HTMLElement>(element: E): Promise<E> {
  (await fixture(html`<div></div>`)).append(element);
  return element;
}
