import { cellToText, type CellValue } from './sheet-cells';
import { messageAliases, sheetNameAliases } from './sheet-labels';

/**
 * What a workbook says of itself on its About sheet (workbook-export.ts writes it): a blank template
 * or a full export, and when it was exported. The import reads it in any loaded language, and from
 * a copy LibreOffice or Excel saved again (it is plain text in two columns). A file without it (a
 * CSV, a single register, a workbook from an older version or from elsewhere) is 'other'.
 */
export interface WorkbookOrigin {
  kind: 'template' | 'export' | 'other';
  /** The About sheet's export time (ISO), when it has one. */
  exportedAt: string | null;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const aliases = (key: string) => new Set(messageAliases(key).map(norm));

export function workbookOrigin(sheets: readonly { name: string; rows: CellValue[][] }[]): WorkbookOrigin {
  const about = aliases('sheetName.About');
  for (const n of sheetNameAliases('About')) about.add(norm(n));
  const sheet = sheets.find((s) => about.has(norm(s.name)));
  if (!sheet) return { kind: 'other', exportedAt: null };
  const kindLabel = aliases('sheets.about.kind');
  const exportedLabel = aliases('sheets.about.exported');
  const template = aliases('sheets.about.kind.template');
  const full = aliases('sheets.about.kind.full');
  let kind: WorkbookOrigin['kind'] = 'other';
  let exportedAt: string | null = null;
  for (const row of sheet.rows) {
    const label = norm(cellToText(row[0] ?? null));
    const value = cellToText(row[1] ?? null).trim();
    if (kindLabel.has(label)) kind = template.has(norm(value)) ? 'template' : full.has(norm(value)) ? 'export' : kind;
    else if (exportedLabel.has(label) && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) exportedAt = value;
  }
  return { kind, exportedAt };
}
