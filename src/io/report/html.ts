/**
 * The report's only way to make markup: `html` templates, where every interpolated value that is not
 * itself built by `html` is text and gets escaped. No user value can become markup or an attribute.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '=': '&#61;', '`': '&#96;' };

/**
 * The one escape for all text that reaches the report, in element content and attribute values
 * alike. `=` and the backtick go too: harmless either way once < > " ' are escaped, but then not
 * even inert text like `onerror=` is left for a scanner (or a careless later edit) to trip over.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'=`]/g, (c) => ESCAPES[c]!);
}

/** Markup built by `html`; everything else interpolated into it is text and gets escaped. */
export class Html {
  constructor(readonly value: string) {}
}
export type Part = string | number | Html | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (typeof part === 'object') return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + render(parts[i - 1]) + s));
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
