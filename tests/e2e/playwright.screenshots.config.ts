import { defineConfig } from '@playwright/test';
import e2e from './playwright.config';

/**
 * `npm run screenshots`: the same browser and server as the e2e specs, but only the *.shots.ts script,
 * which is no test of behaviour and stays out of `npm run test:e2e`.
 */
export default defineConfig({
  ...e2e,
  testMatch: '**/*.shots.ts',
  timeout: 20 * 60_000,
});
