/**
 * Styles of `<acct-mfa>` beyond the shared controls: its width, the QR code at a size phones scan
 * well, the manual key and the recovery codes in a monospace grid that copies cleanly. Logical
 * properties only (right-to-left languages).
 */
import { css } from 'lit';

export const mfaStyles = css`
  :host {
    max-width: var(--acct-mfa-max-width, 40rem);
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  .intro {
    margin: calc(var(--_space) * -0.5) 0 0;
    color: var(--_muted);
  }
  .qr {
    inline-size: 12rem;
    max-inline-size: 100%;
    background: #fff;
    padding: calc(var(--_space) / 2);
    border-radius: var(--_radius);
  }
  .qr svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
  }
  .key,
  .codes {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: calc(var(--_space) / 4) var(--_space);
    padding-inline-start: 0;
    list-style: none;
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 4);
  }
  .field input {
    max-inline-size: 12rem;
    min-height: 2.25em;
  }
  .field label {
    font-weight: 600;
  }
  .stack {
    display: grid;
    gap: var(--_space);
    text-align: start;
  }
`;
