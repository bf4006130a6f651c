import { app } from './app.svelte';

/** Unexpected failures of a command go to the app's error banner. */
export const report = (e: unknown): void => app.report(e);

/** Runs a command; an unexpected failure is reported and the command yields undefined. */
export async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    report(e);
    return undefined;
  }
}
