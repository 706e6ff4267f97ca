// `--format junit`: JUnit XML for CI systems other than GitHub (GitLab, Jenkins, Azure DevOps).
// One <testsuite> per file checked (and one named "workspace" for problems outside any file); one
// <testcase> per error, failing with its message, so each error is listed by the CI's test view;
// a file without errors has one passing <testcase>. Warnings never fail a build: they go to the
// suite's <system-out>. No timestamps, so the same findings give the same bytes.
import type { FileCheck, ValidationResult } from "../../index.js";
import type { Issue } from "../../types.js";
import { escapeXml as xmlEscape } from "../../words/index.js";
import { where } from "./location.js";

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v), true)}"`)
    .join("");

function describe(i: Issue): string {
  const place = where(i);
  return `${place ? `${place}: ` : ""}${i.message}${i.advice ? ` ${i.advice}` : ""}`;
}

function details(i: Issue): string {
  const lines = [describe(i), `code: ${i.code}`];
  if (i.indicator) lines.push(`indicator: ${[i.indicator, i.measure, i.category].filter(Boolean).join(" / ")}`);
  if (i.found !== undefined) lines.push(`found: ${i.found}`);
  if (i.expected !== undefined) lines.push(`expected: ${i.expected}`);
  return lines.join("\n");
}

function suite(name: string, path: string, issues: Issue[], isCsv: boolean): string[] {
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  const cases = errors.length
    ? errors.map((i) => {
        const label = [i.indicator, where(i)].filter(Boolean).join(" ");
        const head = `    <testcase${attrs({ name: `${label ? `${label}: ` : ""}${i.code}`, classname: path, file: path, line: isCsv ? (i.line ?? i.row) : undefined })}>`;
        return `${head}\n      <failure${attrs({ message: describe(i), type: i.code })}>${xmlEscape(details(i))}</failure>\n    </testcase>`;
      })
    : [`    <testcase${attrs({ name: "return is valid", classname: path, file: path })}/>`];
  const out = [`  <testsuite${attrs({ name, tests: cases.length, failures: errors.length, errors: 0, skipped: 0 })}>`, ...cases];
  if (warnings.length) out.push(`    <system-out>${xmlEscape(warnings.map((w) => `warning: ${details(w)}`).join("\n\n"))}</system-out>`);
  out.push("  </testsuite>");
  return out;
}

/** `pathOf` turns a workspace-relative file into the path the CI shows (relative to where it ran). */
export function formatJunit(result: ValidationResult, pathOf: (file: string) => string): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const add = (name: string, path: string, issues: Issue[], isCsv: boolean) => {
    const errors = issues.filter((i) => i.severity === "error").length;
    tests += errors || 1;
    failures += errors;
    suites.push(...suite(name, path, issues, isCsv));
  };
  if (result.issues.length) add("workspace", "workspace", result.issues, false);
  for (const f of result.files as FileCheck[]) add(pathOf(f.file), pathOf(f.file), f.issues, f.file.toLowerCase().endsWith(".csv"));
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: "darep validate", tests, failures, errors: 0 })}>`, ...suites, "</testsuites>", ""].join("\n");
}
