/** The window's own origin and its top window, as much as a page may see of them. */
export interface FramedWindow {
  readonly self: unknown;
  readonly top: { readonly location: { readonly origin: string } } | null;
  readonly location: { readonly origin: string };
}

/**
 * Whether a page of another origin frames the app. That page could overlay the app's buttons
 * (clickjacking), and a static host sends no `frame-ancestors` (a `<meta>` CSP cannot carry it),
 * so the app refuses to run framed; a frame of its own origin is the app itself and may run.
 */
export function framedByOtherOrigin(w: FramedWindow): boolean {
  if (!w.top || w.top === w.self) return false;
  try {
    return w.top.location.origin !== w.location.origin;
  } catch {
    return true; // reading another origin's location throws
  }
}
