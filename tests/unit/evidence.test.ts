import { describe, expect, it } from 'vitest';
import { canOpenInBrowser, evidenceUrlSchema, safeFileName } from '../../src/domain/evidence-schema';

describe('evidence safety', () => {
  it('opens only types that cannot run script in our origin', () => {
    for (const ok of ['application/pdf', 'image/png', 'IMAGE/JPEG', 'text/plain; charset=utf-8']) expect(canOpenInBrowser(ok), ok).toBe(true);
    for (const bad of ['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/javascript', '', 'application/octet-stream']) {
      expect(canOpenInBrowser(bad), bad).toBe(false);
    }
  });

  it('accepts only http and https links', () => {
    expect(evidenceUrlSchema.safeParse('https://intranet.example/policy.pdf').success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'policy.pdf', '']) {
      expect(evidenceUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('keeps only a harmless base name for downloads', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(safeFileName('a\u0000b<c>.txt')).toBe('a_b_c_.txt');
    expect(safeFileName('...')).toBe('evidence');
    expect(safeFileName('x'.repeat(400) + '.pdf')).toHaveLength(255);
  });
});
