/**
 * English, `<acct-api-tokens>`'s section of the one English string set (en.ts puts it together),
 * and the messages of the API-token error codes, which en.ts spreads into `errors`.
 */
export const apiTokensEn = {
  apiTokens: {
    title: 'API tokens',
    intro: 'Tokens let your own servers call acct for this organization. Give each only the scopes it needs.',
    noOrganization: 'Choose an organization to manage its API tokens.',
    signedOut: 'Sign in to manage API tokens.',
    loadFailed: 'The API tokens could not be loaded.',
    createTitle: 'New token',
    name: 'Name',
    nameHint: 'What uses it, e.g. “Billing server”.',
    scopes: 'Scopes',
    scopesRequired: 'Choose at least one scope.',
    scope: {
      'checklist:write': 'Complete setup checklist items for members',
      'members:read': 'Read the members',
      'webhooks:manage': 'Manage webhooks',
      'events:read': 'Read events',
    } as Record<string, string>,
    expiry: 'Expires',
    expiryNever: 'Never',
    expiryDays: (days: number) => `In ${days} days`,
    create: 'Create token',
    createdTitle: 'Copy your new token',
    createdText:
      'This is the only time the token is shown. Store it somewhere safe, such as your server’s secret settings.',
    secretLabel: 'Token',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Copying failed: select the token and copy it yourself.',
    done: 'I have stored it',
    empty: 'No API tokens yet.',
    listTitle: 'Tokens',
    createdBy: (who: string, when: string) => `Created by ${who} on ${when}`,
    createdOn: (when: string) => `Created on ${when}`,
    lastUsed: (when: string) => `Last used ${when}`,
    neverUsed: 'Never used',
    expires: (when: string) => `Expires ${when}`,
    noExpiry: 'Does not expire',
    expired: 'Expired',
    revoke: 'Revoke',
    revokeLabel: (name: string) => `Revoke ${name}`,
    confirmRevoke: (name: string) => `Revoke “${name}”? Calls using it will fail from the next request.`,
    confirm: 'Revoke',
    cancel: 'Cancel',
    revoked: (name: string) => `“${name}” was revoked.`,
  },
};

export const apiTokenErrorsEn = {
  api_token_invalid: 'The API token is malformed, unknown, revoked or expired.',
  api_token_scope: 'The API token does not have the scope this call needs.',
  api_token_expiry_past: 'The expiry date must lie in the future.',
  too_many_api_tokens: 'This organization has too many API tokens. Revoke one first.',
};

export type ApiTokenSections = typeof apiTokensEn;

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...apiTokensEn, errors: apiTokenErrorsEn };
