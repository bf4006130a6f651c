import { z } from 'zod';

/**
 * The organization's logo, printed on every print view and in a bundle's report.html. Stored in the
 * workspace record (so a bundle carries it) as base64 text with its media type: only raster formats
 * a browser shows in an <img> without running anything (no SVG), and small, since it travels with
 * every save of the profile and every bundle.
 */

export const LOGO_MAX_BYTES = 256 * 1024;
export const logoMediaTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoMediaType = (typeof logoMediaTypes)[number];

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_MAX = Math.ceil(LOGO_MAX_BYTES / 3) * 4;

export const logoSchema = z
  .strictObject({
    // The name and type come first: a history entry keeps the start of a long value, and reads them there.
    fileName: z.string().max(255).default(''),
    mediaType: z.enum(logoMediaTypes),
    data: z.string().min(4).max(BASE64_MAX).regex(BASE64),
  })
  .refine((logo) => sniffLogo(fromBase64(logo.data.slice(0, 24))) === logo.mediaType, { message: 'logo-type-mismatch', path: ['data'] });
export type Logo = z.infer<typeof logoSchema>;

/** The image format the bytes start with, from their signature; null when they are not PNG, JPEG or WebP. */
export function sniffLogo(bytes: Uint8Array): LogoMediaType | null {
  const at = (i: number, ...xs: number[]) => xs.every((x, k) => bytes[i + k] === x);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

export type LogoProblem = 'logo-not-image' | 'logo-too-large' | 'logo-empty';

/** A logo from a chosen file's bytes, or why it cannot be one. The format is read from the bytes, never from the name. */
export function logoFromBytes(bytes: Uint8Array, fileName: string): { ok: true; logo: Logo } | { ok: false; problem: LogoProblem } {
  if (bytes.length === 0) return { ok: false, problem: 'logo-empty' };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, problem: 'logo-too-large' };
  const mediaType = sniffLogo(bytes);
  if (!mediaType) return { ok: false, problem: 'logo-not-image' };
  return { ok: true, logo: { fileName: fileName.slice(0, 255), mediaType, data: toBase64(bytes) } };
}

/** The logo as an `<img src>`: a data URL (the app's and the report's CSP allow `img-src data:`). */
export function logoDataUrl(logo: Logo): string {
  return `data:${logo.mediaType};base64,${logo.data}`;
}

/** Size of the image in bytes, from its base64 length. */
export function logoBytes(logo: Logo): number {
  const pad = logo.data.endsWith('==') ? 2 : logo.data.endsWith('=') ? 1 : 0;
  return (logo.data.length / 4) * 3 - pad;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  // In slices: one character per byte, never a spread of the whole array into one call.
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 8192)));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const clean = text.slice(0, text.length - (text.length % 4));
  let s: string;
  try {
    s = atob(clean);
  } catch {
    return new Uint8Array();
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
