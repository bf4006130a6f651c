/**
 * Headers compare without case, punctuation, symbols, spaces or width: "Due-Date", "due date" and
 * "ＤＵＥ　ＤＡＴＥ" are one header; "AI 系统" is "ai系统". NFKC first, so full-width forms fold.
 */
export function normHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** A cell value as the key of a value map: NFKC, trimmed, lower case, inner spaces collapsed. */
export function normValue(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
