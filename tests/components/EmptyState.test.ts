// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import EmptyState from '../../src/ui/EmptyState.svelte';

afterEach(() => document.getElementById('new-thing')?.remove());

describe('EmptyState', () => {
  it('says what the register is and what it is for', () => {
    render(EmptyState, { title: 'No AI system recorded yet.', text: 'The inventory comes first.' });
    const box = screen.getByTestId('empty-state');
    expect(box.textContent).toContain('No AI system recorded yet.');
    expect(box.textContent).toContain('The inventory comes first.');
    // Without a first step it offers nothing to press.
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('puts the cursor in the entry field when its first step is on the same page', async () => {
    const field = document.createElement('input');
    field.id = 'new-thing';
    document.body.append(field);
    render(EmptyState, { title: 'Empty', text: 'For things.', action: { label: 'Add the first thing', focus: 'new-thing' } });
    expect(document.activeElement).not.toBe(field);
    await fireEvent.click(screen.getByRole('button', { name: 'Add the first thing' }));
    expect(document.activeElement).toBe(field);
  });

  it('links to the first step on another page, and to a second way in', () => {
    render(EmptyState, {
      title: 'Empty',
      text: 'For things.',
      action: { label: 'Add an AI system first', href: '#/w/1/systems' },
      secondary: { label: 'Import a spreadsheet', href: '#/w/1/exchange' },
    });
    const first = screen.getByRole('link', { name: 'Add an AI system first' });
    expect(first.getAttribute('href')).toBe('#/w/1/systems');
    expect(first.classList.contains('primary')).toBe(true);
    expect(screen.getByRole('link', { name: 'Import a spreadsheet' }).getAttribute('href')).toBe('#/w/1/exchange');
  });
});
