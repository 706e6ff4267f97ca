// `darep init`: a workspace that loads, with every config field explained, and nothing overwritten.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Config } from "../../src/framework/schema.js";
import { loadWorkspace } from "../../src/workspace/load.js";
import { darep, ROOT } from "../helpers/cli.js";

const empty = () => mkdtempSync(join(tmpdir(), "darep-init-"));
/** Doncaster's own workspace of its own framework, with its example agencies. */
const DONCASTER = ["--name", "Doncaster Domestic Abuse Partnership", "--framework", "doncaster"];

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
    const r = await darep(["init", "new-ws", ...DONCASTER], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Made a darep workspace for Doncaster Domestic Abuse Partnership in new-ws/);
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
    await darep(["init", ...DONCASTER], { cwd: dir });
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
    const r = await darep(["init", ...DONCASTER], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("darep: darep init overwrites nothing, and README.md already exists: choose an empty folder.\n");
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("ours");
    expect(existsSync(join(dir, "darep.config.json"))).toBe(false);
    expect(existsSync(join(dir, "returns"))).toBe(false);

    const again = empty();
    expect((await darep(["init", "ws", ...DONCASTER], { cwd: again })).code).toBe(0);
    const before = readFileSync(join(again, "ws", "darep.config.json"), "utf8");
    const second = await darep(["init", "ws", ...DONCASTER], { cwd: again });
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/^darep: darep init overwrites nothing, and ws\/darep\.config\.json already exists \(and \d+ more of the files it would write\): choose an empty folder\.\n$/);
    expect(readFileSync(join(again, "ws", "darep.config.json"), "utf8")).toBe(before);
  });

  it("in CI, or with no terminal, lists what it needs instead of asking, and writes nothing", async () => {
    const dir = empty();
    for (const env of [{}, { CI: "true" }]) {
      const r = await darep(["init", "ws"], { cwd: dir, env, isTTY: true });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^darep: darep init needs, when it cannot ask \(no terminal, or CI\):\n {2}--name .*\n {2}--framework .*\n {2}--agency id:"Name" .*--agencies agencies\.csv\n$/);
    }
    expect(existsSync(join(dir, "ws"))).toBe(false);
  });

  it("asks on a terminal for what the flags leave out", async () => {
    const dir = empty();
    const answers = ["Leeds Domestic Abuse Partnership", "blank", "police:West Yorkshire Police", "idas:IDAS", ""];
    const asked: string[] = [];
    const { run } = await import("../../src/cli/index.js");
    let out = "";
    const code = await run(["init", "ws"], {
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      env: { DAREP_TODAY: "2026-11-25" },
      cwd: dir,
      isTTY: true,
      ask: async (q) => {
        asked.push(q);
        return answers.shift() ?? "";
      },
    });
    expect(out).toMatch(/Made a darep workspace for Leeds/);
    expect(code).toBe(0);
    expect(asked[0]).toMatch(/name/);
    const config = JSON.parse(readFileSync(join(dir, "ws", "darep.config.json"), "utf8"));
    expect(config.agencies.map((a: { id: string }) => a.id)).toEqual(["police", "idas"]);
    expect(config.framework).toBe("blank");
  });

  it("for another partnership on Doncaster's framework: its own name and agencies, no assurance list, and the local texts to review", async () => {
    const dir = empty();
    const r = await darep(["init", "ws", "--name", "Sheffield Domestic Abuse Partnership", "--framework", "doncaster", "--agency", "police:South Yorkshire Police", "--agency", "idas:IDAS"], {
      cwd: dir,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/review these \d+ texts/);
    expect(r.stdout).toMatch(/PM\d+ \S+: Doncaster/);
    const root = join(dir, "ws");
    const config = readFileSync(join(root, "darep.config.json"), "utf8");
    expect(config).not.toMatch(/Doncaster Domestic|DBTH|Riverside|St Leger|doncaster-council/);
    expect(existsSync(join(root, "schemas", "doncaster", "assurance.json"))).toBe(false);
    const ws = await loadWorkspace({ cwd: root });
    expect(ws.config.partnership).toBe("Sheffield Domestic Abuse Partnership");
    expect(ws.framework.assurance).toBeUndefined();
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme).toMatch(/^# Sheffield Domestic Abuse Partnership: darep workspace/);
    expect(readme).toMatch(/review them/);
  });

  it("names the quarter that is due: the latest that has ended, with its due date", async () => {
    const dir = empty();
    const r = await darep(["init", "ws", "--name", "Leeds DA Partnership", "--framework", "rotherham", "--agency", "police:Police"], { cwd: dir, env: { DAREP_TODAY: "2026-05-10" } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/the returns for 2025-26 Q4 are due by 30 April 2026: 'darep template Q4 --all --year 2025-26'/);
    const readme = readFileSync(join(dir, "ws", "README.md"), "utf8");
    expect(readme).toMatch(/\*\*Next:\*\* the returns for 2025-26 Q4 are due by 30 April 2026/);
    expect(readme).toMatch(/receipts log/);
    expect(statSync(join(dir, "ws", "returns", "2025-26", "Q4")).isDirectory()).toBe(true);
  });

  it("reads agencies from a CSV, with their indicators and emails", async () => {
    const dir = empty();
    writeFileSync(join(dir, "agencies.csv"), "id,name,email,indicators\npolice,Northshire Police,data@police.example,RO1; RO2\nidas,IDAS,,\n");
    const r = await darep(["init", "ws", "--name", "Northshire DA Partnership", "--framework", "rotherham", "--agencies", "agencies.csv"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const ws = await loadWorkspace({ cwd: join(dir, "ws") });
    expect(ws.config.agencies.map((a) => [a.id, a.contact?.email, a.indicators.length])).toEqual([
      ["police", "data@police.example", 2],
      ["idas", undefined, 7],
    ]);
  });
});
