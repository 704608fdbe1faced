/**
 * Styles of `<acct-notifications-bell>`: a round bell button with its unread badge, and the panel
 * that opens under it (from its inline end, or its start when the screen has more room that way;
 * never wider than the screen; on a phone, across the screen), with the shared list look
 * (core/styles/list.styles.ts) for its rows; unread rows are marked by a dot as well as by words.
 */
import { css } from 'lit';

export const notificationsBellStyles = css`
  :host {
    position: relative;
    display: inline-block;
  }
  .bell {
    position: relative;
    display: inline-grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0;
    border-radius: 50%;
  }
  .bell svg {
    inline-size: 1.35rem;
    block-size: 1.35rem;
  }
  .count {
    position: absolute;
    inset-block-start: -0.2rem;
    inset-inline-end: -0.2rem;
    min-inline-size: 1.25rem;
    padding: 0 0.3rem;
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_surface);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.25rem;
    text-align: center;
  }
  .panel {
    position: absolute;
    inset-block-start: calc(100% + 0.5rem);
    inset-inline-end: 0;
    z-index: 10;
    inline-size: min(var(--acct-notifications-bell-width, 24rem), calc(100vw - 1rem));
    max-block-size: var(--acct-notifications-bell-max-height, 28rem);
    overflow: auto;
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }
  /* A bell nearer the screen's inline start (the element's toggle): the panel goes towards the
     inline end, where the room is. */
  .s {
    inset-inline: 0 auto;
  }
  /*
   * On a phone the panel spans the screen, half a rem from each side, just under the bell (its
   * static position): opened at the inline end of a bell anywhere but the screen's inline end (the
   * start of a header), it went off the screen where nobody could read or scroll to it.
   */
  @media (max-width: 36rem) {
    .panel {
      position: fixed;
      /* Block: auto, at its static place; inline: the same on both sides, so right to left too. */
      inset: auto 0.5rem;
      inline-size: auto;
      margin-block-start: 0.5rem;
    }
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
    justify-content: space-between;
  }
  h2:focus {
    outline: none;
  }
  .dot {
    display: inline-block;
    inline-size: 0.6rem;
    block-size: 0.6rem;
    margin-block-start: 0.5rem;
    border-radius: 50%;
  }
  .unread .dot {
    background: var(--_primary);
  }
  /* Also .meta, which takes its margins off. */
  .body {
    white-space: pre-line;
  }
`;
