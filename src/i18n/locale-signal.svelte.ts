import { followLocale } from './i18n';

/**
 * The rendered page's side of the language switch: a version that every message lookup reads and every
 * change of the strings bumps, so what shows a string (markup, a $derived, an $effect) runs again in
 * the new language, and the page keeps its focus and what was typed. Imported once by the app state
 * (src/state/app.svelte.ts); workers and Node tests that do not import it look strings up untracked.
 */
let version = $state(0);

followLocale({
  read: () => void version,
  changed: () => {
    version += 1;
  },
});
