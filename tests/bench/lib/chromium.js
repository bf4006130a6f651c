// Debian's Chromium (CHROMIUM_PATH overrides) with the flags of tests/e2e/playwright.config.ts: the
// bench and the profile scripts launch the same browser as the e2e suite.
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
