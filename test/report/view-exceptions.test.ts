// The exceptions view groups a breakdown's categories into one card (and page 1 into one line):
// the demo's report with two of PM2's categories marked as exceptions, so the grouping is tested
// whatever the demo's judgement of the day.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baselineWords, exceptionsView } from "../../src/report/view-exceptions.js";
import { toViewModel } from "../../src/report/view-model.js";
import type { Report } from "../../src/report-contract/schema.js";
import { DEMO, ROOT } from "../helpers/cli.js";

const out = mkdtempSync(join(tmpdir(), "darep-view-exceptions-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function demoReport(): Report {
  try {
    execFileSync(process.execPath, [join(ROOT, "bin", "darep.js"), "build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", "json"], {
      env: { ...process.env, SOURCE_DATE_EPOCH: "1795000000" },
      stdio: "pipe",
    });
  } catch {
    // exit code 1: the demo has a missing and an invalid return planted in it
  }
  return JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report;
}

describe("one card per measure", () => {
  const report = demoReport();
  const police = report.results.find((r) => r.key === "PM2/referrals/police/doncaster-council")!;
  const health = report.results.find((r) => r.key === "PM2/referrals/health/doncaster-council")!;
  for (const r of [police, health]) Object.assign(r, { status: "worsening", exception: true });
  const marked: Report = { ...report, exceptions: [police.key, health.key, ...report.exceptions] };

  it("tells a breakdown's categories as one card, the others in an 'Also in this breakdown' table", () => {
    const view = exceptionsView(marked);
    const pm2 = view.cards.filter((c) => /^PM2 /.test(c.heading));
    expect(pm2).toHaveLength(1);
    expect(pm2[0]!.also.map((a) => a.figure)).toEqual([expect.stringContaining("Health")]);
  });

  it("lists the breakdown once on page 1", () => {
    const glance = toViewModel(marked).cover.glance;
    const rows = glance.filter((g) => g.figure.startsWith("PM2 "));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.figure).toMatch(/\(and 1 other category\)$/);
  });
});

describe("a re-baselined figure's chart", () => {
  it("says whose limits it shows and why the baseline changed", () => {
    const base = { to: 0, fixedTo: null, state: "computed" as const, points: 12, mean: 1, lower: 0, upper: 2, movingRange: 1, screened: 0, poissonFloor: false };
    const spc = (starts: [string, string | null][]) => ({
      spc: {
        state: "computed" as const,
        points: 12,
        mean: 1,
        lower: 0,
        upper: 2,
        signals: [],
        latest: null,
        assurance: null,
        baselines: starts.map(([start, reason], i) => ({ ...base, from: i, start, reason })),
      },
    });
    expect(baselineWords(spc([["2022-23 Q3", null]]))).toBe("");
    expect(
      baselineWords(
        spc([
          ["2022-23 Q3", null],
          ["2025-26 Q3", "new recording rule"],
        ]),
      ),
    ).toBe(" The lines are the limits of the latest baseline, from 2025-26 Q3: new recording rule.");
    expect(
      baselineWords(
        spc([
          ["2020-21 Q1", null],
          ["2022-23 Q1", "new service"],
          ["2025-26 Q3", "new rule"],
        ]),
      ),
    ).toMatch(/Earlier baselines began 2022-23 Q1 \(new service\)\.$/);
  });
});

describe("the demo's page 1", () => {
  const report = demoReport();
  const exceptions = report.exceptions.map((k) => report.results.find((r) => r.key === k)!);

  it("lists no figure that did not move unless a special cause on locked limits put it there", () => {
    const unmoved = exceptions.filter((r) => r.change === 0);
    for (const r of unmoved) expect({ key: r.key, decidedBy: r.decidedBy, state: r.spc?.state }).toEqual({ key: r.key, decidedBy: "limits", state: "computed" });
    expect(exceptions.some((r) => r.key.startsWith("PM15/"))).toBe(false);
  });

  it("ranks PM3's sustained rise above every other move", () => {
    const moves = exceptions.filter((r) => r.status === "worsening" || r.status === "off-track");
    expect(moves[0]!.key).toBe("PM3/repeat-referrals/total/doncaster-council");
    expect(moves[0]!.tier).toBe(1);
  });
});
