// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import ConfirmDialog from '../../src/ui/ConfirmDialog.svelte';

// jsdom's HTMLDialogElement has no showModal/close: a minimal stand-in that opens the dialog
// and fires 'close' like a browser does (browsers queue the event; here it fires at once).
beforeAll(() => {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  if (typeof proto.showModal !== 'function') {
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
  if (typeof proto.close !== 'function') {
    proto.close = function (this: HTMLDialogElement, returnValue?: string) {
      if (!this.hasAttribute('open')) return;
      if (returnValue !== undefined) this.returnValue = returnValue;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  }
});

const props = {
  title: 'Delete “Pilot AIMS”?',
  body: 'All answers and evidence in this workspace will be removed.',
  confirmLabel: 'Delete Pilot AIMS',
};

function setup() {
  const calls: string[] = [];
  const onconfirm = vi.fn(() => void calls.push('confirm'));
  const onclose = vi.fn(() => void calls.push('close'));
  const result = render(ConfirmDialog, { ...props, onconfirm, onclose });
  return { calls, onconfirm, onclose, ...result };
}

describe('ConfirmDialog', () => {
  it('opens as a dialog labelled by its title and described by its body', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: props.title });
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(screen.getByRole('dialog', { description: props.body })).toBe(dialog);
    expect(screen.getByRole('heading', { name: props.title })).toBeTruthy();
  });

  it('confirming calls onconfirm once, then closes the dialog and calls onclose', async () => {
    const { calls, onconfirm, onclose } = setup();
    await fireEvent.click(screen.getByRole('button', { name: props.confirmLabel }));
    expect(onconfirm).toHaveBeenCalledTimes(1);
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(calls).toEqual(['confirm', 'close']);
    expect((screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement).hasAttribute('open')).toBe(false);
  });

  it('cancelling closes the dialog without confirming', async () => {
    const { onconfirm, onclose } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(onconfirm).not.toHaveBeenCalled();
    expect((screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement).hasAttribute('open')).toBe(false);
  });

  it('closing by other means (Escape) reports onclose without confirming', async () => {
    const { onconfirm, onclose } = setup();
    const dialog = screen.getByRole('dialog', { name: props.title }) as HTMLDialogElement;
    dialog.close(); // what the browser does on Escape
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(onconfirm).not.toHaveBeenCalled();
  });
});
