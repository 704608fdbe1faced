/**
 * English, `<acct-connected-apps>`'s section of the one English string set (en.ts puts it
 * together), and the messages of the connected-app error codes (contract/connected-apps.ts),
 * spread into `errors` there.
 */
export const connectedAppsEn = {
  connectedApps: {
    title: 'Connected apps',
    intro: 'Apps your organization works with. Connecting one lets it act for the whole organization.',
    noOrganization: 'Create an organization first: apps are connected to an organization.',
    availableTitle: 'Available apps',
    connectedTitle: 'Connected',
    empty: 'No app is connected yet.',
    noneAvailable: 'No app is offered on this site.',
    connect: 'Connect',
    connectLabel: (name: string) => `Connect ${name}`,
    reconnect: 'Reconnect',
    reconnectLabel: (name: string) => `Connect ${name} again`,
    /** Who connected it and when: "Connected by Ada, 3 days ago". */
    connectedBy: (who: string, when: string) => `Connected by ${who} ${when}`,
    connectedByUnknown: (when: string) => `Connected ${when} by a former member`,
    lastSync: (when: string) => `last synced ${when}`,
    account: (id: string) => `Account ${id}`,
    disconnect: 'Disconnect',
    disconnectLabel: (name: string) => `Disconnect ${name}`,
    confirmDisconnect: (name: string) =>
      `Disconnect ${name}? It loses access to your organization until someone connects it again.`,
    confirm: 'Yes, disconnect',
    cancel: 'Cancel',
    connected: (name: string) => `${name} is connected.`,
    disconnected: (name: string) => `${name} is disconnected.`,
    adminsOnly: 'Only owners and admins of the organization can connect or disconnect apps.',
    signedOut: 'Sign in to see your organization’s apps.',
    loadFailed: 'The connected apps could not be loaded.',
  },
};

export const connectedAppErrorsEn = {
  unknown_app: 'This app is not offered here.',
  connect_attempt_invalid: 'This connection attempt is unknown, has expired or was started elsewhere. Start again.',
  connect_refused: 'The app did not grant access. Try again.',
  connect_failed: 'The app could not be reached or its answer was not valid. Try again later.',
};

export type ConnectedAppSections = typeof connectedAppsEn;

/** The area as the registry fetches it (chunks.ts): its sections, its codes’ messages under `errors`. */
export default { ...connectedAppsEn, errors: connectedAppErrorsEn };
