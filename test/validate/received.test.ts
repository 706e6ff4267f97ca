// When a return arrived, through the real binary: the receipts log's line, else the About sheet's
// submitted date when it is plausible, else the file's modification time.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BAD, checkBad } from "../helpers/bad-fixture.js";
import { darepBin, DEMO } from "../helpers/cli.js";

const AS = "probation-service.xlsx";

describe("when a return was received", () => {
  it("is the About sheet's submitted date when the receipts log has no line for it", () => {
    const { check } = checkBad("about-submitted.xlsx", AS);
    expect(check.issues).toEqual([]);
    expect((check as unknown as { receivedAt: string }).receivedAt).toBe("2026-10-20");
  });

  it("is the file's own time when the submitted date is not plausible (before the quarter began)", () => {
    const { check } = checkBad("about-submitted-last-year.xlsx", AS);
    const receivedAt = (check as unknown as { receivedAt: string }).receivedAt;
    expect(receivedAt).not.toBe("2025-10-20");
    expect(receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/); // a timestamp: the copy's modification time
  });

  it("is the receipts log's date when it has a line for the agency, whatever the About sheet says", () => {
    const root = mkdtempSync(join(tmpdir(), "darep-received-"));
    writeFileSync(join(root, "darep.config.json"), readFileSync(join(DEMO, "darep.config.json")));
    mkdirSync(join(root, "returns/2026-27/Q2"), { recursive: true });
    copyFileSync(join(BAD, "about-submitted.xlsx"), join(root, "returns/2026-27/Q2", AS));
    writeFileSync(join(root, "returns/2026-27/Q2/_received.csv"), "probation-service,2026-10-28\n");
    // the quarter, not the file: the receipts log is read with the quarter's folder
    const r = darepBin(["validate", "2026-27 Q2", "--format", "json", "--no-cache"], { cwd: root });
    const file = (JSON.parse(r.stdout) as { files: { agency: string; receivedAt: string }[] }).files.find((f) => f.agency === "probation-service")!;
    expect(file.receivedAt).toBe("2026-10-28");
  });
});
