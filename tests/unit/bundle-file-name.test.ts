import { describe, expect, it } from 'vitest';
import { bundleFileName } from '../../src/io/bundle/bundle-export';

describe('bundle file names', () => {
  it('name workspace and date', () => {
    expect(bundleFileName('Acme Robotics', '2026-11-27T10:00:00.000Z', false)).toBe('Acme-Robotics-2026-11-27.aims.zip');
    expect(bundleFileName('../../etc/passwd', '2026-11-27T10:00:00.000Z', false)).toBe('etc-passwd-2026-11-27.aims.zip');
    expect(bundleFileName('数据 治理', '2026-11-27T10:00:00.000Z', false)).toBe('数据-治理-2026-11-27.aims.zip');
    expect(bundleFileName('***', '2026-11-27T10:00:00.000Z', false)).toBe('workspace-2026-11-27.aims.zip');
  });
  it('never name the client on an encrypted bundle', () => {
    expect(bundleFileName('Secret Client GmbH', '2026-11-27T10:00:00.000Z', true)).toBe('aims-bundle-2026-11-27.aims.enc');
  });
});
