/**
 * Styles of `<acct-user-button>`: a round avatar button sized by `--acct-user-button-size`, and the
 * menu panel dropping below it, from its inline end (the usual place in a site's header), or its
 * start when the screen has more room that way.
 */
import { css } from 'lit';

export const userButtonStyles = css`
  :host {
    display: inline-block;
    position: relative;
    line-height: 1.4;
    --_avatar: var(--acct-user-button-size, 2.25rem);
  }

  .trigger {
    padding: 0;
    min-height: 0;
    width: var(--_avatar);
    height: var(--_avatar);
    border-radius: 50%;
    border: 0;
    overflow: hidden;
  }
  .avatar,
  .placeholder {
    display: inline-grid;
    place-items: center;
    width: var(--_avatar);
    height: var(--_avatar);
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    font-size: calc(var(--_avatar) * 0.4);
    font-weight: 700;
    color: var(--_on-primary);
    background: var(--_primary);
  }
  .placeholder {
    background: color-mix(in srgb, var(--_text) 10%, transparent);
  }

  .panel {
    position: absolute;
    z-index: 10;
    inset-inline-end: 0;
    top: calc(100% + 0.5rem);
    min-width: 14rem;
    max-width: min(20rem, 90vw);
    padding: calc(var(--_space) / 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px color-mix(in srgb, #000 18%, transparent);
  }
  /* A button nearer the screen's inline start (place): the menu goes towards the inline end. */
  .s {
    inset-inline: 0 auto;
  }

  .identity {
    padding: calc(var(--_space) / 2);
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
    margin-bottom: calc(var(--_space) / 4);
  }
  .identity p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .name {
    font-weight: 600;
  }
  .email {
    color: var(--_muted);
    font-size: 0.9375em;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [role='menuitem'] {
    display: block;
    width: 100%;
    text-align: start;
    font: inherit;
    color: var(--_text);
    text-decoration: none;
    background: transparent;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_space) / 2);
    min-height: 0;
    font-weight: 400;
    cursor: pointer;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: color-mix(in srgb, var(--_primary) 12%, transparent);
  }
  [role='menuitem'][aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  .error {
    padding: calc(var(--_space) / 2);
  }

  /* The notes under the avatar (signed out elsewhere, the deletion date), all the live region holds. */
  .signed-out-notice,
  .deletion-notice {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_primary);
  }
  .deletion-notice {
    border-inline-start-color: var(--_danger);
  }
  .live p {
    margin: 0;
  }
  .live button {
    justify-self: end;
  }
`;
