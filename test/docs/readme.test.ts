// What README and docs/ say is generated from, or checked against, the code that it describes.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CATALOGUE } from "../../src/issues/catalogue.js";
import { Config } from "../../src/framework/schema.js";
import { Report } from "../../src/report-contract/schema.js";
import { ROOT } from "../helpers/cli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const section = (heading: string) => {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README has a section "## ${heading}"`).toBeGreaterThan(0);
  const end = readme.indexOf("\n## ", start + 4);
  return readme.slice(start, end < 0 ? undefined : end);
};
const propertiesOf = (schema: z.ZodType) => Object.keys((z.toJSONSchema(schema) as { properties: Record<string, unknown> }).properties);

describe("README and docs/", () => {
  it("are up to date with the catalogue of codes and report.json's schema (npm run docs)", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "docs.mjs"), "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("list every issue code", () => {
    const codes = section("Issue codes");
    for (const code of Object.keys(CATALOGUE)) expect(codes).toContain(`| \`${code}\` |`);
  });

  it("describe every field of report.json and of each result", () => {
    const doc = section("report.json");
    for (const field of propertiesOf(Report)) expect(doc, field).toContain(`\`${field}`);
    const result = (z.toJSONSchema(Report) as { properties: { results: { items: { properties: Record<string, unknown> } } } }).properties.results.items.properties;
    for (const field of Object.keys(result)) expect(doc, field).toContain(`\`${field}\``);
  });

  it("describe every field of darep.config.json", () => {
    const doc = section("The workspace");
    for (const field of propertiesOf(Config).filter((f) => !f.startsWith("$"))) expect(doc, field).toMatch(new RegExp(`\`${field}[\`.\\[]`));
  });
});
