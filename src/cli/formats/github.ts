// `--format github`: workflow-command annotations on the exact line of each finding, and a markdown
// table for $GITHUB_STEP_SUMMARY (GitHub shows only ten annotations of a kind per step, so the summary
// is where the full list lives).
import type { ValidationResult } from "../../index.js";
import type { Issue } from "../../types.js";
import { escapeMarkdown as escapeCell, plural, terminalSafe } from "../../words/index.js";
import { columnNumber, where } from "./location.js";

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions (escaping rules). The
// job log shows terminal escapes too, so controls and bidi characters are made visible first.
const escapeData = (s: string) => terminalSafe(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export interface GithubOutput {
  annotations: string;
  summary: string;
}

/** `pathOf` turns a workspace-relative file into a repository-relative one (annotations need that). */
export function formatGithub(result: ValidationResult, pathOf: (file: string) => string): GithubOutput {
  const lines: string[] = [];
  const annotate = (i: Issue, isCsv: boolean) => {
    const props = [`file=${escapeProperty(pathOf(i.file))}`];
    // A CSV's row is on a line of the file: its own number, unless a quoted line break or Excel's sep= line came before.
    if (isCsv && i.row !== undefined) props.push(`line=${i.line ?? i.row}`);
    const col = isCsv ? columnNumber(i.cell) : undefined;
    if (col !== undefined) props.push(`col=${col}`);
    props.push(`title=${escapeProperty(`darep ${i.code}`)}`);
    const place = where(i);
    const text = `${isCsv || !place ? "" : `${place}: `}${i.message}${i.advice ? ` ${i.advice}` : ""}`;
    lines.push(`::${i.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escapeData(text)}`);
  };
  for (const i of result.issues) annotate(i, false);
  for (const f of result.files) for (const i of f.issues) annotate(i, f.file.toLowerCase().endsWith(".csv"));

  const s = result.summary;
  const md: string[] = [
    "## darep: returns checked",
    "",
    `${plural(s.files, "file")}: ${s.valid} valid, ${s.invalid} invalid; ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}.`,
    "",
    "| File | Result | Errors | Warnings |",
    "| --- | --- | ---: | ---: |",
    ...result.files.map((f) => `| ${escapeCell(pathOf(f.file))} | ${f.status === "valid" ? "✅ valid" : "❌ invalid"} | ${f.errors} | ${f.warnings} |`),
  ];
  const withIssues = [...(result.issues.length ? [{ file: "(workspace)", issues: result.issues }] : []), ...result.files.filter((f) => f.issues.length)];
  for (const f of withIssues) {
    md.push("", `### ${escapeCell(f.file === "(workspace)" ? f.file : pathOf(f.file))}`, "", "| Where | Code | What to fix |", "| --- | --- | --- |");
    for (const i of f.issues)
      md.push(`| ${escapeCell(where(i) || "file")} | ${i.severity === "error" ? "error" : "warning"}: \`${i.code}\` | ${escapeCell(`${i.message}${i.advice ? ` ${i.advice}` : ""}`)} |`);
  }
  return { annotations: lines.join("\n") + (lines.length ? "\n" : ""), summary: md.join("\n") + "\n" };
}
