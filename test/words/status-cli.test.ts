// `darep status`, run for real, on a quarter's folder holding a file whose name carries terminal
// escapes and a bidi override: every format shows them as \u escapes, none passes them on raw.
import { describe, expect, it } from "vitest";
import { darep } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

const BAD = "x\u001b[2J\u001b]0;pwned\u0007\u202e\u009b";
const RAW = /[\u0007\u001b\u202e\u009b]/;

describe("darep status with a hostile file name", () => {
  const ws = makeWorkspace({ files: { [`returns/2026-27/Q2/${BAD}.csv`]: "indicator,measure,category,value\n" } });

  for (const format of ["text", "markdown", "json"]) {
    it(`--format ${format} shows the escapes instead of obeying them`, async () => {
      const r = await darep(["status", "2026-27 Q2", "--workspace", ws, "--format", format], { cwd: ws, env: { FORCE_COLOR: "0" } });
      expect(r.code).toBe(1);
      expect(r.stdout).not.toMatch(RAW);
      expect(r.stdout).toContain("u001b");
      expect(r.stdout).toContain("u202e");
      // The JSON reads back to exactly the file's name: only its spelling changed.
      if (format === "json") expect(JSON.stringify(JSON.parse(r.stdout))).toContain(JSON.stringify(BAD).slice(1, -1));
    });
  }
});
