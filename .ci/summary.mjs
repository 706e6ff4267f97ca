// Print CI's closing line "N passed, N failed" from vitest's JSON report, and exit non-zero on any
// failure. A test file that failed to load counts as a failure; a non-zero vitest exit never
// prints "0 failed".
import { existsSync, readFileSync } from "node:fs";

const [file, statusArg] = process.argv.slice(2);
const status = Number(statusArg ?? 1);
let passed = 0;
let failed = 0;
if (file && existsSync(file)) {
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed = r.numPassedTests ?? 0;
  failed = r.numFailedTests ?? 0;
  for (const t of r.testResults ?? []) {
    // A file that failed before any test ran (syntax error, failed import) has no assertion results.
    if (t.status === "failed" && (t.assertionResults ?? []).length === 0) failed += 1;
  }
  if (r.numTotalTests === 0) failed = Math.max(failed, 1);
} else {
  failed = 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || status !== 0 ? 1 : 0);
