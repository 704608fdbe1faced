/**
 * English, `<acct-webhooks>`'s section of the one English string set (en.ts puts it together),
 * and the messages of the webhook error codes, which en.ts spreads into `errors`.
 */
export const webhooksEn = {
  webhooks: {
    title: 'Webhooks',
    intro:
      'Webhooks send this organization’s events to your own servers as they happen, signed so that you can check them.',
    noOrganization: 'Choose an organization to manage its webhooks.',
    signedOut: 'Sign in to manage webhooks.',
    loadFailed: 'The webhooks could not be loaded.',
    createTitle: 'New endpoint',
    url: 'Endpoint URL',
    urlHint: 'An https address of your server, e.g. https://example.com/acct-events.',
    description: 'Description',
    events: 'Events',
    eventsRequired: 'Choose at least one event.',
    category: { user: 'Users', session: 'Sessions', organization: 'Organization', onboarding: 'Onboarding' } as Record<
      string,
      string
    >,
    create: 'Add endpoint',
    createdTitle: 'Copy the signing secret',
    createdText:
      'This is the only time the secret is shown. Your server needs it to check the signature of each delivery.',
    secretLabel: 'Signing secret',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Copying failed: select the secret and copy it yourself.',
    done: 'I have stored it',
    listTitle: 'Endpoints',
    empty: 'No endpoints yet.',
    active: 'Active',
    disabled: {
      manual: 'Disabled',
      gone: 'Disabled: the endpoint answered 410 Gone',
      failing: 'Disabled after repeated failures',
    } as Record<string, string>,
    failures: (count: number) => (count === 1 ? '1 failure in a row' : `${count} failures in a row`),
    lastTriggered: (when: string) => `Last delivery ${when}`,
    neverTriggered: 'No delivery yet',
    overlap: (when: string) => `The previous secret also signs until ${when}`,
    enable: 'Enable',
    disable: 'Disable',
    rotate: 'Rotate secret',
    sendTest: 'Send test event',
    testQueued: 'A test event was queued.',
    showLog: 'Delivery log',
    hideLog: 'Hide log',
    remove: 'Delete',
    removeLabel: (url: string) => `Delete ${url}`,
    confirmRemove: (url: string) => `Delete the endpoint ${url} and its delivery log?`,
    confirm: 'Delete',
    cancel: 'Cancel',
    removed: (url: string) => `${url} was deleted.`,
    logEmpty: 'No deliveries yet.',
    status: { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' } as Record<string, string>,
    attempt: (n: number) => `attempt ${n}`,
    duration: (ms: number) => `${ms} ms`,
    request: 'Request body',
    response: 'Response body',
    noResponse: (error: string) => `No answer (${error})`,
    replay: 'Replay',
    replayed: 'The delivery was queued again.',
    more: 'Older deliveries',
  },
};

export const webhookErrorsEn = {
  too_many_webhooks: 'This organization has too many webhook endpoints. Delete one first.',
  webhook_url_blocked:
    'This URL points to a private, loopback or otherwise reserved address, which webhooks cannot reach.',
};

export type WebhookSections = typeof webhooksEn;

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...webhooksEn, errors: webhookErrorsEn };
