// `--format text`: validation results grouped by file, for an agency's data officer to read.
import type { ChalkInstance } from "chalk";
import type { FileCheck, ValidationResult } from "../../index.js";
import type { Issue } from "../../types.js";
import { plural, terminalSafe as safe } from "../../words/index.js";
import { where } from "./location.js";

function describe(i: Issue, c: ChalkInstance): string[] {
  const mark = i.severity === "error" ? c.red("error  ") : c.yellow("warning");
  const place = safe(where(i));
  const lines = [`  ${mark} ${place ? `${place}: ` : ""}${safe(i.message)} ${c.dim(`[${i.code}]`)}`];
  const detail: string[] = [];
  if (i.found !== undefined) detail.push(`found ${safe(JSON.stringify(i.found))}`);
  if (i.expected !== undefined) detail.push(`expected ${safe(i.expected)}`);
  if (detail.length) lines.push(`          ${c.dim(detail.join("; "))}`);
  if (i.advice) lines.push(`          ${safe(i.advice)}`);
  return lines;
}

function fileBlock(f: FileCheck, c: ChalkInstance): string[] {
  const head = f.status === "valid" ? c.green("✓ valid") : c.red("✗ invalid");
  const counts = [f.errors ? plural(f.errors, "error") : "", f.warnings ? plural(f.warnings, "warning") : ""].filter(Boolean).join(", ");
  const lines = [`${c.bold(safe(f.file))}  ${head}${counts ? ` (${counts})` : ""}, ${plural(f.figures, "figure")} read`];
  for (const i of f.issues) lines.push(...describe(i, c));
  return lines;
}

export function formatText(result: ValidationResult, c: ChalkInstance): string {
  const out: string[] = [];
  if (result.issues.length) {
    out.push(c.bold("Workspace"));
    for (const i of result.issues) out.push(...describe({ ...i, message: `${i.file}: ${i.message}` }, c));
    out.push("");
  }
  for (const f of result.files) out.push(...fileBlock(f, c), "");
  const s = result.summary;
  out.push(`Checked ${plural(s.files, "file")}: ${s.valid} valid, ${s.invalid} invalid; ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}.`);
  return out.join("\n") + "\n";
}
