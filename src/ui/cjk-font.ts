/**
 * Does this machine have a font for Chinese? Without one (Linux without fonts-noto-cjk, say) every
 * Chinese character prints as an empty box, the "tofu" a font draws for a character it lacks.
 *
 * A tofu box has a width too, so "the character has a width" proves nothing. What gives it away is
 * that every missing character gets the same box: a missing character measures exactly like a code
 * point that no font has (U+0378 and U+0379 are unassigned), and different missing characters
 * measure exactly alike, whereas real glyphs of "一" (one flat stroke) and "中" never share a
 * bounding box. Either sign means the glyphs are missing. Chromium and Safari draw the font's
 * .notdef box for every missing character; Firefox draws a box with the code in hex, whose outline
 * (what is measured) is the same for any code point of the same number of hex digits.
 */

/** What the canvas measures of one character: its advance and the box its ink covers. */
export interface GlyphBox {
  width: number;
  left: number;
  right: number;
  ascent: number;
  descent: number;
}

/** Everyday characters of different shapes (none of them box-like, such as 口). */
export const CJK_SAMPLES = ['一', '中', '险', '记'] as const;
/** Unassigned code points: no font has them, so they always show the missing-glyph box. */
export const MISSING_REFERENCES = ['\u0378', '\u0379'] as const;

const same = (a: GlyphBox, b: GlyphBox) =>
  Math.abs(a.width - b.width) < 0.01 &&
  Math.abs(a.left - b.left) < 0.01 &&
  Math.abs(a.right - b.right) < 0.01 &&
  Math.abs(a.ascent - b.ascent) < 0.01 &&
  Math.abs(a.descent - b.descent) < 0.01;

/**
 * True when the samples look like missing glyphs: one of them measures like a reference (missing)
 * code point, or all of them measure alike. Null when nothing was measured (no canvas).
 */
export function cjkGlyphsMissing(samples: readonly GlyphBox[], references: readonly GlyphBox[]): boolean | null {
  if (samples.length === 0) return null;
  if (samples.some((s) => references.some((r) => same(s, r)))) return true;
  return samples.length > 1 && samples.every((s) => same(s, samples[0]!));
}

/** Measures characters as the page's own font stack draws them; null where there is no OffscreenCanvas (tests in jsdom, old browsers). */
export function measureGlyphs(fontFamily: string, chars: readonly string[]): GlyphBox[] | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const ctx = new OffscreenCanvas(8, 8).getContext('2d');
  if (!ctx) return null;
  ctx.font = `48px ${fontFamily}`;
  return chars.map((c) => {
    const m = ctx.measureText(c);
    return {
      width: m.width,
      left: m.actualBoundingBoxLeft,
      right: m.actualBoundingBoxRight,
      ascent: m.actualBoundingBoxAscent,
      descent: m.actualBoundingBoxDescent,
    };
  });
}

let cached: boolean | null | undefined;

/** Whether the page's fonts lack Chinese glyphs (measured once per page load); null when it cannot tell. */
export function cjkFontMissing(): boolean | null {
  if (cached !== undefined) return cached;
  const family = typeof document === 'undefined' ? '' : getComputedStyle(document.body).fontFamily;
  const samples = family ? measureGlyphs(family, CJK_SAMPLES) : null;
  const references = family ? measureGlyphs(family, MISSING_REFERENCES) : null;
  cached = samples && references ? cjkGlyphsMissing(samples, references) : null;
  return cached;
}
