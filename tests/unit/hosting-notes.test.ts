import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe("README's hosting notes", () => {
  it("give the page's own CSP as a header, with frame-ancestors (which a <meta> CSP cannot carry)", () => {
    const html = readFileSync('index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeTruthy();
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`Content-Security-Policy: ${meta}; frame-ancestors 'none'\n`);
    expect(readme).toContain('X-Frame-Options: DENY\n');
  });
});
