/**
 * The fixed parts of an .xlsx package (SpreadsheetML, ECMA-376 transitional, as Excel writes it):
 * content types, relationships, the workbook with its sheets and autofilter names, the styles and
 * the document properties. The sheets and shared strings come from xlsx-sheet.ts.
 */

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes (cellXfs) the sheets use. */
export const STYLE = { none: 0, date: 1, dateTime: 2, header: 3, wrap: 4 } as const;

/** Characters XML 1.0 cannot hold at all (not even as references). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text for XML content and attribute values: markup characters escaped, characters XML cannot hold
 * left out (a workspace name pasted with a control character must not break the document title).
 * Cell text keeps them, as _xHHHH_ (xlsx-sheet.ts).
 */
export function escapeXml(text: string): string {
  const clean = text.replace(NOT_XML, '');
  return /[&<>"]/.test(clean) ? clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : clean;
}

/**
 * A sheet name as a formula reference needs it: quoted unless plain letters, digits, dots and
 * underscores not starting with a digit and not shaped like a cell reference (A1, R1C1).
 */
export function sheetRef(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[Rr]([0-9]+)?([Cc]([0-9]+)?)?$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface SheetPart {
  name: string;
  /** An autofilter range such as A1:F10, for the workbook's hidden _FilterDatabase name. */
  autofilter?: string;
  /** Not shown among the tabs (the lists the drop-downs refer to). */
  hidden?: boolean;
}

export function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
    sheets +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
    `</Types>`
  );
}

export function rootRels(): string {
  return (
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/>` +
    `</Relationships>`
  );
}

export function workbookRels(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return (
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>` +
    `</Relationships>`
  );
}

export function workbookXml(sheets: readonly SheetPart[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  const names = sheets
    .map((s, i) => {
      if (!s.autofilter) return '';
      const [from, to] = s.autofilter.split(':').map((c) => c.replace(/^([A-Z]+)([0-9]+)$/, '$$$1$$$2'));
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${sheetRef(s.name)}!${from}:${to}`)}</definedName>`;
    })
    .join('');
  return (
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<workbookPr/><bookViews><workbookView/></bookViews><sheets>${list}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    `</workbook>`
  );
}

/** Plain cells, the two date formats (ISO order, whatever the reader's locale), a bold header and wrapped long text. */
export function stylesXml(): string {
  return (
    `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">` +
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="5">` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
    `</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}

/** Title only: no author and no dates, so the same data always gives the same bytes. */
export function coreXml(title: string | undefined): string {
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (title ? `<dc:title>${escapeXml(title)}</dc:title>` : '') +
    `</cp:coreProperties>`
  );
}

export function appXml(): string {
  return `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>AIMS Workbench</Application></Properties>`;
}

export { XML_DECL, NS_MAIN, NS_REL };
