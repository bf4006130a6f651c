/**
 * Calls back with an element's width and height now and whenever they change, as an attachment
 * (`{@attach (el) => observeSize(el, …)}`). Where ResizeObserver is missing (jsdom in component
 * tests) it measures once.
 */
export function observeSize(el: HTMLElement, on: (width: number, height: number) => void): () => void {
  on(el.clientWidth, el.offsetHeight);
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(() => on(el.clientWidth, el.offsetHeight));
  observer.observe(el);
  return () => observer.disconnect();
}
