// A validation result of one invalid return, as `darep validate` gives it: for the tests of the output
// formats, which need a file with findings to print and nothing else.
import type { ValidationResult } from "../../src/api/validate.js";
import type { Issue } from "../../src/types.js";

export function oneInvalidReturn(file: string, issues: Issue[]): ValidationResult {
  return {
    files: [
      {
        file,
        agency: null,
        year: "2026-27",
        quarter: "Q2",
        status: "invalid",
        sha256: null,
        receivedAt: null,
        figures: 0,
        errors: issues.filter((i) => i.severity === "error").length,
        warnings: issues.filter((i) => i.severity === "warning").length,
        issues,
      },
    ],
    issues: [],
    summary: { files: 1, valid: 0, invalid: 1, errors: issues.filter((i) => i.severity === "error").length, warnings: issues.filter((i) => i.severity === "warning").length },
  };
}
