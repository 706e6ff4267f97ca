// Print CI's closing line "N passed, N failed", summed over every test run, from vitest's JSON
// reports; each run gets a line of its own before it, worded so that only the last line has that
// shape. Exits non-zero on any failure. A test file that failed to load counts as a failure; a run
// with no report, no tests or a non-zero vitest exit never counts as "0 failed"; a skipped test counts as failed.
// Arguments: a label, a JSON report and vitest's exit status, for each run.
import { existsSync, readFileSync } from "node:fs";

function count(file, status) {
  let passed = 0;
  let failed = 0;
  if (file && existsSync(file)) {
    const r = JSON.parse(readFileSync(file, "utf8"));
    passed = r.numPassedTests ?? 0;
    // A skipped or to-do test is a failure here: a test that needs a browser or a tool fails, never skips.
    failed = (r.numFailedTests ?? 0) + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    for (const t of r.testResults ?? []) {
      // A file that failed before any test ran (syntax error, failed import) has no assertion results.
      if (t.status === "failed" && (t.assertionResults ?? []).length === 0) failed += 1;
    }
    if (r.numTotalTests === 0) failed = Math.max(failed, 1);
  } else {
    failed = 1;
  }
  if (status !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

const args = process.argv.slice(2);
let passed = 0;
let failed = args.length === 0 || args.length % 3 !== 0 ? 1 : 0;
for (let i = 0; i + 2 < args.length; i += 3) {
  const run = count(args[i + 1], Number(args[i + 2]));
  console.log(`${args[i]}: ${run.passed} tests passed and ${run.failed} failed`);
  passed += run.passed;
  failed += run.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
