// Page 1 says why: each item needing attention with its change, its reason in plain words and its
// Making Data Count icons (each with a text alternative, and a key); what went well; one way of
// counting figures. Also: commentary shown for a figure that is not an exception, and the analyst's
// pre-board check (`darep build --check`). The demo's HTML, read as a DOM.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preBoardCheck } from "../../src/report/pre-board-check.js";
import type { Report } from "../../src/report-contract/schema.js";
import { assuranceIcon, variationIcon, VARIATION_KINDS, ASSURANCE_KINDS } from "../../src/report/icons.js";
import { darep, DEMO, ROOT } from "../helpers/cli.js";

const EPOCH = "1795000000";
let out = "";
let document: Document;
let report: Report;

const all = (selector: string, root: ParentNode = document): Element[] => [...root.querySelectorAll(selector)];
const text = (el: Element | null | undefined): string => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "darep-page-one-"));
  const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", "html,json"], { cwd: ROOT, env: { SOURCE_DATE_EPOCH: EPOCH } });
  expect(r.code).toBe(1);
  document = parseHTML(await readFile(join(out, "exception-report.html"), "utf8")).document as unknown as Document;
  report = JSON.parse(await readFile(join(out, "report.json"), "utf8")) as Report;
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const glanceRows = () => all("#summary table.glance:not(.went-well) tbody tr");
const rowOf = (ref: string) => glanceRows().find((tr) => text(tr.querySelector("th")).startsWith(`${ref} `))!;

describe("page 1: the items that need attention", () => {
  it("gives each its change on last quarter and a reason in plain words, with no jargon", () => {
    const pm26 = rowOf("PM26");
    const cells = all("td", pm26).map(text);
    expect(cells).toContain("149");
    expect(cells).toContain("up 59 (65.6%)");
    expect(text(pm26.querySelector(".why"))).toBe("Above its usual range; the highest on record.");
    expect(text(rowOf("PM3").querySelector(".why"))).toMatch(/^The ninth rise in a row/);
    expect(text(rowOf("PM17").querySelector(".why"))).toBe("Behind its target: 118 so far against 150 by now.");
    for (const tr of glanceRows()) {
      const why = text(tr.querySelector(".why"));
      expect(why.length, why).toBeGreaterThan(5);
      expect(why, why).not.toMatch(/tolerance|process limit|special cause|sigma|\d+\.\d\d/i);
    }
  });

  it("shows the Making Data Count icons, each an image with a text alternative, told apart by a letter too", () => {
    const pm26Icons = all("svg.mdc-icon", rowOf("PM26"));
    expect(pm26Icons.map((s) => s.getAttribute("aria-label"))).toEqual(["Special cause of concern, high"]);
    expect(pm26Icons[0]!.getAttribute("role")).toBe("img");
    expect(text(pm26Icons[0]!.querySelector("title"))).toBe("Special cause of concern, high");
    expect(text(pm26Icons[0]!.querySelector("text"))).toBe("H");
    const pm17 = all("svg.mdc-icon", rowOf("PM17")).map((s) => s.getAttribute("aria-label"));
    expect(pm17).toEqual(["Common cause variation", "Target hit and miss"]);
    // A figure with no limits has no icon, and says so to a screen reader.
    expect(text(rowOf("PM29").querySelector("td.icon-col .sr-only"))).toBe("none");
  });

  it("has a key naming every icon it uses, with what each means", () => {
    const key = document.querySelector("#summary table.icon-key")!;
    const labels = all("tbody th", key).map(text);
    const used = new Set(all("#summary table.glance svg.mdc-icon").map((s) => s.getAttribute("aria-label")!));
    expect(used.size).toBeGreaterThan(2);
    for (const label of used)
      expect(
        labels.some((l) => l.endsWith(label)),
        label,
      ).toBe(true);
    // The key's icons are decoration beside their words: not read twice.
    for (const svg of all("svg", key)) expect(svg.parentElement!.getAttribute("aria-hidden")).toBe("true");
  });

  it("lists what went well: PM13's fall, the wanted way", () => {
    const rows = all("#summary table.went-well tbody tr").map((tr) => text(tr.querySelector("th")));
    expect(rows.some((r) => r.startsWith("PM13 "))).toBe(true);
    expect(all("#summary table.went-well svg.mdc-icon").map((s) => s.getAttribute("aria-label"))).toContain("Special cause of improvement, low");
  });

  it("counts figures one way across the page: a measure with its categories is one figure", () => {
    const items = new Set(report.results.map((r) => `${r.indicator}/${r.measure}/${r.agency}`)).size;
    const needing = new Set(
      report.exceptions.map((k) => {
        const r = report.results.find((x) => x.key === k)!;
        return `${r.indicator}/${r.measure}/${r.agency}`;
      }),
    ).size;
    const facts = Object.fromEntries(all("#summary .facts div").map((d) => [text(d.querySelector("dt")), text(d.querySelector("dd"))]));
    expect(facts["Figures needing attention"]).toBe(`${needing} of ${items}`);
    const legend = all("#summary table.legend tbody td.num").map((td) => Number(text(td)));
    expect(legend.reduce((a, b) => a + b, 0)).toBe(items);
    // PM37's five measures, missing with Cranstoun's return: five figures in the legend, one line (numbered 5-9) in the list.
    const missing = all("#summary table.legend tbody tr").find((tr) => text(tr.querySelector("th")).includes("Missing"))!;
    expect(text(missing.querySelector("td.num"))).toBe("5");
    expect(text(rowOf("PM37").querySelector("td.rank-col"))).toBe("5–9");
    expect(text(rowOf("PM37").querySelector("a"))).toMatch(/: 5 figures$/);
    // The paragraph counts the same way.
    expect(text(document.querySelector(".summary-text"))).toContain(`${needing} figures need the board's attention`);
  });
});

describe("commentary", () => {
  it("is shown for an indicator the analyst commented on that is not an exception (PM13)", () => {
    expect(report.results.some((r) => r.indicator === "PM13" && r.exception)).toBe(false);
    const block = document.querySelector("#commentary-PM13");
    expect(block).not.toBeNull();
    expect(text(block)).toContain("MARAC referrals continue to fall");
  });
});

describe("icons", () => {
  it("every kind has a letter or shape of its own and a distinct text alternative", () => {
    const icons = [...VARIATION_KINDS.map(variationIcon), ...ASSURANCE_KINDS.map(assuranceIcon)];
    expect(new Set(icons.map((i) => i.label)).size).toBe(icons.length);
    for (const i of icons) expect(i.svg).toMatch(/role="img" aria-label="[^"]+"><title>[^<]+<\/title>/);
    // Without colour: the letter and little line of each differ.
    const ink = icons.map((i) => i.svg.replace(/#[0-9a-f]{6}/g, "").replace(/mdc-[a-z-]+|aria-label="[^"]*"|<title>[^<]*<\/title>/g, ""));
    const differs = (a: number, b: number) => ink[a] !== ink[b];
    for (let a = 0; a < ink.length; a++)
      for (let b = a + 1; b < ink.length; b++)
        if (!icons[a]!.label.includes("no wanted direction") && !icons[b]!.label.includes("no wanted direction")) {
          // Concern and improvement of one side share a drawing in Making Data Count too: their words and colour tell them apart, and the key says so.
          if (icons[a]!.label.replace(/concern|improvement/, "") === icons[b]!.label.replace(/concern|improvement/, "")) continue;
          expect(differs(a, b), `${icons[a]!.label} / ${icons[b]!.label}`).toBe(true);
        }
  });
});

describe("the analyst's pre-board check: darep build --check", () => {
  it("passes the demo (exit 0) and writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "darep-check-"));
    try {
      const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--check", "--out", dir], { cwd: ROOT, env: { SOURCE_DATE_EPOCH: EPOCH } });
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/^Doncaster Domestic Abuse Partnership, 2026-27 Q2: ready for the board\./);
      expect(r.code).toBe(0);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lists an exception without commentary and exits 1", async () => {
    const ws = await mkdtemp(join(tmpdir(), "darep-check-ws-"));
    try {
      await cp(DEMO, ws, { recursive: true, filter: (src) => !src.includes(".darep-cache") && !src.includes("/reports") });
      const file = join(ws, "commentary", "2026-27-Q2.md");
      const md = await readFile(file, "utf8");
      await writeFile(file, md.replace(/## PM3\n[\s\S]*?(?=## PM13)/, ""));
      const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", ws, "--check", "--no-cache"], { cwd: ROOT, env: { SOURCE_DATE_EPOCH: EPOCH } });
      expect(r.stdout).toBe(
        "Doncaster Domestic Abuse Partnership, 2026-27 Q2: 1 thing to do before the board meets (nothing was written).\n\n" +
          "Exceptions without the analyst's commentary:\n" +
          "  PM3 Repeat Hub referrals, from City of Doncaster Council (Domestic Abuse Hub)\n" +
          '    Add a "## PM3" section to commentary/2026-27-Q2.md: the board will ask why.\n',
      );
      expect(r.code).toBe(1);
    } finally {
      await rm(ws, { recursive: true, force: true });
    }
  });

  it("lists a figure that moved suddenly without the agency's note", () => {
    const r = report.results.find((x) => x.key === "PM26/applications/total/st-leger-homes")!;
    const changed: Report = { ...report, results: report.results.map((x) => (x === r ? { ...x, note: null, reasons: [...x.reasons, { code: "sudden-change", text: "moved suddenly" }] } : x)) };
    const items = preBoardCheck(changed);
    expect(items).toEqual([
      {
        kind: "sudden-change-without-note",
        indicator: "PM26",
        agency: "st-leger-homes",
        figure: "PM26 Homeless applications due to domestic abuse, from St Leger Homes of Doncaster",
        todo: "Ask St Leger Homes of Doncaster to check the figure and say why it moved in the note column of their return.",
      },
    ]);
  });
});
