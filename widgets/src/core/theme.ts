/**
 * The design tokens every element draws from. A site sets the public `--acct-*` custom properties
 * (on the element, or anywhere above it such as `:root`); inside the shadow root the styles only
 * read the private `--_*` copies made here, each falling back to a light or dark default. Reading
 * through private copies is what lets a page's `:root { --acct-color-primary: … }` win over our
 * defaults: a default declared on `:host` under the public name would shadow the inherited value.
 *
 * Which palette applies is the element's business (acct-element.ts): `theme="light"` and
 * `theme="dark"` force one, and `theme="auto"`, the default, follows the page around the element
 * (color-scheme.ts); the element then carries the custom state `dark`, which selects the dark
 * palette below. Links have a colour of their own (`--acct-color-link`), apart from the primary
 * buttons': a brand colour that suits a filled button is often too light to read as text.
 */
import { css } from 'lit';

/**
 * The tokens, then the light palette on `:host` and the dark one on `:host(:state(dark))`. Each
 * sheet is static (no interpolation), so that the build can minify it (scripts/minify-templates.ts).
 */
export const themeStyles = [
  css`
    :host {
      --_font: var(--acct-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      --_font-size: var(--acct-font-size, 1rem);
      --_radius: var(--acct-radius, 0.5rem);
      --_space: var(--acct-spacing, 1rem);
      color-scheme: light;
      --_text: var(--acct-color-text, #1f2328);
      --_muted: var(--acct-color-text-muted, #57606a);
      --_surface: var(--acct-color-surface, #ffffff);
      --_input: var(--acct-color-input, #ffffff);
      --_border: var(--acct-color-border, #8c959f);
      --_primary: var(--acct-color-primary, #1d4ed8);
      --_on-primary: var(--acct-color-on-primary, #ffffff);
      --_link: var(--acct-color-link, #1d4ed8);
      --_danger: var(--acct-color-danger, #b42318);
      --_focus: var(--acct-color-focus, #1d4ed8);
    }
  `,
  css`
    :host(:state(dark)) {
      color-scheme: dark;
      --_text: var(--acct-color-text, #e6edf3);
      --_muted: var(--acct-color-text-muted, #9da7b3);
      --_surface: var(--acct-color-surface, #16181d);
      --_input: var(--acct-color-input, #0d1117);
      --_border: var(--acct-color-border, #6e7681);
      --_primary: var(--acct-color-primary, #8fb3ff);
      --_on-primary: var(--acct-color-on-primary, #0b1020);
      --_link: var(--acct-color-link, #8fb3ff);
      --_danger: var(--acct-color-danger, #ff9b8f);
      --_focus: var(--acct-color-focus, #8fb3ff);
    }
  `,
];
