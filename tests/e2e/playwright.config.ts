import { defineConfig } from '@playwright/test';

/** Debian's Chromium by default; CHROMIUM_PATH points at any other Chromium or Chrome. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4317);
/** The built app to serve: `dist` unless E2E_OUTDIR names another build (parallel runs on one machine). */
const outDir = process.env.E2E_OUTDIR ?? 'dist';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Keyboard scrolling at once, not animated: a key pressed while the last one's scroll still
        // ran was lost now and then (risk-list-focus.spec.ts, Debian's Chromium 150).
        '--disable-smooth-scrolling',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    cwd: '../..',
  },
});
