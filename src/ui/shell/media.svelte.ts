import { MediaQuery } from 'svelte/reactivity';

/** Wide screens (from 1024 px) show the menu as a sidebar; narrower ones as a drawer behind a menu button. */
export const wideScreen = new MediaQuery('min-width: 1024px', true);
