// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { listEvidence } from '../../src/db/evidence-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import EvidencePanel from '../../src/ui/EvidencePanel.svelte';
import { freshDatabase } from '../support/db';

async function setup() {
  await freshDatabase();
  const ws = await createWorkspace('Evidence Co', 'test');
  if (!ws.ok) throw new Error(ws.code);
  render(EvidencePanel, { ws: ws.value.id, itemId: '4.1', items: [] });
  return ws.value.id;
}

const form = () => screen.getByRole('form', { name: 'Add a link' });

describe('EvidencePanel: adding a link', () => {
  it('shows every problem at once, beside its field and in a summary whose links focus each field', async () => {
    const ws = await setup();
    await fireEvent.input(within(form()).getByLabelText('Title'), { target: { value: '   ' } });
    await fireEvent.input(within(form()).getByLabelText('Web address'), { target: { value: 'javascript:alert(1)' } });
    await fireEvent.submit(form());

    const summary = await within(form()).findByRole('alert');
    expect(within(summary).getByRole('heading', { name: '2 problems to fix' })).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Enter a title.', 'Enter a web address starting with https:// or http://.']);

    const title = within(form()).getByLabelText('Title');
    const url = within(form()).getByLabelText('Web address');
    for (const [input, message] of [
      [title, 'Enter a title.'],
      [url, 'Enter a web address starting with https:// or http://.'],
    ] as const) {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
      expect(described).toContain(message);
    }

    await fireEvent.click(links[1]!);
    expect(document.activeElement).toBe(url);
    await fireEvent.click(links[0]!);
    expect(document.activeElement).toBe(title);
    // Following a summary link never changes the address (the hash is the route).
    expect(window.location.hash).toBe('');
    expect(await listEvidence(ws)).toEqual([]);
  });

  it('clears the problems once the link is added', async () => {
    const ws = await setup();
    await fireEvent.submit(form());
    expect(within(await within(form()).findByRole('alert')).getByRole('heading', { name: '2 problems to fix' })).toBeTruthy();
    await fireEvent.input(within(form()).getByLabelText('Title'), { target: { value: 'Context memo' } });
    await fireEvent.input(within(form()).getByLabelText('Web address'), { target: { value: 'https://example.com/memo' } });
    await fireEvent.submit(form());
    await waitFor(async () => expect(await listEvidence(ws)).toHaveLength(1));
    await waitFor(() => expect(within(form()).queryByRole('alert')).toBeNull());
    expect(within(form()).getByLabelText('Title').getAttribute('aria-invalid')).toBeNull();
  });
});
