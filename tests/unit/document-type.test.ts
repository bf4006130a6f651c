import { describe, expect, it } from 'vitest';
import { suggestDocumentType } from '../../src/domain/cycle/document-type';

describe('a new document’s type suggested from its title', () => {
  it('suggests "AI policy" for the titles an AI policy carries, in either language', () => {
    for (const title of ['AI Policy', 'AI policy v2', 'Responsible AI Use Policy', 'Artificial intelligence policy', '人工智能政策', 'AI方针'])
      expect(suggestDocumentType(title), title).toBe('ai-policy');
  });

  it('suggests the other types by their words, and a generic policy only when no AI is named', () => {
    expect(suggestDocumentType('Information security policy')).toBe('policy');
    expect(suggestDocumentType('Model release procedure')).toBe('procedure');
    expect(suggestDocumentType('AI risk assessment process')).toBe('process');
    expect(suggestDocumentType('Bias testing plan')).toBe('plan');
    expect(suggestDocumentType('Training records 2026')).toBe('record');
  });

  it('suggests nothing when the title names no type (the person must choose)', () => {
    expect(suggestDocumentType('Model card: ClaimSort')).toBeNull();
    expect(suggestDocumentType('')).toBeNull();
    expect(suggestDocumentType('Explainable AI')).toBeNull();
  });
});
