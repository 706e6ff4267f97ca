// A misspelt issue code does not compile: tsc checks issue-code.types.ts, whose every
// `@ts-expect-error` must meet the type error it expects.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

describe("issue codes", () => {
  it("are the catalogue's keys, so a misspelt code is a type error", () => {
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "test", "issues", "tsconfig.json")], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
