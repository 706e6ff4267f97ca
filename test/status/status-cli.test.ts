// `darep status`: the chase list on the demo workspace and on small workspaces built for the test.
import { utimesSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { status } from "../../src/api/status.js";
import { loadWorkspace } from "../../src/workspace/load.js";
import type { Framework } from "../../src/framework/types.js";
import type { ChaseList } from "../../src/status/chase-list.js";
import { darep, darepBin, DEMO } from "../helpers/cli.js";
import { AGENCIES, makeWorkspace } from "../helpers/workspace.js";
import { fillCsv } from "../template/fill.js";

let framework: Framework;
beforeAll(async () => {
  framework = (await loadWorkspace({ cwd: DEMO })).framework;
});

describe("darep status on the demo workspace", () => {
  it("lists the missing and the invalid agencies with contacts and what they owe, exit 1", async () => {
    const r = await darep(["status", "Q2", "--workspace", DEMO], { cwd: DEMO });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Doncaster Domestic Abuse Partnership: returns for 2026-27 Q2 (July to September 2026)");
    expect(r.stdout).toMatch(/missing\s+Cranstoun \(Inspire to Change\) \(cranstoun\)\n\s+owes the whole return \(PM37\)\n\s+contact: Service Manager <cranstoun\.da-returns@example\.org>/);
    expect(r.stdout).toMatch(/invalid\s+St Leger Homes of Doncaster \(st-leger-homes\)\n\s+returns\/2026-27\/Q2\/st-leger-homes\.csv, received [^:]+: \d+ errors/);
    expect(r.stdout).toMatch(/owes corrected figures for PM2\d(, PM2\d)*/);
    // Missing first, then invalid.
    expect(r.stdout.indexOf("cranstoun")).toBeLessThan(r.stdout.indexOf("st-leger-homes"));
  });

  it("prints markdown for an email or a ticket", async () => {
    const r = await darep(["status", "2026-27 Q2", "--workspace", DEMO, "--format", "markdown"], { cwd: DEMO });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^## Returns for 2026-27 Q2: Doncaster Domestic Abuse Partnership\n/);
    expect(r.stdout).toContain("| Cranstoun (Inspire to Change) (`cranstoun`) | ❌ missing | – | not received | Service Manager &lt;cranstoun.da-returns@example.org&gt; | the whole return (PM37) |");
    expect(r.stdout).toMatch(/\| St Leger Homes of Doncaster \(`st-leger-homes`\) \| ⚠️ invalid \| \d+ \|/);
    expect(r.stdout).toContain("### St Leger Homes of Doncaster: to fix in returns/2026-27/Q2/st-leger-homes.csv");
  });

  it("prints exactly the library's chase list as JSON", async () => {
    const r = await darep(["status", "Q2", "--workspace", DEMO, "--format", "json"], { cwd: DEMO });
    const printed = JSON.parse(r.stdout) as ChaseList;
    const ws = await loadWorkspace({ cwd: DEMO });
    expect(printed).toEqual(JSON.parse(JSON.stringify(await status(ws, { year: "2026-27", quarter: "Q2" }, "2026-11-25"))));
    const by = Object.fromEntries(printed.agencies.map((a) => [a.agency, a.status]));
    expect(by).toMatchObject({ cranstoun: "missing", "st-leger-homes": "invalid", riverside: "received", "south-yorkshire-police": "received" });
    expect(printed.summary).toMatchObject({ expected: 10, missing: 1, invalid: 1, received: 8 });
  });

  it("runs as the real binary", () => {
    const r = darepBin(["status", "Q2", "--workspace", DEMO], { cwd: DEMO });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("cranstoun");
  });
});

describe("darep status on a workspace of its own", () => {
  const period = "returns/2026-27/Q2/";
  const riversideCsv = () => {
    const rows = ["indicator,measure,category,value,note"];
    for (const ref of ["PM17", "PM18", "PM19"])
      for (const m of framework.byRef.get(ref)!.measures) for (const c of [null, ...(m.categories?.values ?? [])]) rows.push(`${ref},${m.id},${c?.id ?? ""},,`);
    return fillCsv(`\ufeff${rows.join("\r\n")}\r\n`, framework);
  };
  const police =
    "indicator,measure,category,value,note\nPM20,incidents,,100,\nPM20,incidents,crime,60,\nPM20,incidents,non-crime,40,\nPM20,incidents-by-district,,100,\nPM20,incidents-by-district,barnsley,25,\nPM20,incidents-by-district,doncaster,25,\nPM20,incidents-by-district,rotherham,25,\nPM20,incidents-by-district,sheffield,25,\n";

  it("exits 0 when every return is in and valid, and still says which came late", async () => {
    const root = makeWorkspace({ files: { [`${period}riverside.csv`]: riversideCsv(), [`${period}south-yorkshire-police.csv`]: police } });
    utimesSync(join(root, period, "riverside.csv"), new Date("2026-10-20T10:00:00Z"), new Date("2026-10-20T10:00:00Z"));
    utimesSync(join(root, period, "south-yorkshire-police.csv"), new Date("2026-11-06T10:00:00Z"), new Date("2026-11-06T10:00:00Z"));
    const r = await darep(["status", "Q2", "--format", "json"], { cwd: root });
    const list = JSON.parse(r.stdout) as ChaseList;
    expect(list.agencies.map((a) => [a.agency, a.status, a.late, a.daysLate])).toEqual([
      ["south-yorkshire-police", "received", true, 7],
      ["riverside", "received", false, 0],
    ]);
    expect(r.code).toBe(0);
    const text = await darep(["status", "Q2"], { cwd: root });
    expect(text.stdout).toContain("received 6 November 2026 (7 days late)");
    expect(text.code).toBe(0);
  });

  it("counts every agency missing when the quarter has no returns at all, exit 1", async () => {
    const root = makeWorkspace();
    const r = await darep(["status", "Q2", "--format", "json"], { cwd: root });
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as ChaseList;
    expect(list.summary).toEqual({ expected: 2, received: 0, invalid: 0, missing: 2, late: 0 });
    expect(list.otherIssues).toEqual([]);
    expect(list.agencies[0]!.contact).toEqual(AGENCIES[0]!.contact);
  });

  it("exits 2 for a quarter that is not one", async () => {
    const r = await darep(["status", "Q7"], { cwd: makeWorkspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("darep: 'Q7' is not a quarter: write Q1, Q2, Q3 or Q4 (or e.g. '2025-26 Q2').\n");
  });
});
