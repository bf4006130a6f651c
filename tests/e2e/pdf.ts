import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader to check what Chromium printed, without a dependency: Chromium (Skia)
 * writes PDF 1.4 with plain indirect objects (no object streams), Flate-compressed content streams,
 * and Type0 fonts whose glyph codes map to text through ToUnicode CMaps. Text comes from the
 * Tj / TJ operators, a line per text positioning that moves down the page.
 */

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<string, PdfObject> {
  const s = pdf.toString('latin1');
  const objects = new Map<string, PdfObject>();
  const re = /(\d+) (\d+) obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    if (end < 0) break;
    const body = s.slice(start, end);
    const at = body.search(/\bstream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0) {
      dict = body.slice(0, at);
      const dataStart = body.indexOf('\n', at) + 1;
      const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
      const raw = length ? body.slice(dataStart, dataStart + Number(length[1])) : body.slice(dataStart, body.lastIndexOf('endstream')).replace(/\r?\n$/, '');
      const bytes = Buffer.from(raw, 'latin1');
      stream = /\/FlateDecode/.test(dict) ? safeInflate(bytes) : bytes;
    }
    objects.set(`${m[1]} ${m[2]}`, { dict, stream });
    re.lastIndex = end;
  }
  return objects;
}

function safeInflate(bytes: Buffer): Buffer | null {
  try {
    return inflateSync(bytes);
  } catch {
    return null;
  }
}

const hexToUnicode = (hex: string): string => {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

/** A ToUnicode CMap: glyph code (hex, upper case) → text. */
function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(src!.toUpperCase(), hexToUnicode(dst!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      const width = lo!.length;
      const list = rest!.startsWith('[') ? [...rest!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => hexToUnicode(x[1]!)) : null;
      const base = list ? '' : hexToUnicode(rest!.slice(1, -1));
      for (let code = from; code <= to; code++) {
        const key = code.toString(16).toUpperCase().padStart(width, '0');
        if (list) map.set(key, list[code - from] ?? '');
        else map.set(key, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (code - from)));
      }
    }
  }
  return map;
}

const ref = (dict: string, key: string): string | null => new RegExp(`/${key}\\s+(\\d+ \\d+) R`).exec(dict)?.[1] ?? null;

/** The font resources of a page: resource name → ToUnicode map (null for a simple font without one). */
function pageFonts(page: string, objects: Map<string, PdfObject>): Map<string, Map<string, string> | null> {
  const fonts = new Map<string, Map<string, string> | null>();
  let resources = /\/Resources\s*<<([\s\S]*)>>/.exec(page)?.[1] ?? '';
  const resRef = ref(page, 'Resources');
  if (resRef) resources = objects.get(resRef)?.dict ?? '';
  let fontDict = /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '';
  const fontRef = ref(resources, 'Font');
  if (fontRef) fontDict = objects.get(fontRef)?.dict ?? '';
  for (const [, name, id] of fontDict.matchAll(/\/(\S+?)\s+(\d+ \d+) R/g)) {
    const font = objects.get(id!);
    const cmapId = font ? ref(font.dict, 'ToUnicode') : null;
    const cmap = cmapId ? objects.get(cmapId)?.stream : null;
    fonts.set(name!, cmap ? parseCMap(cmap.toString('latin1')) : null);
  }
  return fonts;
}

/** Decodes a literal string's escapes: (a\(b\)) → a(b). */
function literal(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) => {
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return simple[c] ?? String.fromCharCode(parseInt(c, 8));
  });
}

function decode(hex: string, cmap: Map<string, string> | null): string {
  if (!cmap) return hexToUnicode(hex);
  const width = cmap.size ? [...cmap.keys()][0]!.length : 4;
  let out = '';
  for (let i = 0; i + width <= hex.length; i += width) out += cmap.get(hex.slice(i, i + width).toUpperCase()) ?? '';
  return out;
}

/** The text of one content stream. */
function contentText(content: string, fonts: Map<string, Map<string, string> | null>): string {
  let out = '';
  let cmap: Map<string, string> | null = null;
  // Tokens: names, hex strings, literal strings, arrays' brackets, numbers, operators.
  const tokens = content.matchAll(/\/[^\s/<>[\]()]+|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|-?\d*\.?\d+|[A-Za-z'"*]+/g);
  const stack: string[] = [];
  const show = (token: string) => {
    if (token.startsWith('<')) out += decode(token.slice(1, -1).replace(/\s/g, ''), cmap);
    else if (token.startsWith('(')) out += literal(token.slice(1, -1));
    else if (Number(token) < -250) out += ' '; // a wide gap inside a TJ array
  };
  for (const [token] of tokens) {
    switch (token) {
      case 'Tf':
        cmap = fonts.get(stack.at(-2)?.slice(1) ?? '') ?? null;
        stack.length = 0;
        break;
      case 'Tj':
      case "'":
      case '"':
        if (token !== 'Tj') out += '\n';
        show(stack.at(-1) ?? '');
        stack.length = 0;
        break;
      case 'TJ': {
        const open = stack.lastIndexOf('[');
        for (const t of stack.slice(open + 1)) if (t !== ']') show(t);
        stack.length = 0;
        break;
      }
      case 'Td':
      case 'TD':
        // A move down starts a new line; a move along the line joins (Skia splits runs at spaces).
        if (Number(stack.at(-1)) !== 0) out += '\n';
        stack.length = 0;
        break;
      case 'Tm':
      case 'T*':
      case 'ET':
        out += '\n';
        stack.length = 0;
        break;
      default:
        if (/^[A-Za-z'"*]+$/.test(token) && token !== 'true' && token !== 'false') stack.length = 0;
        else stack.push(token);
    }
  }
  return out;
}

export interface PdfText {
  /** Number of pages. */
  pages: number;
  /** The text of each page, in content order. */
  pageTexts: string[];
  /** Each page's size in millimetres, [width, height], rounded. */
  sizes: [number, number][];
  /** All pages' text, whitespace collapsed to single spaces. */
  text: string;
}

const isPage = (dict: string) => /\/Type\s*\/Page\b(?!s)/.test(dict);

/** The page objects in reading order: the page tree from the catalog, else file order. */
function pagesInOrder(objects: Map<string, PdfObject>): PdfObject[] {
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const root = catalog ? ref(catalog.dict, 'Pages') : null;
  const out: PdfObject[] = [];
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const node = objects.get(id);
    if (!node) return;
    if (isPage(node.dict)) return void out.push(node);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '';
    for (const [, kid] of kids.matchAll(/(\d+ \d+) R/g)) walk(kid!);
  };
  if (root) walk(root);
  return out.length ? out : [...objects.values()].filter((o) => isPage(o.dict));
}

/** The pages and the printed text of a PDF that Chromium made. */
export function pdfText(pdf: Buffer): PdfText {
  const objects = readObjects(pdf);
  const pageTexts: string[] = [];
  const sizes: [number, number][] = [];
  const mm = (pt: number) => Math.round((pt / 72) * 25.4);
  for (const obj of pagesInOrder(objects)) {
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(obj.dict)?.slice(1).map(Number);
    sizes.push(box ? [mm(box[2]! - box[0]!), mm(box[3]! - box[1]!)] : [0, 0]);
    const fonts = pageFonts(obj.dict, objects);
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(obj.dict)?.[1] ?? ref(obj.dict, 'Contents') ?? '';
    let text = '';
    for (const [, id] of contents.matchAll(/(\d+ \d+)(?: R)?/g)) {
      const stream = objects.get(id!)?.stream;
      if (stream) text += contentText(stream.toString('latin1'), fonts);
    }
    // Ligatures (ﬁ, ﬂ) map to their letters, so "Qualified" reads as typed.
    pageTexts.push(text.normalize('NFKC'));
  }
  return { pages: pageTexts.length, pageTexts, sizes, text: pageTexts.join('\n').replace(/\s+/g, ' ') };
}
