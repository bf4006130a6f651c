/**
 * The report's only way to make markup: `html` templates, where every interpolated value that is not
 * itself built by `html` is text and gets escaped. No user value can become markup or an attribute.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '=': '&#61;', '`': '&#96;' };
const UNSAFE = /[&<>"'=`]/;
const UNSAFE_ALL = /[&<>"'=`]/g;

/**
 * The one escape for all text that reaches the report, in element content and attribute values
 * alike. `=` and the backtick go too: harmless either way once < > " ' are escaped, but then not
 * even inert text like `onerror=` is left for a scanner (or a careless later edit) to trip over.
 */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is far cheaper than a replace with a callback per match.
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => ESCAPES[c]!) : text;
}
/**
 * Markup built by `html`; everything else interpolated into it is text and gets escaped. A template
 * keeps its pieces (the markup around its holes and what fills them) and is written out once, by
 * `writeHtml` or `value`: joining each level's text into a string on the way up copied every byte of
 * a report once per level (a risk card's field, the card, the cards, the section), and made one
 * string of the whole 50,000-risk section (about 140 MB) before any of it could be compressed.
 */
export class Html {
  /** The markup between the holes (one more than `parts`); a plain `new Html(markup)` has one and no holes. */
  readonly strings: readonly string[];
  readonly parts: readonly Part[];
  constructor(value: string, parts?: { strings: readonly string[]; parts: readonly Part[] }) {
    this.strings = parts ? parts.strings : [value];
    this.parts = parts ? parts.parts : [];
  }
  /** The markup as one string. */
  get value(): string {
    let out = '';
    writeHtml(this, (piece) => (out += piece), Infinity);
    return out;
  }
}
export type Part = string | number | Html | null | undefined | false | readonly Part[];

/** Gathers text into pieces of at least `size` characters (the last may be shorter) and hands each on joined. */
class Pieces {
  #held: string[] = [];
  #length = 0;
  constructor(
    readonly size: number,
    readonly out: (piece: string) => void,
  ) {}
  add(text: string): void {
    if (text.length === 0) return;
    this.#held.push(text);
    this.#length += text.length;
    if (this.#length >= this.size) this.flush();
  }
  flush(): void {
    if (this.#held.length === 0) return;
    const piece = this.#held.length === 1 ? this.#held[0]! : this.#held.join('');
    this.#held = [];
    this.#length = 0;
    this.out(piece);
  }
}

function emit(part: Part, to: Pieces): void {
  if (part === null || part === undefined || part === false) return;
  if (part instanceof Html) {
    const { strings, parts } = part;
    to.add(strings[0]!);
    for (let i = 0; i < parts.length; i++) {
      emit(parts[i], to);
      to.add(strings[i + 1]!);
    }
    return;
  }
  if (typeof part === 'object') {
    for (const p of part) emit(p, to);
    return;
  }
  to.add(escapeHtml(String(part)));
}

/**
 * Writes markup (text in it escaped) in pieces of at least `size` characters, in order: the pieces
 * joined are the whole. Each byte is copied once on the way, and a large report goes to the zip while
 * it is being written instead of as one string at the end.
 */
export function writeHtml(part: Part, write: (piece: string) => void, size = 1 << 16): void {
  const to = new Pieces(size, write);
  emit(part, to);
  to.flush();
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html('', { strings, parts });
}

/** Long text keeps its line breaks (white-space: pre-wrap), never turned into markup. */
export const text = (value: string) => html`<span class="pre">${value}</span>`;

/**
 * A table that scrolls sideways inside its own box on a narrow screen instead of widening the page.
 * `widths`: column shares in percent, constants of the report (never user data).
 */
export function table(headers: readonly string[], rows: Part, widths: readonly number[] = [], caption?: string): Html {
  const cols = widths.length > 0 ? html`<colgroup>${widths.map((w) => html`<col style="width:${w}%">`)}</colgroup>` : '';
  // Many columns keep a readable width and scroll on a phone rather than squeezing to a word per line.
  const wide = headers.length > 5 ? html` style="min-width:${headers.length * 6}rem"` : '';
  return html`<div class="scroll"><table${wide}>${caption ? html`<caption>${caption}</caption>` : ''}${cols}<thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/**
 * A relative link to a file inside the extracted bundle: each path segment URL-encoded (a file name
 * with spaces, `#` or `?` still opens that file). Only paths the exporter wrote reach here.
 */
export function fileHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
