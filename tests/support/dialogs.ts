import { beforeAll } from 'vitest';

/** jsdom has no modal dialogs: showModal opens and close fires "close", as in a browser. Call at the top of a test file. */
export function stubModalDialogs(): void {
  beforeAll(() => {
    const proto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
    if (typeof proto.showModal !== 'function')
      proto.showModal = function (this: HTMLDialogElement) {
        this.setAttribute('open', '');
      };
    if (typeof proto.close !== 'function') {
      proto.close = function (this: HTMLDialogElement) {
        if (!this.hasAttribute('open')) return;
        this.removeAttribute('open');
        this.dispatchEvent(new Event('close'));
      };
    }
  });
}
