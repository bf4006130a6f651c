/**
 * Fills a message's parameters, ICU MessageFormat style: `{name}` is the value as given, and a plural
 * block `{count, plural, =0 {no risks} one {# risk} other {# risks}}` picks the branch for the number
 * (an exact `=N` first, then the language's category from Intl.PluralRules, else `other`); `#` inside
 * a branch is the number as the reader writes it ("50,000"). Pure text: the page's t(), the English
 * fallback of problem texts and the tests share it.
 *
 * In a template with a plural block every number is written so, in a plain `{limit}` too ("20,001
 * characters; at most 20,000 fit"), as ICU does. A template without ", plural," takes the old single
 * replace, its values as given (t() runs per row in reports of 10,000 risks); one with a block is
 * parsed once and kept.
 */
export type Params = Record<string, string | number>;

type Part = { k: 'text'; s: string } | { k: 'arg'; name: string } | { k: 'hash' } | { k: 'plural'; name: string; branches: Record<string, Part[]> };

const PLURAL = ', plural,';

/** What a template could not say: a plural block without its `other` branch, or one left open. */
export class MessageFormatError extends Error {}

const parsed = new Map<string, Part[]>();

function parse(template: string): Part[] {
  let i = 0;
  /** Reads parts up to the closing brace of a branch (inBranch) or the end. */
  function parts(inBranch: boolean): Part[] {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ k: 'text', s: text });
      text = '';
    };
    while (i < template.length) {
      const c = template[i]!;
      if (inBranch && c === '}') return (flush(), out);
      if (inBranch && c === '#') {
        flush();
        out.push({ k: 'hash' });
        i += 1;
        continue;
      }
      if (c === '{') {
        const m = /^\{(\w+)(\}|, plural,)/.exec(template.slice(i, i + 80));
        if (m) {
          flush();
          i += m[0].length;
          out.push(m[2] === '}' ? { k: 'arg', name: m[1]! } : { k: 'plural', name: m[1]!, branches: branches(m[1]!) });
          continue;
        }
      }
      text += c;
      i += 1;
    }
    if (inBranch) throw new MessageFormatError(`a plural branch is not closed in "${template}"`);
    return (flush(), out);
  }
  /** Reads `selector {branch}` pairs up to the block's closing brace. */
  function branches(name: string): Record<string, Part[]> {
    const out: Record<string, Part[]> = {};
    for (;;) {
      while (template[i] === ' ') i += 1;
      if (template[i] === '}') {
        i += 1;
        if (!out.other) throw new MessageFormatError(`the plural block of {${name}} has no "other" branch in "${template}"`);
        return out;
      }
      const m = /^(=\d+|zero|one|two|few|many|other) ?\{/.exec(template.slice(i, i + 12));
      if (!m) throw new MessageFormatError(`the plural block of {${name}} is not understood in "${template}"`);
      i += m[0].length;
      out[m[1]!] = parts(true);
      i += 1; // the branch's closing brace
    }
  }
  return parts(false);
}

function parsedOf(template: string): Part[] {
  let p = parsed.get(template);
  if (!p) parsed.set(template, (p = parse(template)));
  return p;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function category(locale: string, n: number): string {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r.select(n);
}

/** A count given as text ("1", or one formatted earlier such as "50,000"): its number if it reads as one, else none. */
function numberOf(v: string | number): number {
  if (typeof v === 'number') return v;
  return v.trim() === '' ? NaN : Number(v);
}

/**
 * A whole number under 1,000 reads the same in every language of the app (Latin digits, nothing to
 * group): written without Intl, which costs ten times as much, and its category kept per language.
 */
function written(v: number, formatNumber: (n: number) => string): string {
  return Number.isInteger(v) && v > -1000 && v < 1000 ? String(v) : formatNumber(v);
}
const smallCategories = new Map<string, string[]>();
function categoryOf(locale: string, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return category(locale, n);
  let known = smallCategories.get(locale);
  if (!known) smallCategories.set(locale, (known = []));
  return (known[n] ??= category(locale, n));
}

function render(ps: Part[], params: Params, locale: string, formatNumber: (n: number) => string, hash?: string): string {
  let out = '';
  for (const p of ps) {
    if (p.k === 'text') out += p.s;
    else if (p.k === 'hash') out += hash ?? '#';
    else if (p.k === 'arg') {
      const v = params[p.name];
      out += v === undefined ? `{${p.name}}` : typeof v === 'number' ? written(v, formatNumber) : v;
    } else {
      const v = params[p.name];
      if (v === undefined) {
        out += render(p.branches.other!, params, locale, formatNumber, `{${p.name}}`);
        continue;
      }
      const n = numberOf(v);
      const branch = p.branches[`=${n}`] ?? (Number.isFinite(n) ? p.branches[categoryOf(locale, n)] : undefined) ?? p.branches.other!;
      out += render(branch, params, locale, formatNumber, typeof v === 'number' ? written(v, formatNumber) : v);
    }
  }
  return out;
}

/** The template with its parameters filled in the given language; a parameter not given stays visible as `{name}`. */
export function fillMessage(template: string, params: Params, locale: string, formatNumber: (n: number) => string): string {
  if (!template.includes(PLURAL)) return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return render(parsedOf(template), params, locale, formatNumber);
}

/** Whether a template has a plural block (its numbers are then written as the reader writes them). */
export function hasPlural(template: string): boolean {
  return template.includes(PLURAL);
}

/**
 * The parameters a template takes, a plural block's variable counted like a plain `{name}` (so the
 * parity test compares "{count, plural, one {# risk} other {# risks}}" with Chinese "{count} 个风险").
 * Throws MessageFormatError on a plural block without `other` or not closed.
 */
export function messageParams(template: string): string[] {
  const names = new Set<string>();
  const walk = (ps: Part[]) => {
    for (const p of ps) {
      if (p.k === 'arg') names.add(p.name);
      if (p.k === 'plural') {
        names.add(p.name);
        for (const b of Object.values(p.branches)) walk(b);
      }
    }
  };
  walk(template.includes(PLURAL) ? parse(template) : [...template.matchAll(/\{(\w+)\}/g)].map((m) => ({ k: 'arg' as const, name: m[1]! })));
  return [...names].sort();
}

/** The template with each plural block cut down to its `other` branch, `#` kept: what a scan for nouns that do not agree reads. */
export function pluralFree(template: string): string {
  if (!template.includes(PLURAL)) return template;
  const flat = (ps: Part[]): string =>
    ps.map((p) => (p.k === 'text' ? p.s : p.k === 'hash' ? '#' : p.k === 'arg' ? `{${p.name}}` : flat(p.branches.other!))).join('');
  return flat(parse(template));
}
