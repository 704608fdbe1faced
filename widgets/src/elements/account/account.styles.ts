/**
 * Styles of `<acct-account>`: a row of tabs over one panel. On a narrow screen the row scrolls
 * sideways (every tab stays one press away, and the selected one is scrolled into view) rather
 * than wrapping into an unreadable block, and fades out at each edge it overflows on, so that a
 * tab cut in half reads as "more this way".
 */
import { css } from 'lit';

export const accountStyles = css`
  :host {
    max-inline-size: var(--acct-account-max-width, 48rem);
  }
  .base {
    color: var(--_text);
    background: var(--_surface);
  }
  [role='tablist'] {
    display: flex;
    gap: calc(var(--_space) * 0.25);
    overflow-x: auto;
    scrollbar-width: thin;
    border-block-end: 1px solid var(--_border);
    margin-block-end: var(--_space);
    /* Where a tab scrolled to stops (account.ts, revealSelectedTab): clear of the fade. */
    scroll-padding-inline: 2rem;
  }
  /*
   * The fade, driven by the row's own scroll position (scroll-driven animations, no script): at
   * the start edge once the row has scrolled from it, at the end edge until it reaches it (each
   * turns within the row's first or last 2 px, as Chromium may stop a fraction of a pixel short of
   * the end); none when the row does not overflow (its timeline is then inactive). The gradient
   * runs from the start edge to the end edge, whichever way the language writes. Browsers without
   * scroll timelines show no fade; the scrollbar is still there.
   */
  @supports (animation-timeline: scroll()) {
    [role='tablist'] {
      --_fade-start: 0px;
      --_fade-end: 0px;
      --_towards-end: to right;
      mask-image: linear-gradient(
        var(--_towards-end),
        transparent,
        #000 var(--_fade-start),
        #000 calc(100% - var(--_fade-end)),
        transparent
      );
      /* Longhands: given the shorthand, the minifier (lightningcss) folds the timeline into it,
         and Chromium then drops the whole declaration. */
      animation-name: acct-fade-start, acct-fade-end;
      animation-fill-mode: both;
      animation-timeline: scroll(self inline);
      animation-range:
        0 2px,
        calc(100% - 2px) 100%;
    }
    :host(:is(:state(rtl), :dir(rtl):not(:state(ltr)))) [role='tablist'] {
      --_towards-end: to left;
    }
  }
  @keyframes acct-fade-start {
    to {
      --_fade-start: 2rem;
    }
  }
  @keyframes acct-fade-end {
    from {
      --_fade-end: 2rem;
    }
  }
  [role='tab'] {
    flex: none;
    background: none;
    border: 0;
    border-block-end: 2px solid transparent;
    border-radius: 0;
    color: inherit;
    padding-block: calc(var(--_space) * 0.5);
    padding-inline: calc(var(--_space) * 0.75);
    font: inherit;
    cursor: pointer;
    white-space: nowrap;
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--acct-account-tab-indicator, var(--_primary));
    font-weight: 600;
  }
  [role='tab']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [role='tabpanel'] > * + * {
    margin-block-start: calc(var(--_space) * 1.5);
  }
`;
