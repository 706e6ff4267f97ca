// Writes never touch inputs (issue 14, item 3): an output folder is judged by its real place, so a
// symlink into returns/ is refused, and --out naming a file is a usage error; inputs stay byte-identical.
import { readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { darepBin, ROOT } from "../helpers/cli.js";
import { demoCopy, inputHashes } from "./helpers.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function copy() {
  const c = demoCopy();
  dirs.push(c.dir);
  return { ...c, before: inputHashes(c.root) };
}

describe("outputs among the inputs", () => {
  it("darep template --out through a symlink to a returns folder is refused, and no return is replaced", () => {
    const { dir, root, before } = copy();
    const link = join(dir, "looks-harmless");
    symlinkSync(join(root, "returns", "2026-27", "Q2"), link);
    const r = darepBin(["template", "Q2", "--year", "2026-27", "--workspace", root, "--agency", "dcst", "--format", "csv", "--out", link], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^darep: Templates cannot be written inside the returns folder \(.*looks-harmless, which is really .*returns\/2026-27\/Q2\)/);
    expect(r.stderr).not.toMatch(/bug|\s{4}at /);
    expect(inputHashes(root)).toEqual(before);
  });

  it("darep build --out into returns/, directly or through a link to the workspace, is refused before any work", () => {
    const { dir, root, before } = copy();
    const direct = darepBin(["build", "Q2", "--year", "2026-27", "--workspace", root, "--out", join(root, "returns", "2026-27", "Q2"), "--format", "json"], { cwd: ROOT });
    expect(direct.code).toBe(2);
    expect(direct.stderr).toMatch(/^darep: The report cannot be written inside the returns folder/);
    symlinkSync(root, join(dir, "ws-link"));
    const linked = darepBin(["build", "Q2", "--year", "2026-27", "--workspace", root, "--out", join(dir, "ws-link", "actions"), "--format", "json"], { cwd: ROOT });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/^darep: The report cannot be written inside the actions folder .*which is really/);
    expect(inputHashes(root)).toEqual(before);
    expect(readdirSync(join(root, "returns", "2026-27", "Q2"))).not.toContain("report.json");
  });

  it("--out naming an existing file is a usage error (exit 2), not a bug", () => {
    const { dir, root, before } = copy();
    const file = join(dir, "notes.txt");
    writeFileSync(file, "mine\n");
    const b = darepBin(["build", "Q2", "--year", "2026-27", "--workspace", root, "--out", file, "--format", "json"], { cwd: ROOT });
    expect(b.code).toBe(2);
    expect(b.stderr).toBe(`darep: The report cannot be written to ${file}: it is a file, not a folder. Give a folder with --out (it is made if it does not exist).\n`);
    const t = darepBin(["template", "Q2", "--year", "2026-27", "--workspace", root, "--all", "--out", file], { cwd: ROOT });
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/^darep: Templates cannot be written to .*: it is a file, not a folder/);
    expect(inputHashes(root)).toEqual(before);
  });
});
