import { describe, expect, it } from 'vitest';
import { clipValue } from '../../src/domain/history';
import { LOGO_MAX_BYTES, logoBytes, logoDataUrl, logoFromBytes, logoSchema, sniffLogo } from '../../src/domain/logo';
import { workspaceSchema } from '../../src/domain/workspace-schema';
import { setLocale } from '../../src/i18n/i18n';
import { renderReportHtml } from '../../src/io/bundle/bundle-report';
import { fieldValueText } from '../../src/ui/value-text';
import { reportInput } from '../support/report';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size = 64) => {
  const bytes = new Uint8Array(size);
  bytes.set(PNG_HEAD);
  for (let i = PNG_HEAD.length; i < size; i++) bytes[i] = (i * 7) & 0xff;
  return bytes;
};
const ascii = (s: string) => new TextEncoder().encode(s);
const ctx = { nameOf: () => undefined };

describe('the organization logo', () => {
  it('knows PNG, JPEG and WebP by their first bytes, and nothing else', () => {
    expect(sniffLogo(png())).toBe('image/png');
    expect(sniffLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffLogo(ascii('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
    expect(sniffLogo(ascii('RIFF\x10\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffLogo(ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffLogo(ascii('GIF89a'))).toBeNull();
  });

  it('takes the format from the bytes, not the name, and refuses what is not an image, empty or too large', () => {
    const fromPng = logoFromBytes(png(), 'logo.jpg');
    expect(fromPng.ok && fromPng.logo.mediaType).toBe('image/png');
    expect(logoFromBytes(ascii('<svg/>'), 'logo.png')).toEqual({ ok: false, problem: 'logo-not-image' });
    expect(logoFromBytes(new Uint8Array(), 'logo.png')).toEqual({ ok: false, problem: 'logo-empty' });
    expect(logoFromBytes(png(LOGO_MAX_BYTES + 1), 'big.png')).toEqual({ ok: false, problem: 'logo-too-large' });
  });

  it('keeps a logo of the largest allowed size byte for byte, and the stored record accepts it', () => {
    const bytes = png(LOGO_MAX_BYTES);
    const made = logoFromBytes(bytes, 'logo.png');
    if (!made.ok) throw new Error(made.problem);
    expect(logoBytes(made.logo)).toBe(LOGO_MAX_BYTES);
    const back = Uint8Array.from(atob(made.logo.data), (c) => c.charCodeAt(0));
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    expect(logoSchema.safeParse(made.logo).success).toBe(true);
    expect(logoDataUrl(made.logo).startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
  });

  it('refuses a stored logo whose bytes are not the format it claims (an SVG labelled PNG in a bundle)', () => {
    const svg = btoa('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect(logoSchema.safeParse({ fileName: 'x.png', mediaType: 'image/png', data: svg }).success).toBe(false);
    expect(logoSchema.safeParse({ fileName: 'x.svg', mediaType: 'image/svg+xml', data: svg }).success).toBe(false);
    expect(logoSchema.safeParse({ fileName: 'x.png', mediaType: 'image/png', data: 'not base64 at all!' }).success).toBe(false);
  });

  it('is part of the workspace profile, empty by default', () => {
    const ws = workspaceSchema.parse({
      id: 'w',
      name: 'Acme',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      catalogVersion: '1',
      profile: {},
      soaMeta: {},
      riskMatrix: reportInput().workspace.riskMatrix,
    });
    expect(ws.profile.logo).toBeNull();
  });

  it('reads in the history by its file name and format, whole or clipped, never as base64', () => {
    setLocale('en');
    const made = logoFromBytes(png(60_000), 'Acme "logo".png');
    if (!made.ok) throw new Error(made.problem);
    expect(fieldValueText('workspaces', 'profile.logo', made.logo, ctx)).toBe('Acme "logo".png (PNG image)');
    const clipped = clipValue(made.logo);
    expect(JSON.stringify(clipped).length).toBeLessThan(JSON.stringify(made.logo).length);
    const text = fieldValueText('workspaces', 'profile.logo', clipped, ctx);
    expect(text).toBe('Acme "logo".png (PNG image)');
    expect(text).not.toContain('iVBOR');
  });

  it('heads the bundle report as an image from a data URL, named for the organization', () => {
    setLocale('en');
    const made = logoFromBytes(png(), 'logo.png');
    if (!made.ok) throw new Error(made.problem);
    const input = reportInput();
    const ws = { ...input.workspace, profile: { ...input.workspace.profile, organizationName: 'Acme <AI>', logo: made.logo } };
    const out = renderReportHtml({ ...input, workspace: ws });
    const img = /<img class="logo" src="([^"]*)" alt="([^"]*)">/.exec(out);
    expect(img?.[1]?.replaceAll('&#61;', '=')).toBe(logoDataUrl(made.logo));
    expect(img?.[2]).toBe('Logo of Acme &lt;AI&gt;');
    expect(renderReportHtml(input)).not.toContain('<img');
  });
});
