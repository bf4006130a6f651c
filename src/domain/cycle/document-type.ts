import { documentTypes } from './kinds-support';

export type DocumentType = (typeof documentTypes)[number];

/** A title that names an AI policy, in either language ("AI Policy", "Responsible AI use policy", "人工智能政策", "AI 方针"). */
export const AI_POLICY_TITLE = /\b(AI|artificial intelligence)\b[^\n]*\bpolic(y|ies)\b|(人工智能|AI)\s*(政策|方针)/i;

const BY_TITLE: readonly [RegExp, DocumentType][] = [
  [AI_POLICY_TITLE, 'ai-policy'],
  [/\bprocedures?\b|程序/i, 'procedure'],
  [/\bprocess(es)?\b|流程|过程/i, 'process'],
  [/\bplans?\b|计划/i, 'plan'],
  [/\bpolic(y|ies)\b|政策|方针/i, 'policy'],
  [/\brecords?\b|\blog\b|记录/i, 'record'],
];

/**
 * The document type a title suggests, or null when it suggests none. Only a suggestion: the person
 * sees it in the form before the document is created (5.2: an AI policy filed as a generic policy
 * is not found where an auditor looks for it).
 */
export function suggestDocumentType(title: string): DocumentType | null {
  for (const [pattern, type] of BY_TITLE) if (pattern.test(title)) return type;
  return null;
}

export const isDocumentType = (v: string): v is DocumentType => (documentTypes as readonly string[]).includes(v);
