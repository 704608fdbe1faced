/**
 * The colours derived from a brand colour keep WCAG 2.2 AA in light and dark mode whatever the
 * operator picks — button text 4.5:1 on the button, links and focus rings 4.5:1 on the page, the
 * dark-mode button 3:1 against the dark card — checked over the awkward colours (white, black,
 * yellow, mid-grey) and thousands of others; and the contrast arithmetic itself against WCAG's
 * published values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brandMark, brandPalette, DEFAULT_BRAND_COLOR, SURFACES } from './brand';
import { contrastRatio, mix, normalizeHex, readableOn } from './colors';

describe('colour arithmetic', () => {
  it('normalises hex colours and refuses anything else', () => {
    assert.equal(normalizeHex('#1D4ED8'), '#1d4ed8');
    assert.equal(normalizeHex(' #abc '), '#aabbcc');
    for (const bad of ['1d4ed8', '#12345', '#ggg', 'blue', 'rgb(0,0,0)', '#1d4ed8ff', ''])
      assert.equal(normalizeHex(bad), undefined, bad);
  });

  it('computes WCAG contrast ratios', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#ffffff', '#ffffff'), 1);
    // WebAIM's checker: #767676 on white is the lightest grey that passes 4.5:1 (4.54).
    assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
    assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
    assert.equal(contrastRatio('#1d4ed8', '#ffffff').toFixed(2), '6.70');
  });

  it('mixes channel by channel', () => {
    assert.equal(mix('#000000', '#ffffff', 0.5), '#808080');
    assert.equal(mix('#1d4ed8', '#1d4ed8', 0.3), '#1d4ed8');
    assert.equal(mix('#1d4ed8', '#000000', 1), '#000000');
  });

  it('puts white on dark colours and black on light ones', () => {
    assert.equal(readableOn('#1d4ed8'), '#ffffff');
    assert.equal(readableOn('#facc15'), '#000000');
    assert.equal(readableOn('#ffffff'), '#000000');
  });
});

describe('brand palette', () => {
  /** A deterministic spread of colours: every channel at 0, 51, …, 255 (216), then 2000 pseudo-random ones. */
  const colours = (() => {
    const steps = [0, 51, 102, 153, 204, 255];
    const hex = (r: number, g: number, b: number) =>
      `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    const grid = steps.flatMap((r) => steps.flatMap((g) => steps.map((b) => hex(r, g, b))));
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    return [
      DEFAULT_BRAND_COLOR,
      '#facc15',
      '#777777',
      ...grid,
      ...Array.from({ length: 2000 }, () => hex(next(), next(), next())),
    ];
  })();

  it('keeps button text, links and focus rings at AA in light and dark mode for every colour', () => {
    for (const colour of colours) {
      const { light, dark } = brandPalette(colour);
      assert.equal(light.accent, colour, 'light mode shows the brand colour itself');
      for (const [scheme, colors, surface] of [
        ['light', light, SURFACES.light],
        ['dark', dark, SURFACES.dark],
      ] as const) {
        assert.ok(contrastRatio(colors.onAccent, colors.accent) >= 4.5, `${colour} ${scheme}: button text`);
        for (const background of [surface.card, surface.paper]) {
          assert.ok(contrastRatio(colors.link, background) >= 4.5, `${colour} ${scheme}: link on ${background}`);
        }
      }
      assert.ok(contrastRatio(dark.accent, SURFACES.dark.card) >= 3, `${colour}: dark-mode button against the card`);
    }
  });

  it('changes a colour only as far as needed', () => {
    const { light, dark } = brandPalette(DEFAULT_BRAND_COLOR);
    assert.deepEqual(light, { accent: '#1d4ed8', onAccent: '#ffffff', link: '#1d4ed8' });
    // Too dark for the dark card: lightened, and then black text reads better on it than white.
    assert.notEqual(dark.accent, DEFAULT_BRAND_COLOR);
    assert.ok(contrastRatio(DEFAULT_BRAND_COLOR, SURFACES.dark.card) < 3);
    assert.ok(contrastRatio(dark.accent, SURFACES.dark.card) < 3.2, 'no lighter than needed');
    // A light colour is already readable on the dark card.
    assert.equal(brandPalette('#facc15').dark.link, '#facc15');
  });
});

describe('brand mark', () => {
  it('is the first letter of the product name on the brand colour, escaped', () => {
    const svg = brandMark({ productName: 'stagehand', color: '#facc15' });
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /fill="#facc15"/);
    assert.match(svg, /fill="#000000">S<\/text>/);
    assert.match(brandMark({ productName: '<b>', color: '#1d4ed8' }), />&lt;<\/text>/);
    assert.match(brandMark({ productName: 'étoile', color: '#1d4ed8' }), />É<\/text>/);
    assert.match(brandMark({ productName: '👩‍🚀 Crew', color: '#1d4ed8' }), />👩‍🚀<\/text>/);
  });
});
