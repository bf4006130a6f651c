/**
 * Offline support: registers the service worker (dist/sw.js, written by the build) and runs the
 * update flow. A new version never takes over an open page by itself: when it is installed and
 * waiting, `updateReady` turns on and the page shows a banner; `applyUpdate()` asks the waiting
 * worker to take over and reloads the page once it does.
 *
 * Production builds only: nothing registers under the Vite dev server or in tests.
 */
class OfflineState {
  #updateReady = $state(false);
  #registration: ServiceWorkerRegistration | null = null;
  #requested = false;
  #reloading = false;
  #started = false;

  /** A new version is installed and waiting (or already took over another tab): a reload picks it up. */
  get updateReady(): boolean {
    return this.#updateReady;
  }

  start(): void {
    if (this.#started || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    this.#started = true;
    const register = () => void this.#register().catch((e: unknown) => console.warn('service worker registration failed', e));
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }

  async #register(): Promise<void> {
    const sw = navigator.serviceWorker;
    let controlled = sw.controller !== null;
    sw.addEventListener('controllerchange', () => {
      if (this.#requested) this.#reload();
      // Another tab applied an update: this page still runs the old code, so offer the reload too.
      else if (controlled) this.#updateReady = true;
      controlled = true;
    });
    const registration = await sw.register('./sw.js', { scope: './', updateViaCache: 'none' });
    this.#registration = registration;
    if (registration.waiting && registration.active) this.#updateReady = true;
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        // Installed while an older version is active: it waits until the user reloads.
        if (worker.state === 'installed' && registration.active) this.#updateReady = true;
      });
    });
    // A tab kept open for days still learns about new versions when it comes back to the foreground.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && navigator.onLine) registration.update().catch(() => {});
    });
  }

  /** Lets the waiting version take over, then reloads this page once. */
  applyUpdate(): void {
    const waiting = this.#registration?.waiting;
    if (!waiting) {
      this.#reload();
      return;
    }
    this.#requested = true;
    // A page the old version did not control gets no controllerchange: reload when the new one is active.
    waiting.addEventListener('statechange', () => {
      if (waiting.state === 'activated' && !navigator.serviceWorker.controller) this.#reload();
    });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  }

  #reload(): void {
    if (this.#reloading) return;
    this.#reloading = true;
    window.location.reload();
  }
}

export const offline = new OfflineState();
