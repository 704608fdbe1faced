/**
 * Styles of `<acct-profile>`: the picture beside its buttons, the file field drawn as a button
 * (its label), and the email row.
 */
import { css } from 'lit';

export const profileStyles = css`
  :host {
    max-inline-size: var(--acct-profile-max-width, 36rem);
  }
  /* A long address or the file field's own width must not push the card past a phone's screen. */
  .base {
    grid-template-columns: minmax(0, 1fr);
  }
  .avatar-row > *,
  .email-row > * {
    min-inline-size: 0;
  }
  .avatar-row .field {
    flex: 1 1 12rem;
  }
  .avatar-row,
  .email-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .avatar {
    inline-size: var(--acct-profile-avatar-size, 4rem);
    block-size: var(--acct-profile-avatar-size, 4rem);
    border-radius: 50%;
    object-fit: cover;
    background: color-mix(in srgb, currentColor 10%, transparent);
    display: grid;
    place-items: center;
    font-weight: 600;
  }
  .email {
    flex: 1 1 12rem;
    overflow-wrap: anywhere;
  }
  section + section {
    margin-block-start: calc(var(--_space) * 1.5);
  }
  /* The file field is unseen (profile.ts): the label that stands for it shows its focus and state. */
  .field > .button {
    justify-self: start;
    text-align: center;
  }
  input:focus-visible + .button {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  input:disabled + .button {
    cursor: default;
    opacity: 0.6;
  }
  .avatar {
    flex: none;
  }
`;
