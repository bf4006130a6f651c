// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { blankImpactAssessment, type ImpactAssessment } from '../../src/domain/impact-assessment-schema';
import ImpactVersions from '../../src/ui/ImpactVersions.svelte';

const TS = '2025-01-15T10:00:00.000Z';
function version(n: number, overrides: Partial<ImpactAssessment> = {}): ImpactAssessment {
  const base = blankImpactAssessment({ id: `v${n}`, workspaceId: 'ws', createdAt: TS, updatedAt: TS, aiSystemId: 'sys' });
  return { ...base, seriesId: 'v1', version: n, ...overrides };
}

describe('ImpactVersions', () => {
  const versions = [
    version(1, { state: 'approved', approver: 'Carla', approvedOn: '2025-03-10' }),
    version(3),
    version(2, { state: 'approved', approver: 'Dan', approvedOn: '2025-06-01' }),
  ];

  it('lists every version, newest first, each linking to its page with its state', () => {
    render(ImpactVersions, { versions, currentId: 'v2', ws: 'ws' });
    const nav = screen.getByRole('navigation', { name: 'Versions' });
    const items = within(nav).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('link').textContent)).toEqual(['Version 3', 'Version 2', 'Version 1']);
    expect(within(items[0]!).getByText('Draft')).toBeTruthy();
    expect(items[2]!.textContent).toMatch(/Approved.*approved on .*2025 by Carla/);
    expect(within(items[2]!).getByRole('link').getAttribute('href')).toBe('#/w/ws/assessments/v1');
  });

  it('marks the version being viewed, visibly and as the current page', () => {
    render(ImpactVersions, { versions, currentId: 'v2', ws: 'ws' });
    const current = screen.getByRole('link', { current: 'page' });
    expect(current.textContent).toBe('Version 2');
    expect(screen.getAllByText('viewing')).toHaveLength(1);
    expect(current.closest('li')!.textContent).toContain('viewing');
    expect(screen.getByRole('link', { name: 'Version 1' }).hasAttribute('aria-current')).toBe(false);
  });
});
