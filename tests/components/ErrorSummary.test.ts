// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ErrorSummary from '../../src/ui/ErrorSummary.svelte';

/** Fields of a form the summary points into; a group of boxes has no control of its own. */
function fields() {
  const form = document.createElement('form');
  form.innerHTML = `
    <label for="f-title">Title</label><input id="f-title">
    <label for="f-owner">Owner</label><select id="f-owner"><option>A</option></select>
    <fieldset id="f-roles"><legend>Roles</legend><label><input type="checkbox"> Provider</label></fieldset>`;
  document.body.append(form);
  return form;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ErrorSummary', () => {
  it('shows nothing while there is no problem', () => {
    render(ErrorSummary, { problems: [] });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces every problem under "N problems to fix", each a link that focuses its field and keeps the address', async () => {
    const form = fields();
    render(ErrorSummary, {
      problems: [
        { id: 'f-title', message: 'Enter a title.' },
        { id: 'f-owner', message: 'Choose an owner.' },
      ],
    });
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading', { level: 2, name: '2 problems to fix' })).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Enter a title.', '#f-title'],
      ['Choose an owner.', '#f-owner'],
    ]);

    await fireEvent.click(links[1]!);
    expect(document.activeElement).toBe(form.querySelector('#f-owner'));
    await fireEvent.click(links[0]!);
    expect(document.activeElement).toBe(form.querySelector('#f-title'));
    expect(window.location.hash).toBe('');
  });

  it('says "1 problem to fix" for one, at the heading level asked, and focuses the first box of a group', async () => {
    const form = fields();
    render(ErrorSummary, { problems: [{ id: 'f-roles', message: 'Pick a role.' }], level: 4 });
    expect(screen.getByRole('heading', { level: 4, name: '1 problem to fix' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('link', { name: 'Pick a role.' }));
    expect(document.activeElement).toBe(form.querySelector('#f-roles input'));
  });
});
