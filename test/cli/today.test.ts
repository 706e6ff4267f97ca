// "Today", which decides what "Q2" means: the UK calendar's day, and DAREP_TODAY only when it is a day.
import { describe, expect, it } from "vitest";
import { ukToday } from "../../src/words/index.js";
import { darep, ROOT } from "../helpers/cli.js";

describe("today", () => {
  it("is the UK's calendar day: half past midnight BST on 1 October is October, though UTC still says September", () => {
    expect(ukToday(Date.parse("2026-09-30T23:30:00Z"))).toBe("2026-10-01");
    expect(ukToday(Date.parse("2026-12-31T23:30:00Z"))).toBe("2026-12-31"); // GMT in winter
  });

  it("refuses a DAREP_TODAY that is no day, in one sentence with exit 2, rather than falling back to the clock", async () => {
    for (const bad of ["25/11/2026", "2026-13-45"]) {
      const r = await darep(["status", "Q2", "--workspace", "fixtures/demo"], { cwd: ROOT, env: { DAREP_TODAY: bad } });
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toBe(`darep: DAREP_TODAY must be a date like 2026-11-25 (found "${bad}"): unset it to use today's date.\n`);
    }
  });
});
