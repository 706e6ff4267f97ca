// The quarter's receipts log (_received.csv) says when each return arrived, so "late" survives a
// git clone, a copy or an unzip that resets file times.
import { cpSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listReturns } from "../../src/workspace/returns-folder.js";
import { loadWorkspace } from "../../src/workspace/load.js";
import type { ChaseList } from "../../src/status/chase-list.js";
import { DEMO, darep } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

/** Every file's time set to now, as after a fresh clone. */
function touchAll(dir: string, now: Date): void {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) touchAll(p, now);
    else utimesSync(p, now, now);
  }
}

describe("the receipts log", () => {
  it("gives each listed return its date, and warns, by line, of what it cannot use", async () => {
    const root = makeWorkspace({
      files: {
        "returns/2026-27/Q2/riverside.csv": "indicator,value\n",
        "returns/2026-27/Q2/south-yorkshire-police.csv": "indicator,value\n",
        "returns/2026-27/Q2/_received.csv": "agency,received\nriverside,2026-10-21\nsouth-yorkshire-police,21/10/2026\nnobody,2026-10-01\n",
      },
    });
    const ws = await loadWorkspace({ cwd: root });
    const listed = await listReturns(ws, { year: "2026-27", quarter: "Q2" });
    expect(listed.entries.map((e) => [e.agency, e.receivedAt])).toEqual([
      ["riverside", "2026-10-21"],
      ["south-yorkshire-police", undefined],
    ]);
    expect(listed.issues.map((i) => [i.code, i.severity, i.file, i.row])).toEqual([
      ["invalid-receipt", "warning", "returns/2026-27/Q2/_received.csv", 3],
      ["invalid-receipt", "warning", "returns/2026-27/Q2/_received.csv", 4],
    ]);
  });

  it("says an impossible day (2026-02-31) like any bad line, and does not use it", async () => {
    const root = makeWorkspace({
      files: {
        "returns/2026-27/Q2/riverside.csv": "indicator,value\n",
        "returns/2026-27/Q2/south-yorkshire-police.csv": "indicator,value\n",
        "returns/2026-27/Q2/_received.csv": "agency,received\nriverside,2026-02-31\nsouth-yorkshire-police,2024-02-29\n",
      },
    });
    const listed = await listReturns(await loadWorkspace({ cwd: root }), { year: "2026-27", quarter: "Q2" });
    expect(listed.entries.map((e) => [e.agency, e.receivedAt])).toEqual([
      ["riverside", undefined],
      ["south-yorkshire-police", "2024-02-29"],
    ]);
    expect(listed.issues.map((i) => [i.code, i.severity, i.file, i.row, i.found])).toEqual([["invalid-receipt", "warning", "returns/2026-27/Q2/_received.csv", 2, "riverside,2026-02-31"]]);
    expect(listed.issues[0]!.message).toBe("Line 2 gives '2026-02-31' as riverside's date, which is no day of the calendar; the file's own time is used instead.");
  });

  it("keeps the demo's one late return late, and the others on time, when every file time is new", async () => {
    const copy = join(mkdtempSync(join(tmpdir(), "darep-receipts-")), "demo");
    cpSync(DEMO, copy, { recursive: true });
    touchAll(join(copy, "returns"), new Date("2026-11-25T09:00:00Z"));
    expect(statSync(join(copy, "returns", "2026-27", "Q2", "dcst.csv")).mtime.toISOString()).toBe("2026-11-25T09:00:00.000Z");
    const r = await darep(["status", "2026-27 Q2", "--workspace", copy, "--format", "json"], { cwd: copy });
    const list = JSON.parse(r.stdout) as ChaseList;
    expect(list.agencies.filter((a) => a.late).map((a) => a.agency)).toEqual(["probation-service"]);
    expect(list.agencies.find((a) => a.agency === "dcst")!.receivedAt).toBe("2026-10-16");
  });

  it("is not taken for a return by darep validate on the folder", async () => {
    const root = makeWorkspace({ files: { "returns/2026-27/Q2/_received.csv": "agency,received\nriverside,2026-10-21\n" } });
    writeFileSync(join(root, "returns", "2026-27", "Q2", "riverside.csv"), "indicator,measure,value\n");
    const r = await darep(["validate", "returns/2026-27/Q2", "--format", "json"], { cwd: root });
    expect(r.stdout).not.toContain("_received");
  });
});
