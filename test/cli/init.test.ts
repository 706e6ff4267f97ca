// `darep init`: a workspace that loads, with every config field explained, and nothing overwritten.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Config } from "../../src/framework/schema.js";
import { loadWorkspace } from "../../src/workspace/load.js";
import { darep, ROOT } from "../helpers/cli.js";

const empty = () => mkdtempSync(join(tmpdir(), "darep-init-"));

/** Every field name a config may hold, as README writes them: "agencies[].contact.email". */
function configFields(): string[] {
  type Node = { shape?: Record<string, unknown>; unwrap?: () => Node; def?: { type?: string } };
  const fields: string[] = [];
  const walk = (schema: Node, prefix: string) => {
    let s = schema;
    let array = false;
    while (!s.shape && s.unwrap) {
      array ||= s.def?.type === "array";
      s = s.unwrap();
    }
    const path = `${prefix}${array ? "[]" : ""}`;
    for (const [k, v] of Object.entries(s.shape ?? {})) {
      fields.push(`${path ? `${path}.` : ""}${k}`);
      walk(v as Node, `${path ? `${path}.` : ""}${k}`);
    }
  };
  walk(Config as unknown as Node, "");
  return fields;
}

describe("darep init", () => {
  it("makes a workspace that loads, with the Doncaster framework and this year's returns folders", async () => {
    const dir = empty();
    const r = await darep(["init", "new-ws"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Made a darep workspace in new-ws/);
    const root = join(dir, "new-ws");
    const ws = await loadWorkspace({ cwd: root });
    expect(ws.framework.dir).toBe(join(root, "schemas", "doncaster"));
    expect(ws.framework.indicators).toHaveLength(38);
    for (const q of ["Q1", "Q2", "Q3", "Q4"]) expect(statSync(join(root, "returns", "2026-27", q)).isDirectory()).toBe(true);
    const owned = ws.config.agencies.flatMap((a) => a.indicators);
    expect(new Set(owned).size).toBe(owned.length);
    expect(owned.sort()).toEqual(ws.framework.indicators.map((i) => i.ref).sort());
    expect(readFileSync(join(root, "schemas", "doncaster", "PM20.json"), "utf8")).toBe(readFileSync(join(ROOT, "schemas", "doncaster", "PM20.json"), "utf8"));
  });

  it("explains every field of darep.config.json in the README it writes", async () => {
    const dir = empty();
    await darep(["init"], { cwd: dir });
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    const fields = configFields();
    expect(fields).toContain("agencies[].contact.email");
    expect(fields).toContain("options.tolerance.relative");
    for (const f of fields) expect(readme, f).toContain(`| \`${f}\` |`);
    const config = JSON.parse(readFileSync(join(dir, "darep.config.json"), "utf8"));
    expect(config.$comment).toMatch(/README\.md/);
    for (const k of Object.keys(config)) expect(fields).toContain(k);
  });

  it("refuses to overwrite anything, exit 2 with one sentence, and writes nothing", async () => {
    const dir = empty();
    writeFileSync(join(dir, "README.md"), "ours");
    const r = await darep(["init"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("darep: darep init overwrites nothing, and README.md already exists: choose an empty folder.\n");
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("ours");
    expect(existsSync(join(dir, "darep.config.json"))).toBe(false);
    expect(existsSync(join(dir, "returns"))).toBe(false);

    const again = empty();
    expect((await darep(["init", "ws"], { cwd: again })).code).toBe(0);
    const before = readFileSync(join(again, "ws", "darep.config.json"), "utf8");
    const second = await darep(["init", "ws"], { cwd: again });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/^darep: darep init overwrites nothing, and ws\/darep\.config\.json already exists \(and \d+ more of the files it would write\): choose an empty folder\.\n$/);
    expect(readFileSync(join(again, "ws", "darep.config.json"), "utf8")).toBe(before);
  });
});
