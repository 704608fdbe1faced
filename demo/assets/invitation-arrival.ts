/**
 * The sign-in page's forwarding of invitees. An invitation sent from the onboarding's team step
 * brings its invitee back to the site's first page (the server knows no better page for it), but
 * Stagehand welcomes new members on its organization page, where `<acct-organization>` greets
 * them and asks their name. So this page sends them on there, with the session code still in the
 * fragment. It runs before acct.js (it comes first in the page): the code leaves this page's
 * address before the elements here could take it, so only the organization page exchanges it.
 */
const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.get('acct_flow') === 'invitation' && fragment.has('acct_code')) {
  const target = `/account/organization/${location.hash}`;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  location.replace(target);
}

export {};
