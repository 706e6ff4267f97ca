// Building many partnerships in one run: --workspace repeated, or --workspaces <folder> (every subfolder
// holding a darep.config.json). One workspace that cannot be built does not stop the others.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { PdfPrinter } from "../../src/report/pdf.js";
import { darep } from "../helpers/cli.js";
import { AGENCIES } from "../helpers/workspace.js";

const RETURN = "indicator,measure,category,value\nPM20,incidents,,100\nPM20,incidents,crime,60\nPM20,incidents,non-crime,40\n";

/** A folder of `n` small partnerships (and a folder that is no workspace), each with a clean 2026-27 Q2 return. */
function nation(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "darep-many-"));
  for (let i = 1; i <= n; i++) {
    const ws = join(dir, `partnership-${i}`);
    mkdirSync(join(ws, "returns", "2026-27", "Q2"), { recursive: true });
    writeFileSync(join(ws, "darep.config.json"), JSON.stringify({ partnership: `Partnership ${i}`, framework: "doncaster", agencies: [AGENCIES[1]] }));
    writeFileSync(join(ws, "returns", "2026-27", "Q2", "south-yorkshire-police.csv"), RETURN);
  }
  mkdirSync(join(dir, "notes"));
  return dir;
}

const report = (ws: string) => JSON.parse(readFileSync(join(ws, "reports", "2026-27-Q2", "report.json"), "utf8"));

describe("darep build for many partnerships", () => {
  it("builds every workspace in a folder, each report in its own workspace", async () => {
    const dir = nation(3);
    const r = await darep(["build", "Q2", "--year", "2026-27", "--workspaces", dir, "--format", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const i of [1, 2, 3]) expect(report(join(dir, `partnership-${i}`)).partnership).toBe(`Partnership ${i}`);
    expect(r.stdout.match(/^Partnership \d, 2026-27 Q2: wrote report\.json/gm)).toEqual([
      "Partnership 1, 2026-27 Q2: wrote report.json",
      "Partnership 2, 2026-27 Q2: wrote report.json",
      "Partnership 3, 2026-27 Q2: wrote report.json",
    ]);
    expect(existsSync(join(dir, "notes", "reports"))).toBe(false);
  });

  it("takes --workspace repeated alongside --workspaces", async () => {
    const dir = nation(2);
    const other = nation(1);
    const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", join(other, "partnership-1"), "--workspaces", dir, "--format", "json", "--quiet"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(report(join(other, "partnership-1")).partnership).toBe("Partnership 1");
    expect(report(join(dir, "partnership-2")).partnership).toBe("Partnership 2");
  });

  it("goes on past a workspace that cannot be built, and exits 2 naming it", async () => {
    const dir = nation(3);
    writeFileSync(join(dir, "partnership-2", "darep.config.json"), "{ not json");
    const r = await darep(["build", "Q2", "--year", "2026-27", "--workspaces", dir, "--format", "json", "--quiet"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^darep: partnership-2: The workspace config cannot be read/m);
    expect(report(join(dir, "partnership-1")).partnership).toBe("Partnership 1");
    expect(report(join(dir, "partnership-3")).partnership).toBe("Partnership 3");
  });

  it("refuses --out with several workspaces, and a folder with no workspace in it", async () => {
    const dir = nation(2);
    const withOut = await darep(["build", "Q2", "--year", "2026-27", "--workspaces", dir, "--out", "x"], { cwd: dir });
    expect(withOut.code).toBe(2);
    expect(withOut.stderr).toMatch(/--out cannot be used with several workspaces/);
    const empty = await darep(["build", "Q2", "--workspaces", join(dir, "notes")], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/No workspace in/);
    const missing = await darep(["build", "Q2", "--workspaces", join(dir, "nowhere")], { cwd: dir });
    expect(missing.code).toBe(2);
  });

  it("prints every PDF with one browser", async () => {
    const dir = nation(3);
    const launch = vi.spyOn(PdfPrinter, "launch");
    const r = await darep(["build", "Q2", "--year", "2026-27", "--workspaces", dir, "--format", "pdf,json", "--timings", "--quiet"], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stderr
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.workspace)).toEqual(["partnership-1", "partnership-2", "partnership-3"]);
    expect(launch).toHaveBeenCalledTimes(1);
    for (const i of [1, 2, 3]) {
      const pdf = readFileSync(join(dir, `partnership-${i}`, "reports", "2026-27-Q2", "exception-report.pdf"));
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
  });
});
