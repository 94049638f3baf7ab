// Sums the vitest JSON reports written during CI into the one line CI reads:
// "N passed, N failed". With --quiet, only that line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, flag] = process.argv.slice(2);
const quiet = flag === '--quiet';
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const filePassed = report.numPassedTests ?? 0;
  // A test file that failed to load counts as a failure even though no test in it ran.
  const brokenFiles = (report.testResults ?? []).filter(
    (result) => result.status === 'failed' && (result.assertionResults ?? []).length === 0,
  ).length;
  const fileFailed = (report.numFailedTests ?? 0) + brokenFiles;
  passed += filePassed;
  failed += fileFailed;
  if (!quiet)
    console.log(`${file.replace(/\.json$/, '')}: ${filePassed} passed, ${fileFailed} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
