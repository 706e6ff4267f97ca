// What README and docs/ say is generated from, or checked against, the code that it describes.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
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
    const result = (z.toJSONSchema(Report) as unknown as { properties: { results: { items: { properties: Record<string, unknown> } } } }).properties.results.items.properties;
    for (const field of Object.keys(result)) expect(doc, field).toContain(`\`${field}\``);
  });

  it("list every command in the command table", () => {
    const help = spawnSync(process.execPath, [join(ROOT, "bin", "darep.js"), "--help"], { cwd: ROOT, encoding: "utf8" }).stdout;
    const commands = [...help.slice(help.indexOf("Commands:")).matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(4);
    const table = section("Commands");
    for (const command of commands) expect(table, command).toContain(`| \`darep ${command}`);
  });

  it("stand alone: nothing points outside the repository", () => {
    const docs = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md"));
    expect(docs).toEqual(expect.arrayContaining(["returns.md", "report.md", "ci.md"]));
    for (const file of ["README.md", ...docs.map((f) => join("docs", f))]) {
      const text = readFileSync(join(ROOT, file), "utf8");
      expect(text, file).not.toMatch(/\.\.\/shared|shared\/spec/);
      // Every relative link names a file that is in the repository.
      for (const m of text.matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)) expect(() => readFileSync(join(ROOT, file, "..", m[1]!)), `${file} links to ${m[1]}`).not.toThrow();
    }
  });

  it("document the options a user reaches for in CI: --format junit and --timings", () => {
    expect(readme).toContain("--format junit");
    expect(readme).toContain("--timings");
  });

  it("describe every field of darep.config.json", () => {
    const doc = section("The workspace");
    for (const field of propertiesOf(Config).filter((f) => !f.startsWith("$"))) expect(doc, field).toMatch(new RegExp(`\`${field}[\`.\\[]`));
  });
});
