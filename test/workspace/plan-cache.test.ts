// The action plan and the evidence log are kept in the cache like the returns: a rebuild takes an
// unchanged file's reading from there, and a changed file is read afresh.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWorkspace, readQuarter } from "../../src/workspace/index.js";
import { ROOT } from "../helpers/cli.js";

const Q2 = { year: "2026-27", quarter: "Q2" } as const;

async function read(root: string, cacheDir: string) {
  const ws = await openWorkspace({ cwd: root, cache: { enabled: true, dir: cacheDir } });
  const { plan, assurance } = await readQuarter(ws, Q2);
  return { plan, assurance };
}

describe("the action plan and evidence in the cache", () => {
  it("are read the same from the cache, and afresh once the file changes", async () => {
    const root = mkdtempSync(join(tmpdir(), "darep-plan-cache-"));
    cpSync(join(ROOT, "fixtures", "demo"), root, { recursive: true });
    const cacheDir = join(root, "cache");
    const first = await read(root, cacheDir);
    expect(readdirSync(join(cacheDir, "actions")).length).toBe(2); // this quarter's plan and last quarter's
    expect(readdirSync(join(cacheDir, "evidence")).length).toBe(2);
    const again = await read(root, cacheDir);
    expect(again).toEqual(first);

    const plan = join(root, "actions", "2026-27-Q2.csv");
    writeFileSync(plan, readFileSync(plan, "utf8").replace("work is progressing well", "work is complete"));
    const changed = await read(root, cacheDir);
    expect(changed.plan?.actions.find((a) => a.ref === "P1.1")?.progress).toContain("work is complete");
    expect(first.plan?.actions.find((a) => a.ref === "P1.1")?.progress).toContain("work is progressing well");
    expect(readdirSync(join(cacheDir, "actions")).length).toBe(3);
  });
});
