// The bundled frameworks load and say what the board wants of each figure; a broken framework folder is
// reported file by file and field by field, all problems at once.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FrameworkError, loadFramework } from "../../src/workspace/load-framework.js";
import { findJsonSyntaxError } from "../../src/framework/json-syntax.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DONCASTER = join(ROOT, "schemas", "doncaster");

const measure = (over: Record<string, unknown> = {}) => ({
  id: "referrals",
  label: "Referrals",
  unit: "count",
  direction: { wanted: "down", reason: "Comment: 'we want a reduction' -> down." },
  ...over,
});
const indicator = (ref: string, over: Record<string, unknown> = {}) => ({
  ref,
  title: `Indicator ${ref}`,
  owner: "Test Agency",
  tellsUs: "Something",
  theme: "Referrals",
  measures: [measure()],
  ...over,
});

/** A framework folder (named "schemas/test") built in a temp dir from file name -> content. */
function makeFramework(files: Record<string, unknown>): string {
  const dir = join(mkdtempSync(join(tmpdir(), "darep-fw-")), "schemas", "test");
  mkdirSync(dir, { recursive: true });
  const all = { "framework.json": { name: "Test", themes: ["Referrals", "Support"] }, ...files };
  for (const [name, content] of Object.entries(all)) {
    if (content === undefined) continue;
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadFramework(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(FrameworkError);
    return (e as FrameworkError).problems;
  }
  throw new Error("expected the framework to be rejected");
}

describe("the bundled Doncaster framework", async () => {
  const fw = await loadFramework(DONCASTER);

  it("has all 38 indicators, PM1 to PM38, each with a measure", () => {
    expect(fw.name).toBe("doncaster");
    expect(fw.indicators).toHaveLength(38);
    for (let n = 1; n <= 38; n++) expect(fw.byRef.get(`PM${n}`)?.measures.length, `PM${n}`).toBeGreaterThanOrEqual(1);
  });

  it("gives a reason for every direction, every category direction and every later change", () => {
    for (const ind of fw.indicators) {
      for (const m of ind.measures) {
        const where = `${ind.ref}/${m.id}`;
        expect(m.direction.reason.trim(), where).not.toBe("");
        for (const [c, d] of Object.entries(m.direction.categories ?? {})) expect(d.reason.trim(), `${where}/${c}`).not.toBe("");
        for (const ch of m.direction.changes ?? []) expect(ch.reason.trim(), `${where} from ${ch.from}`).not.toBe("");
      }
    }
  });

  it("orders indicators by the themes in framework.json, then by number (PM2 before PM10)", () => {
    const themeIndex = fw.indicators.map((i) => fw.info.themes.indexOf(i.theme));
    expect(themeIndex.every((t) => t >= 0)).toBe(true);
    expect([...themeIndex].sort((a, b) => a - b)).toEqual(themeIndex);
    const hub = fw.indicators.filter((i) => i.theme === fw.info.themes[0]).map((i) => i.ref);
    expect(hub.slice(0, 3)).toEqual(["PM1", "PM2", "PM3"]);
    const support = fw.indicators.filter((i) => i.theme === "Support services").map((i) => i.ref);
    expect(support.indexOf("PM9")).toBeLessThan(support.indexOf("PM10"));
  });

  it("holds PM17 to a target of at least 300 people a year", () => {
    const m = fw.byRef.get("PM17")!.measures.find((x) => x.id === "people-supported")!;
    expect(m.direction.wanted).toBe("target");
    expect(m.direction.target).toEqual({ perYear: 300, comparison: "at-least" });
  });

  it("wants fewer police referrals and more partner and self-referrals in PM2", () => {
    const cats = fw.byRef.get("PM2")!.measures[0]!.direction.categories!;
    expect(cats["police"]?.wanted).toBe("down");
    expect(cats["self-referral"]?.wanted).toBe("up");
    expect(cats["third-party"]?.wanted).toBe("up");
    expect(cats["health"]?.wanted).toBe("up");
  });

  it("wants PM1's referrals to rise, then to fall from 2024-25", () => {
    const d = fw.byRef.get("PM1")!.measures[0]!.direction;
    expect(d.wanted).toBe("up");
    expect(d.changes).toEqual([expect.objectContaining({ from: "2024-25", wanted: "down" })]);
  });

  it("reads the seed's other directions as the lead asked", () => {
    const wanted = (ref: string, i = 0) => fw.byRef.get(ref)!.measures[i]!.direction.wanted;
    expect(wanted("PM3")).toBe("down");
    expect(wanted("PM13")).toBe("down");
    expect(wanted("PM14")).toBe("down");
    expect(wanted("PM4")).toBe("none");
    expect(wanted("PM30")).toBe("baseline");
    expect(wanted("PM26")).toBe("down");
    expect(fw.byRef.get("PM36")!.measures[0]!.direction.changes?.[0]?.wanted).toBe("down");
  });

  it("keeps the seed's action-plan references, with its typos put right", () => {
    expect(fw.byRef.get("PM2")!.actionRefs[0]).toBe("P1.5");
    expect(fw.byRef.get("PM4")!.actionRefs).toContain("P1.7");
    for (const ind of fw.indicators) for (const r of ind.actionRefs) expect(r, ind.ref).toMatch(/^P\d\.\d{1,2}$/);
  });
});

describe("another partnership by configuration alone", () => {
  it("loads Rotherham's measures with their own references and directions", async () => {
    const fw = await loadFramework(join(ROOT, "schemas", "rotherham"));
    expect(fw.name).toBe("rotherham");
    // by theme (framework.json's order), then by number: RO8 (police incidents) is in the first theme, RO7 in the second
    expect(fw.indicators.map((i) => i.ref)).toEqual(["RO1", "RO2", "RO8", "RO3", "RO7", "RO4", "RO9", "RO5", "RO6"]);
    expect(fw.byRef.get("RO3")!.measures[0]!.direction.wanted).toBe("baseline");
    expect(fw.byRef.get("RO5")!.measures[0]!.unit).toBe("percent");
  });
});

describe("a framework with mistakes", () => {
  it("names the file and the field of a schema mistake, with what was found", async () => {
    const dir = makeFramework({
      "PM1.json": indicator("PM1"),
      "PM3.json": indicator("PM3", { measures: [measure({ direction: { wanted: "upwards", reason: "x" } })] }),
    });
    expect(await problemsOf(dir)).toEqual([`schemas/test/PM3.json: measures[0].direction.wanted: must be one of up, down, none, baseline, target (found "upwards")`]);
  });

  it("lists every problem across all files at once", async () => {
    const dir = makeFramework({
      "PM1.json": indicator("PM1", { owner: "" }),
      "PM2.json": indicator("PM2", { measures: [measure({ unit: "people", colour: "red" })] }),
      "PM3.json": indicator("PM3", { theme: "Housing" }),
    });
    const problems = await problemsOf(dir);
    expect(problems).toContain('schemas/test/PM1.json: owner: must not be empty (found "")');
    expect(problems.some((p) => p.startsWith("schemas/test/PM2.json: measures[0].unit: must be one of count, percent"))).toBe(true);
    expect(problems).toContain("schemas/test/PM2.json: measures[0]: unknown field 'colour' (check the spelling)");
    expect(problems.some((p) => p.startsWith("schemas/test/PM3.json: theme: 'Housing' is not one of the themes listed in framework.json"))).toBe(true);
  });

  it("reports invalid JSON with the file, line and column", async () => {
    const dir = makeFramework({ "PM1.json": indicator("PM1"), "PM2.json": '{\n  "ref": "PM2",\n  "title": "x"\n  "owner": "y"\n}' });
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^schemas\/test\/PM2\.json: not valid JSON at line 4, column 3: expected ',' or '}'/);
  });

  it("reports a reference used by two files", async () => {
    const dir = makeFramework({ "PM1.json": indicator("PM1"), "pm1.json": indicator("PM1") });
    const problems = await problemsOf(dir);
    expect(problems.some((p) => /^schemas\/test\/pm1\.json: ref: 'PM1' is also the reference in PM1\.json/.test(p))).toBe(true);
  });

  it("reports a file whose name does not match its reference", async () => {
    const dir = makeFramework({ "PM1.json": indicator("PM1"), "PM4.json": indicator("PM5") });
    expect(await problemsOf(dir)).toEqual(["schemas/test/PM4.json: ref: 'PM5' does not match the file name (expected 'PM4', or rename the file to PM5.json)"]);
  });

  it("reports a partOf that names a measure no indicator has", async () => {
    const dir = makeFramework({
      "PM1.json": indicator("PM1"),
      "PM3.json": indicator("PM3", { measures: [measure({ id: "repeats", partOf: "PM1/referals" }), measure({ id: "other", partOf: "PM9/referrals" })] }),
    });
    const problems = await problemsOf(dir);
    expect(problems).toContain("schemas/test/PM3.json: measures[0].partOf: PM1 has no measure 'referals' (its measures: referrals)");
    expect(problems).toContain('schemas/test/PM3.json: measures[1].partOf: there is no indicator PM9 in this framework (found "PM9/referrals")');
  });

  it("reports a missing framework.json, and ignores JSON files not named after a reference", async () => {
    const dir = makeFramework({ "framework.json": undefined, "PM1.json": indicator("PM1"), "notes.json": { anything: true } });
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/^schemas\/test\/framework\.json: is missing/)]);
  });

  it("loads a good folder and orders by theme, then reference number", async () => {
    const dir = makeFramework({
      "PM10.json": indicator("PM10"),
      "PM2.json": indicator("PM2"),
      "PM1.json": indicator("PM1", { theme: "Support" }),
      "notes.json": { not: "an indicator" },
    });
    const fw = await loadFramework(dir);
    expect(fw.indicators.map((i) => i.ref)).toEqual(["PM2", "PM10", "PM1"]);
    expect(fw.byRef.get("PM10")?.frequency).toBe("quarterly");
  });
});

describe("finding where JSON goes wrong", () => {
  it.each([
    ['{"a": }', 1, 7, /expected a value/],
    ['{\n  "a": 1,\n}', 3, 1, /a comma before '}'/],
    ["[1, 2", 1, 6, /expected ',' or ']'/],
    ["{'a': 1}", 1, 2, /field name in double quotes/],
    ['{"a": "x\n"}', 1, 9, /line break inside a string/],
    ['{"a": 1} x', 1, 10, /after the end/],
  ])("%j", (text, line, column, problem) => {
    const at = findJsonSyntaxError(text)!;
    expect([at.line, at.column]).toEqual([line, column]);
    expect(at.problem).toMatch(problem);
  });

  it("finds nothing wrong in valid JSON", () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, null, "\\u00e9\\n"]}')).toBeNull();
  });
});
