import { getUserName, setUserName } from '../db/settings-repo';
import { app } from './app.svelte';

/** The name this browser signs the change history with (a setting of the browser, not of a workspace). */
export async function loadUserName(): Promise<string> {
  try {
    return await getUserName();
  } catch (e) {
    app.report(e);
    return '';
  }
}

/** Stores the name (trimmed; '' clears it); returns what was stored, or null when the write failed. */
export async function saveUserName(name: string): Promise<string | null> {
  try {
    return await setUserName(name);
  } catch (e) {
    app.report(e);
    return null;
  }
}
