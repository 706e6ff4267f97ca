// The assurance list is in the report only when the workspace keeps assurance: an assurance/ folder of
// evidence, or its own framework's assurance.json; a bundled framework's list alone never puts it there.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/index.js";
import { DEMO } from "../helpers/cli.js";

function demoCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "darep-assurance-")), "ws");
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}

describe("assurance in the report", () => {
  it("is there when the workspace keeps evidence files (the demo)", async () => {
    const ws = demoCopy();
    const { report } = await build({ workspace: ws, quarter: "Q2", year: "2026-27", today: "2026-11-25", formats: ["json"], generatedAt: "2026-11-25T09:00:00Z" });
    expect(report.assurance).toBeDefined();
  }, 120_000);

  it("is not there for a bundled framework's list alone", async () => {
    const ws = demoCopy();
    rmSync(join(ws, "assurance"), { recursive: true });
    const { report } = await build({ workspace: ws, quarter: "Q2", year: "2026-27", today: "2026-11-25", formats: ["json"], generatedAt: "2026-11-25T09:00:00Z" });
    expect(report.assurance).toBeUndefined();
  }, 120_000);
});
