// `npm run size [dist]`: the JavaScript the start page loads (first-screen.js), chunk by chunk, and a
// failure when it passes the budget or pulls in JSZip, SheetJS or the YAML parser, which must load on demand only.
import { FIRST_SCREEN_BUDGET_BYTES, kb, measureFirstScreen } from './first-screen.js';

const { files, total, shellExtra, problems } = measureFirstScreen(process.argv[2] ?? 'dist');
for (const f of files) console.log(`  ${f.file}: ${kb(f.gzip)} KB gzipped`);
console.log(`first-screen JavaScript: ${kb(total)} KB gzipped (budget ${FIRST_SCREEN_BUDGET_BYTES / 1024} KB)`);
if (shellExtra !== null) {
  console.log(`a workspace's dashboard adds: ${kb(shellExtra)} KB gzipped (start page + shell: ${kb(total + shellExtra)} KB)`);
}
if (problems.length) {
  for (const p of problems) console.error(`first-screen check failed: ${p}`);
  process.exit(1);
}
