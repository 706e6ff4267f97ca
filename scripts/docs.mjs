// Regenerate what is written from the code: README's table of issue codes (from the catalogue,
// src/issues/catalogue.ts) and docs/report.schema.json (from report.json's zod schema), both read
// from the built dist/. `npm run docs` writes them; `--check` exits 1 when either is out of date.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { CATALOGUE } = await import(join(root, "dist", "issues", "catalogue.js"));
const { Report } = await import(join(root, "dist", "report-contract", "schema.js"));
const { z } = await import("zod");

export function codesTable() {
  const esc = (s) => s.replace(/\|/g, "\\|");
  const rows = Object.entries(CATALOGUE).map(([code, t]) => `| \`${code}\` | ${t.severity} | ${t.group} | ${esc(t.title)}: ${esc(t.meaning)} | ${esc(t.advice)} |`);
  return ["| code | severity | about | meaning | what to do |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

const check = process.argv.includes("--check");
const stale = [];
function update(path, make) {
  const before = existsSync(path) ? readFileSync(path, "utf8") : null;
  const after = make(before);
  if (after === before) return;
  if (check) stale.push(path);
  else writeFileSync(path, after);
}

update(join(root, "README.md"), (readme) => readme.replace(/<!-- codes:start -->[\s\S]*?<!-- codes:end -->/, `<!-- codes:start -->\n${codesTable()}\n<!-- codes:end -->`));
update(join(root, "docs", "report.schema.json"), () => JSON.stringify({ title: "darep report.json", ...z.toJSONSchema(Report) }, null, 2) + "\n");

if (stale.length) {
  console.error(`Out of date: ${stale.map((p) => p.slice(root.length + 1)).join(", ")}: run npm run docs`);
  process.exit(1);
}
