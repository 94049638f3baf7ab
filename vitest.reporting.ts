/**
 * Every workspace's vitest config spreads this in: besides the usual console output, CI
 * (`TEST_REPORT_DIR` set by .ci/run) gets a JSON report per workspace to count results from.
 */
export function reporting(workspace: string): {
  reporters: string[];
  outputFile?: Record<string, string>;
} {
  const dir = process.env.TEST_REPORT_DIR;
  if (!dir) return { reporters: ['default'] };
  return { reporters: ['default', 'json'], outputFile: { json: `${dir}/${workspace}.json` } };
}
