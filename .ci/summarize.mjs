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
  if (quiet) continue;
  console.log(`${file.replace(/\.json$/, '')}: ${filePassed} passed, ${fileFailed} failed`);
  // Name what failed here too: the log's tail is often all that is left of a CI run.
  for (const result of report.testResults ?? []) {
    for (const assertion of result.assertionResults ?? []) {
      if (assertion.status !== 'failed') continue;
      const firstLine = String(assertion.failureMessages?.[0] ?? '').split('\n')[0];
      console.log(`  FAILED ${result.name}: ${assertion.fullName}\n    ${firstLine.slice(0, 300)}`);
    }
    if (result.status === 'failed' && (result.assertionResults ?? []).length === 0)
      console.log(
        `  FAILED to load ${result.name}: ${String(result.message ?? '').split('\n')[0]}`,
      );
  }
}
console.log(`${passed} passed, ${failed} failed`);
