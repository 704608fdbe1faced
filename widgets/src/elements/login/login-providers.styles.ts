/**
 * The provider buttons' styles (login-providers.ts), apart from them: an element's styles are
 * static, while the buttons are fetched only when there are providers to show.
 */
import { css } from 'lit';

export const providerStyles = css`
  .providers {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .providers button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.6em;
  }
  .provider-mark {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  /* "or", between two rules. */
  .separator {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .separator::before,
  .separator::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_border);
  }
`;
