/**
 * SheetJS reads an ODS cell's text loosely: it trims each paragraph and collapses its white space
 * (LibreOffice writes a trailing space literally, so "trail " came back "trail", and "line  two"
 * after a line break came back "line two"), and it decodes OOXML's `_xHHHH_` escapes in ODS text,
 * which has none (the literal text "_x0041_" came back "A"). Before SheetJS sees content.xml, each
 * cell's text is worked out here as LibreOffice Calc reads it (every literal character kept,
 * `<text:s text:c>` spaces, tabs and line breaks as such, paragraphs as lines; checked with
 * LibreOffice 7.4) and written back in the one form SheetJS decodes exactly: every space, tab and
 * line break as its element, `_` as `_x005F_`, one paragraph per cell.
 *
 * SheetJS also logs "ODS number format may be incorrect" through console.error for every
 * conditional number style (`<style:map>`) it does not know; the import reads raw values and never
 * formats, so those maps are dropped (a style without its conditions formats nothing we read).
 */

// The tag tokens SheetJS's ODS parser uses (xlmlregex), with names cut at "_" as it does.
const TAG = /<([/]?)([^\s?><!/:"]*:|)([^\s?<>:/"]+)(?:\s+[^<>=?"'\s]+="[^"]*?")*\s*[/]?>/gm;

const ENTITY = /&(?:(quot|apos|gt|lt|amp)|#x([\da-fA-F]+)|#(\d+));/g;
const NAMED: Record<string, string> = { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' };

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m, name?: string, hex?: string, dec?: string) => {
    if (name) return NAMED[name]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const localName = (m: RegExpExecArray) => m[3]!.replace(/_[\s\S]*$/, '');

/**
 * One paragraph's inner XML as the text LibreOffice reads from it. LibreOffice Calc keeps a cell's
 * literal spaces as they are (it writes a paragraph after a line break with its spaces unescaped,
 * "line  two ", and reads it back so), so nothing here is collapsed or trimmed.
 */
function paragraphText(inner: string): string {
  let out = '';
  let last = 0;
  const tags = new RegExp(TAG.source, 'gm');
  for (let m = tags.exec(inner); m; m = tags.exec(inner)) {
    out += decodeEntities(inner.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] === '/') continue;
    const name = localName(m);
    if (name === 's') {
      const c = /\s(?:[^\s=]*:)?c="(\d+)"/.exec(m[0]);
      out += ' '.repeat(Math.min(c ? parseInt(c[1]!, 10) : 1, 32_767));
    } else if (name === 'tab') out += '\t';
    else if (name === 'line-break') out += '\n';
    // Spans, links and other markup: their text counts, the tags do not.
  }
  return out + decodeEntities(inner.slice(last));
}

/** Text in the form SheetJS's parse_text_p gives back unchanged. */
function encodeForSheetJs(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === ' ') out += '<text:s/>';
    else if (ch === '\t') out += '<text:tab/>';
    else if (ch === '\n') out += '<text:line-break/>';
    else if (ch === '\r') out += '&#13;';
    else if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '_') out += '_x005F_';
    else out += ch;
  }
  return out;
}

interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/**
 * content.xml (or styles.xml) rewritten so that SheetJS reads every cell's text exactly as
 * LibreOffice shows it, and logs nothing about number formats. Annotations (cell comments) keep
 * their paragraphs as they are. Returns the input itself when nothing needed rewriting.
 */
export function exactOdsText(xml: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  let cell: Paragraph[] | null = null;
  let annotation = 0;
  let open: { start: number; contentStart: number } | null = null;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const name = localName(m);
    const closing = m[1] === '/';
    const selfClosing = !closing && m[0].endsWith('/>');
    if (name === 'map' && m[2] === 'style:' && !closing) {
      edits.push({ start: m.index, end: m.index + m[0].length, text: '' });
    } else if (name === 'table-cell' || name === 'covered-table-cell') {
      if (closing && cell) flushCell(cell, edits);
      // SheetJS takes a string-value attribute over the paragraphs, and decodes `_xHHHH_` in it too.
      if (!closing && /string-value="[^"]*_/.test(m[0])) {
        const tag = m[0].replace(/(string-value=")([^"]*)"/g, (_, a: string, v: string) => `${a}${v.replaceAll('_', '_x005F_')}"`);
        edits.push({ start: m.index, end: m.index + m[0].length, text: tag });
      }
      cell = !closing && !selfClosing ? [] : null;
    } else if (name === 'annotation') {
      if (!selfClosing) annotation += closing ? -1 : 1;
    } else if (name === 'p' && cell && annotation === 0) {
      if (selfClosing) cell.push({ start: m.index, end: m.index + m[0].length, text: '' });
      else if (!closing) open = { start: m.index, contentStart: m.index + m[0].length };
      else if (open) {
        cell.push({ start: open.start, end: m.index + m[0].length, text: paragraphText(xml.slice(open.contentStart, m.index)) });
        open = null;
      }
    }
  }
  if (edits.length === 0) return xml;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** A cell's paragraphs as one, at the first one's place (SheetJS joins paragraphs, but loses a leading empty one). */
function flushCell(paragraphs: Paragraph[], edits: { start: number; end: number; text: string }[]): void {
  if (paragraphs.length === 0) return;
  const text = paragraphs.map((p) => p.text).join('\n');
  paragraphs.forEach((p, i) => edits.push({ start: p.start, end: p.end, text: i === 0 ? (text ? `<text:p>${encodeForSheetJs(text)}</text:p>` : '') : '' }));
}
