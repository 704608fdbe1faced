/**
 * The organization page's "For developers" part: `<acct-api-tokens>` and `<acct-webhooks>` for the visitor's
 * organization, shown only to its owners and admins (the server would refuse anyone else). The
 * organization comes from `GET /api/organizations` with the page's session cookie (once
 * `GET /api/session` says someone is signed in), read again
 * whenever the visitor signs in, creates, joins or leaves an organization.
 */
const main = document.querySelector<HTMLElement>('main[data-acct-server]');
const server = main?.dataset.acctServer?.replace(/\/+$/, '') ?? '';
const section = document.querySelector<HTMLElement>('.developer-tools');
const tools = [
  ...(section?.querySelectorAll<HTMLElement & { organizationId: string }>('acct-api-tokens, acct-webhooks') ?? []),
];

interface OrganizationSummary {
  id: string;
  role: 'owner' | 'admin' | 'member';
}

async function adminOrganization(): Promise<OrganizationSummary | undefined> {
  // `GET /api/session` answers "nobody" without a 401, so a signed-out visit logs no failed request.
  const session = await fetch(`${server}/api/session`, { credentials: 'include' });
  if (!session.ok || !((await session.json()) as { user: unknown }).user) return undefined;
  const response = await fetch(`${server}/api/organizations`, { credentials: 'include' });
  if (!response.ok) return undefined;
  const { organizations } = (await response.json()) as { organizations: OrganizationSummary[] };
  return organizations.find((org) => org.role === 'owner' || org.role === 'admin');
}

async function update(): Promise<void> {
  if (!section || !tools.length) return;
  const org = await adminOrganization().catch(() => undefined);
  section.hidden = !org;
  if (org) for (const tool of tools) tool.organizationId = org.id;
}

for (const event of [
  'acct-signed-in',
  'acct-signed-out',
  'acct-organization-created',
  'acct-organization-left',
  'acct-member-role-changed',
]) {
  document.addEventListener(event, () => void update());
}
void update();

export {};
