// The precompiled templates are used only while templates/ holds the sources they were made from.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEMPLATES_DIR } from "../../src/report/html.js";
import { readTemplateSources } from "../../src/report/template-sources.js";

describe("the templates' sources and their hash", () => {
  it("gives the same hash for the same sources, and another once a partial is edited", async () => {
    const copy = mkdtempSync(join(tmpdir(), "darep-templates-"));
    cpSync(TEMPLATES_DIR, copy, { recursive: true });
    const original = await readTemplateSources(TEMPLATES_DIR);
    expect((await readTemplateSources(copy)).hash).toBe(original.hash);
    expect(original.partials.map(([name]) => name)).toContain("exception-card");
    const card = join(copy, "partials", "exception-card.hbs");
    writeFileSync(card, `${readFileSync(card, "utf8")}<p>edited</p>`);
    expect((await readTemplateSources(copy)).hash).not.toBe(original.hash);
  });

  it("is what the build precompiled, so a run uses Handlebars' runtime alone", async () => {
    const built = (await import(new URL("../../dist/templates.precompiled.js", import.meta.url).href)) as { hash: string };
    expect(built.hash).toBe((await readTemplateSources(TEMPLATES_DIR)).hash);
  });
});
