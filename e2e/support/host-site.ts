/**
 * A site that embeds acct, for the journeys that load the real build from the acct server: its
 * own origin (`http://localhost:<ephemeral port>`, another origin than acct's on the same site),
 * each page written by `render` from the request's query; and the build's manifest as the acct
 * server publishes it (`/acct/bundle.json`).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BundleManifest } from '../../scripts/bundle-manifest';

export interface HostSite {
  /** `http://localhost:<port>`: the origin to put in ACCT_ALLOWED_ORIGINS. */
  url: string;
  close(): Promise<void>;
}

export async function startHostSite(render: (query: URLSearchParams) => string): Promise<HostSite> {
  const server = createServer((req, res) => {
    const html = render(new URL(req.url!, 'http://host').searchParams);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The manifest of the build the acct server at `acctUrl` serves; fails when nothing was built. */
export async function servedBundleManifest(acctUrl: string): Promise<BundleManifest> {
  const res = await fetch(`${acctUrl}/acct/bundle.json`);
  assert.equal(res.status, 200, 'the build wrote bundle.json: run `npm run build` before the journeys');
  return (await res.json()) as BundleManifest;
}
