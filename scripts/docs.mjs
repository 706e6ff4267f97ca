// Regenerate README's table of issue codes from the catalogue (src/issues/catalogue.ts, built to dist/).
// `npm run docs` writes it; `node scripts/docs.mjs --check` exits 1 when README is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { CATALOGUE } = await import(join(root, "dist", "issues", "catalogue.js"));

export function codesTable() {
  const esc = (s) => s.replace(/\|/g, "\\|");
  const rows = Object.entries(CATALOGUE).map(([code, t]) => `| \`${code}\` | ${t.severity} | ${t.group} | ${esc(t.title)}: ${esc(t.meaning)} | ${esc(t.advice)} |`);
  return ["| code | severity | about | meaning | what to do |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

const readmePath = join(root, "README.md");
const readme = readFileSync(readmePath, "utf8");
const updated = readme.replace(/<!-- codes:start -->[\s\S]*?<!-- codes:end -->/, `<!-- codes:start -->\n${codesTable()}\n<!-- codes:end -->`);
if (process.argv.includes("--check")) {
  if (updated !== readme) {
    console.error("README.md's issue codes are out of date: run npm run docs");
    process.exit(1);
  }
} else if (updated !== readme) writeFileSync(readmePath, updated);
