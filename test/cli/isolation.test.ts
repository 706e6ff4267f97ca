// Bad input never hurts: a copy of the demo workspace with every file of fixtures/bad/ dropped in
// (as earlier returns of the agencies, as this quarter's return of two of them, and as files in the
// wrong places), run through the real binary. darep must finish with exit code 1 and no stack trace,
// report every good agency's figures, and leave every input file byte for byte as it was.
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative, sep } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { darepBin, DEMO, ROOT, type CliRun } from "../helpers/cli.js";

const BAD = join(ROOT, "fixtures", "bad");
const AGENCIES = ["doncaster-council", "riverside", "south-yorkshire-police", "st-leger-homes", "dbth", "probation-service", "adult-social-care", "dcst", "cranstoun", "public-health"];
/** Agencies whose 2026-27 Q2 return stays good (probation-service's is the hostile-notes fixture, which is valid). */
const GOOD = ["doncaster-council", "riverside", "south-yorkshire-police", "dbth", "probation-service", "adult-social-care", "dcst", "public-health"];
const EARLIER = ["2023-24/Q3", "2023-24/Q4", "2024-25/Q1", "2024-25/Q2", "2024-25/Q3", "2024-25/Q4", "2025-26/Q1", "2025-26/Q2", "2025-26/Q3", "2025-26/Q4", "2026-27/Q1"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join("/"))
    .sort();
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const stackTrace = /^\s{4}at /m;

describe("a workspace full of bad files", () => {
  const root = join(mkdtempSync(join(tmpdir(), "darep-isolation-")), "workspace");
  const placed: string[] = [];
  let before: Map<string, string>;
  let validated: CliRun;
  let built: CliRun;

  beforeAll(() => {
    // Not what earlier runs wrote into the demo: its reports and darep's cache of checked returns.
    const outputs = [join(DEMO, "reports"), join(DEMO, ".darep-cache")];
    cpSync(DEMO, root, { recursive: true, filter: (src) => !outputs.some((o) => src === o || src.startsWith(o + sep)) });
    const put = (fixture: string, dest: string) => {
      mkdirSync(dirname(join(root, dest)), { recursive: true });
      copyFileSync(join(BAD, fixture), join(root, dest));
      placed.push(dest);
    };
    const fixtures = readdirSync(BAD)
      .filter((n) => !n.endsWith(".mjs"))
      .sort();
    // Each fixture replaces one agency's return in an earlier quarter (dbth's 2024-25 Q2 is kept for the ambiguous pair below).
    const slots = EARLIER.flatMap((q) => AGENCIES.map((a) => ({ q, a }))).filter((s) => !(s.q === "2024-25/Q2" && s.a === "dbth"));
    expect(fixtures.length).toBeLessThanOrEqual(slots.length);
    fixtures.forEach((name, i) => {
      const { q, a } = slots[i]!;
      for (const ext of [".csv", ".xlsx"]) rmSync(join(root, "returns", q, `${a}${ext}`), { force: true });
      put(name, `returns/${q}/${a}${extname(name)}`);
    });
    // This quarter: cranstoun's return is a zip bomb, probation-service's carries hostile notes.
    put("zip-bomb.xlsx", "returns/2026-27/Q2/cranstoun.xlsx");
    rmSync(join(root, "returns/2026-27/Q2/probation-service.csv"));
    put("hostile-notes.csv", "returns/2026-27/Q2/probation-service.csv");
    // Files in the wrong places: a quarter that is not one, a year that is not one, an unknown agency, two files for one return.
    put("negative-count.csv", "returns/2026-27/Q5/probation-service.csv");
    put("duplicate-figure.csv", "returns/not-a-year/Q2/probation-service.csv");
    put("unknown-indicator.csv", "returns/2026-27/Q2/south-yorks-police.csv");
    put("unsupported-format.ods", "returns/2026-27/Q2/notes.ods");
    put("missing-indicator.csv", "returns/2024-25/Q2/dbth.csv");

    before = new Map(filesUnder(root).map((f) => [f, sha256(join(root, f))]));
    validated = darepBin(["validate", "returns"], { cwd: root });
    built = darepBin(["build", "Q2", "--year", "2026-27", "--format", "html,json"], { cwd: root });
  }, 240_000);

  it("holds every fixture of fixtures/bad/", () => {
    const fixtures = readdirSync(BAD).filter((n) => !n.endsWith(".mjs"));
    expect(fixtures.length).toBeGreaterThan(50);
    expect(placed.length).toBeGreaterThan(fixtures.length);
  });

  it("validates every file with exit code 1 and no stack trace", () => {
    expect(validated.stderr).toBe("");
    expect(validated.code).toBe(1);
    expect(validated.stdout).not.toMatch(stackTrace);
    expect(validated.stdout).not.toMatch(/something went wrong inside darep/);
    const summary = /Checked (\d+) files: (\d+) valid, (\d+) invalid/.exec(validated.stdout);
    expect(summary).not.toBeNull();
    expect(Number(summary![3])).toBeGreaterThan(40);
    for (const issue of ["misplaced-return", "unknown-agency", "unsupported-format", "limit-exceeded", "unreadable-file", "wrong-file-type", "encrypted-workbook", "malformed-csv"])
      expect(validated.stdout, issue).toContain(`[${issue}]`);
  });

  it("builds the report with exit code 1 and no stack trace", () => {
    expect(built.stdout + built.stderr).not.toMatch(stackTrace);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(1);
    expect(existsSync(join(root, "reports/2026-27-Q2/report.json"))).toBe(true);
    expect(existsSync(join(root, "reports/2026-27-Q2/exception-report.html"))).toBe(true);
  });

  it("reports every good agency's return as received, with its results", () => {
    const report = JSON.parse(readFileSync(join(root, "reports/2026-27-Q2/report.json"), "utf8"));
    const returns = new Map<string, { status: string; figuresUsed: number }>(report.returns.map((r: { agency: string }) => [r.agency, r]));
    for (const agency of GOOD) {
      expect(returns.get(agency), agency).toMatchObject({ status: "received" });
      expect(returns.get(agency)!.figuresUsed, agency).toBeGreaterThan(0);
      const results = report.results.filter((r: { agency: string }) => r.agency === agency);
      expect(results.length, agency).toBeGreaterThan(0);
      expect(
        results.filter((r: { status: string }) => r.status === "invalid" || r.status === "missing"),
        agency,
      ).toEqual([]);
    }
    expect(returns.get("cranstoun")).toMatchObject({ status: "invalid" });
    expect(returns.get("st-leger-homes")).toMatchObject({ status: "invalid" });
    const warnings = report.warnings.map((w: { code: string; file: string }) => `${w.code} ${w.file}`);
    expect(warnings).toContain("unknown-period returns/2026-27/Q5");
    expect(warnings).toContain("unknown-agency returns/2026-27/Q2/south-yorks-police.csv");
    expect(warnings).toContain("ambiguous-return returns/2024-25/Q2/dbth.csv and dbth.xlsx");
  });

  it("keeps hostile notes as text: no script, remote image or javascript: link in the page", () => {
    const report = JSON.parse(readFileSync(join(root, "reports/2026-27-Q2/report.json"), "utf8"));
    const notes = report.results.filter((r: { agency: string }) => r.agency === "probation-service").map((r: { note: string | null }) => r.note);
    expect(notes).toContain('<script>alert(1)</script><img src="https://example.com/x.png" onerror="alert(2)">');
    const html = readFileSync(join(root, "reports/2026-27-Q2/exception-report.html"), "utf8");
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<img\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/\bhref\s*=\s*["']?\s*javascript:/i);
    expect(html).not.toMatch(/\bon(?:error|load)\s*=/i);
  });

  it("leaves every input file byte for byte as it was, and writes only the report (and its cache)", () => {
    const written = (f: string) => f.startsWith("reports/") || f.startsWith(".darep-cache/");
    const after = filesUnder(root);
    expect(after.filter((f) => !written(f))).toEqual([...before.keys()].filter((f) => !written(f)));
    for (const [file, hash] of before) if (!written(file)) expect(sha256(join(root, file)), file).toBe(hash);
    expect(after.filter((f) => f.startsWith("reports/"))).toEqual(["reports/2026-27-Q2/exception-report.html", "reports/2026-27-Q2/report.json"]);
  });
});
