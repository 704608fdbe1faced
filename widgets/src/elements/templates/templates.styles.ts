/**
 * Styles of `<acct-templates>` beyond the shared card and controls: the category buttons (the
 * chosen one filled), and a responsive grid of cards, each with its preview on top at a fixed
 * aspect ratio so that cards line up whatever the images.
 */
import { css } from 'lit';

export const templatesStyles = css`
  :host {
    max-width: var(--acct-templates-max-width, 60rem);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .filter {
    min-height: 2.25em;
    padding: calc(var(--_space) / 4) calc(var(--_space) * 0.75);
    border-radius: 999px;
    font-weight: 400;
  }
  .filter[aria-pressed='true'] {
    color: var(--_on-primary);
    background: var(--_primary);
    border-color: var(--_primary);
    font-weight: 600;
  }

  ul.grid {
    grid-template-columns: repeat(auto-fill, minmax(var(--acct-templates-card-width, 14rem), 1fr));
    gap: var(--_space);
  }
  li.card {
    display: flex;
    flex-direction: column;
    gap: 0;
    padding: 0;
    overflow: hidden;
    border: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
    border-radius: var(--_radius);
  }
  li.card:first-child {
    border-top: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
  }
  li[part~='featured-card'] {
    border-color: var(--_primary);
  }

  .preview {
    display: block;
    width: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    background: color-mix(in srgb, var(--_text) 6%, transparent);
  }
  .placeholder {
    display: grid;
    place-items: center;
    color: var(--_muted);
  }
  .placeholder svg {
    width: 2.5em;
    height: 2.5em;
  }

  .body {
    display: grid;
    gap: calc(var(--_space) / 3);
    padding: calc(var(--_space) * 0.75);
    flex: 1;
    align-content: start;
  }
  .name {
    margin: 0;
    font-size: 1.0625em;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .badge svg {
    width: 0.9em;
    height: 0.9em;
  }
  .description {
    margin: 0;
  }
  .card-actions {
    padding: 0 calc(var(--_space) * 0.75) calc(var(--_space) * 0.75);
  }
`;
