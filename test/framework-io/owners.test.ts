// Importing a framework whose owners name none of the workspace's agencies: the framework is written,
// the config left alone, and darep says exactly what to do next (importing again would find the folder taken).
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { darep } from "../helpers/cli.js";

describe("darep framework import, owners that name no agency", () => {
  it("writes the framework, leaves the config, exits 1 and says the next step", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-owners-"));
    const env = { CI: "true", DAREP_TODAY: "2026-11-25" };
    expect((await darep(["init", "ws", "--name", "Test", "--framework", "blank", "--agency", "a:Agency A"], { cwd: dir, env })).code).toBe(0);
    const ws = join(dir, "ws");
    expect((await darep(["framework", "export", "--framework", "rotherham", "--out", "r.csv"], { cwd: ws, env })).code).toBe(0);
    const r = await darep(["framework", "import", "r.csv", "--name", "ours"], { cwd: ws, env });
    expect(r.code).toBe(1);
    expect(existsSync(join(ws, "schemas", "ours", "framework.json"))).toBe(true);
    expect(r.stdout).toMatch(/darep\.config\.json was left as it was/);
    expect(r.stdout).toMatch(
      /Next: either set "framework": "ours" in darep\.config\.json and give each agency its "indicators" there, or correct the owner column, delete schemas\/ours\/ and import again\./,
    );
  }, 60_000);
});
