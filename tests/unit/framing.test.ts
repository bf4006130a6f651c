import { describe, expect, it } from 'vitest';
import { framedByOtherOrigin, type FramedWindow } from '../../src/state/framing';

const at = (origin: string) => ({ location: { origin } });

describe('framedByOtherOrigin', () => {
  it('runs in its own tab', () => {
    const w = { ...at('https://aims.example'), top: null as FramedWindow['top'], self: null as unknown };
    w.top = w;
    w.self = w;
    expect(framedByOtherOrigin(w)).toBe(false);
  });

  it('runs in a frame of its own origin', () => {
    const self = {};
    expect(framedByOtherOrigin({ ...at('https://aims.example'), self, top: at('https://aims.example') })).toBe(false);
  });

  it('refuses a frame of another origin, readable or not', () => {
    const self = {};
    expect(framedByOtherOrigin({ ...at('https://aims.example'), self, top: at('https://evil.example') })).toBe(true);
    const guarded = {
      get location(): { origin: string } {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    };
    expect(framedByOtherOrigin({ ...at('https://aims.example'), self, top: guarded })).toBe(true);
  });
});
