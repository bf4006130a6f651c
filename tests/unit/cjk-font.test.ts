import { describe, expect, it } from 'vitest';
import { cjkGlyphsMissing, type GlyphBox } from '../../src/ui/cjk-font';

const box = (width: number, left: number, right: number, ascent: number, descent: number): GlyphBox => ({ width, left, right, ascent, descent });

// Measured in Chromium at 48 px with the app's font stack: with WenQuanYi Micro Hei installed, and
// with DejaVu only (fontconfig limited to it), where every CJK character is DejaVu's .notdef box.
const withFont = {
  samples: [box(48, -3, 44, 21, -17), box(48, -5, 43, 40, 4), box(48, -3, 46, 39, 4), box(48, -2, 47, 39, 4)],
  references: [box(28.8046875, -2, 27, 34, 9), box(28.8046875, -2, 27, 34, 9)],
};
const notdef = box(17, -1, 15, 32, 0);
const withoutFont = { samples: [notdef, notdef, notdef, notdef], references: [notdef, notdef] };

describe('cjkGlyphsMissing', () => {
  it('tells real Chinese glyphs from the missing-glyph box, though the box has a width too', () => {
    expect(cjkGlyphsMissing(withFont.samples, withFont.references)).toBe(false);
    expect(cjkGlyphsMissing(withoutFont.samples, withoutFont.references)).toBe(true);
  });

  it('is not fooled by a box as wide as a Chinese character', () => {
    const wide = box(48, -4, 44, 38, 2);
    expect(cjkGlyphsMissing([wide, wide, wide, wide], [wide, wide])).toBe(true);
    // … nor by references that show nothing useful (each unassigned code point drawn differently):
    // every sample alike is a box all the same.
    expect(cjkGlyphsMissing([wide, wide, wide], [box(10, 0, 9, 20, 0), box(11, 0, 10, 21, 0)])).toBe(true);
  });

  it('warns when some characters are missing (a font with only part of the script)', () => {
    expect(cjkGlyphsMissing([...withFont.samples.slice(0, 2), notdef], [notdef])).toBe(true);
  });

  it('cannot tell without measurements', () => {
    expect(cjkGlyphsMissing([], [])).toBeNull();
  });
});
