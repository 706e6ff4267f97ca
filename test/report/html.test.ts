// The demo's HTML report, read as a DOM (not compared as bytes): structure, the planted exceptions and
// data problems, accessible tables and statuses, and nothing fetched or run, whatever an agency wrote.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { darep, DEMO, ROOT } from "../helpers/cli.js";

const EPOCH = "1795000000"; // 2026-11-18T11:06:40Z
let out = "";
let html = "";
let document: Document;

const all = (selector: string, root: ParentNode = document): Element[] => [...root.querySelectorAll(selector)];
const text = (el: Element | null | undefined): string => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "darep-html-test-"));
  const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", "html,json"], {
    cwd: ROOT,
    env: { DAREP_TODAY: "2026-11-25", SOURCE_DATE_EPOCH: EPOCH },
  });
  // 1: the demo has a missing and an invalid return planted in it.
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  html = await readFile(join(out, "exception-report.html"), "utf8");
  document = parseHTML(html).document as unknown as Document;
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe("the demo's HTML report: page structure", () => {
  it("has a language, the report's title and exactly one h1", () => {
    expect(document.documentElement.getAttribute("lang")).toBe("en-GB");
    expect(text(document.querySelector("title"))).toBe("Doncaster Domestic Abuse Partnership: exception report, 2026-27 Q2");
    const h1 = all("h1");
    expect(h1).toHaveLength(1);
    expect(text(h1[0])).toContain("Doncaster Domestic Abuse Partnership");
    expect(text(h1[0])).toContain("Quarter 2 of 2026-27");
  });

  it("never skips a heading level", () => {
    const levels = all("h1, h2, h3, h4, h5, h6").map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}: h${levels[i - 1]} then h${levels[i]}`).toBeLessThanOrEqual(1);
  });

  it("has the spec's sections in the spec's order, each labelled by its h2", () => {
    const cover = document.querySelector("header.cover");
    expect(cover?.querySelector("h1")).not.toBeNull();
    const ids = ["summary", "exceptions", "data-quality", "all-indicators", "sources"];
    const sections = all("main > section[id]").map((s) => s.id);
    // Other sections may come and go (e.g. actions); these five keep their order.
    expect(sections.filter((id) => ids.includes(id))).toEqual(ids);
    const order = all("main > header, main > section");
    expect(order[0]).toBe(cover);
    for (const id of ids) {
      const section = document.getElementById(id)!;
      const h2 = section.querySelector("h2")!;
      expect(section.getAttribute("aria-labelledby")).toBe(h2.id);
    }
    expect(text(document.querySelector("#data-quality h2"))).toMatch(/^Data quality/);
    expect(text(document.querySelector("#all-indicators h2"))).toBe("All indicators");
    expect(text(document.querySelector("#sources h2"))).toBe("Sources");
  });

  it("has a contents list and links that all lead somewhere on the page", () => {
    const targets = all("a[href]").map((a) => a.getAttribute("href")!);
    expect(targets).toEqual(expect.arrayContaining(["#summary", "#exceptions", "#data-quality", "#all-indicators", "#sources"]));
    for (const href of targets) {
      expect(href.startsWith("#"), href).toBe(true);
      expect(document.getElementById(href.slice(1)), href).not.toBeNull();
    }
    const ids = all("[id]").map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("the demo's HTML report: what is planted in the demo", () => {
  const cards = () => all("#exceptions article.card:not(.absent)");
  const cardOf = (ref: string) => cards().filter((c) => new RegExp(`\\b${ref}\\b`).test(text(c.querySelector("h3"))));

  it("has a card for each planted exception, worst first: PM3's sustained rise before any one-quarter move", () => {
    const headings = cards().map((c) => text(c.querySelector("h3")));
    expect(headings.map((h) => /\bPM\d+\b/.exec(h)?.[0])).toEqual(["PM3", "PM26", "PM17"]);
    for (const ref of ["PM26", "PM17", "PM3"]) expect(cardOf(ref), ref).toHaveLength(1);
    const pm26 = cardOf("PM26")[0]!;
    expect(text(pm26.querySelector(".status"))).toContain("Worsening");
    expect(text(pm26.querySelector("table.figures"))).toContain("149");
    expect(text(cardOf("PM17")[0]!.querySelector(".status"))).toContain("Off track");
    expect(text(cardOf("PM3")[0]!.querySelector(".status"))).toContain("Worsening");
    // Improving figures are not exceptions.
    expect(cardOf("PM13")).toHaveLength(0);
    expect(cardOf("PM34")).toHaveLength(0);
  });

  it("gives each exception card its figures, direction, reasons and a trend chart with a text alternative", () => {
    for (const card of cards()) {
      const name = text(card.querySelector("h3"));
      expect(card.getAttribute("aria-labelledby"), name).toBe(card.querySelector("h3")!.id);
      const labels = all("table.figures th[scope=row]", card).map(text);
      expect(labels.slice(0, 5), name).toEqual(["This quarter", "Last quarter", "Same quarter last year", "Change on last quarter", "Change on a year ago"]);
      // A target's card adds Making Data Count's assurance, in words, once its limits give one.
      expect(labels.slice(5), name).toEqual(name.includes("PM17") ? ["Assurance"] : []);
      expect(text(card.querySelector(".wanted")), name).toMatch(/^Wanted: /);
      expect(all("ul.reasons li", card).length, name).toBeGreaterThan(0);
      const svg = card.querySelector("svg.chart")!;
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")!.length).toBeGreaterThan(20);
      expect(text(svg.querySelector("title"))).toBe(svg.getAttribute("aria-label"));
    }
  });

  it("gives PM15's steady small counts no card: a count of 5 that did not move is not an exception", () => {
    expect(cardOf("PM15")).toHaveLength(0);
    const glance = text(document.querySelector("table.glance"));
    expect(glance).not.toContain("PM15");
  });

  it("lists the figures that cannot be judged, by agency, among the exceptions", () => {
    const absent = all("#exceptions article.card.absent").map(text);
    expect(absent.find((t) => t.startsWith("Cranstoun"))).toMatch(/PM37.*Missing/);
    expect(absent.find((t) => t.startsWith("St Leger Homes"))).toMatch(/PM29.*Has errors/);
  });

  it("puts the missing return (Cranstoun) and the invalid one (St Leger Homes) on the chase list, with each error in words", () => {
    const dq = document.getElementById("data-quality")!;
    const chase = all("table.chase tbody tr", dq);
    const row = (name: string) => chase.find((r) => text(r.querySelector("th")).startsWith(name));
    expect(text(row("Cranstoun"))).toContain("Missing");
    expect(text(row("Cranstoun"))).toContain("not received");
    expect(text(row("St Leger Homes"))).toContain("Has errors");
    expect(text(row("Probation Service"))).toContain("Late");

    const errors = all(".errors", dq).find((e) => text(e.querySelector("h3")).includes("St Leger Homes"));
    expect(errors).toBeDefined();
    const problems = all("tbody tr", errors!).map(text);
    expect(problems).toHaveLength(5);
    const joined = problems.join("\n");
    expect(joined).toMatch(/blank/); // PM28: a blank value
    expect(joined).toContain("'PM2 8'"); // a mistyped reference
    expect(joined).toContain("Did you mean PM28?");
    expect(joined).toMatch(/-2 is below zero/); // a negative count
    expect(joined).toMatch(/PM29.*add up/); // categories that do not add up
    expect(joined).toMatch(/PM27.*again/); // a duplicated row
    // The commentary's section for an indicator the framework does not have.
    expect(text(dq)).toMatch(/PM99/);
  });

  it("lists every figure under its theme, improving ones included", () => {
    const section = document.getElementById("all-indicators")!;
    expect(all("h3", section).length).toBeGreaterThan(3);
    const rows = all("table.indicators tbody tr", section);
    expect(rows.length).toBeGreaterThan(150);
    const pm13 = rows.find((r) => text(r.querySelector("th")).includes("PM13 IDVA/MARAC referrals"));
    expect(text(pm13?.querySelector(".status"))).toContain("Improving");
    // PM34 rose 7.4% inside its limits: stable, and its sentence says how far it moved
    const pm34 = rows.find((r) => text(r.querySelector("th")).includes("PM34 MATAC individuals"));
    expect(text(pm34?.querySelector(".status"))).toContain("Stable");
  });

  it("lists each source file with its SHA-256", () => {
    const rows = all("#sources table tbody tr");
    expect(rows.length).toBe(9); // 10 agencies, Cranstoun's return missing
    for (const row of rows) expect(text(row.querySelector("code.hash"))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the demo's HTML report: accessible and sealed", () => {
  it("gives every table a caption and every header cell a scope", () => {
    const tables = all("table");
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      const caption = table.querySelector("caption");
      expect(caption, table.outerHTML.slice(0, 80)).not.toBeNull();
      expect(table.firstElementChild).toBe(caption);
      expect(text(caption).length).toBeGreaterThan(0);
    }
    for (const th of all("th")) expect(["col", "row"], th.outerHTML.slice(0, 80)).toContain(th.getAttribute("scope"));
  });

  it("has no script and refers to nothing outside the page (only #anchors and data: URLs)", () => {
    expect(all("script")).toHaveLength(0);
    expect(all("iframe, object, embed, link, base, form, img[src^='http'], image")).toHaveLength(0);
    const external = /^(?!#|data:)/i;
    for (const el of all("*")) {
      for (const name of ["src", "href", "xlink:href", "srcset", "action", "poster", "data", "background"]) {
        const value = el.getAttribute(name);
        if (value !== null) expect(value, `${el.tagName} ${name}`).not.toMatch(external);
      }
      for (const attr of [...el.attributes]) {
        expect(attr.value, `${el.tagName} ${attr.name}`).not.toMatch(/^\s*javascript:/i);
        if (/^on/i.test(attr.name)) throw new Error(`event handler ${attr.name} on ${el.tagName}`);
      }
    }
    const css = [...all("style").map((s) => s.textContent ?? ""), ...all("[style]").map((e) => e.getAttribute("style")!)].join("\n");
    for (const m of css.matchAll(/url\(\s*['"]?([^'")\s]*)/gi)) expect(m[1]).toMatch(/^(#|data:)/);
    expect(css).not.toMatch(/@import/i);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")).toContain("default-src 'none'");
  });

  it("shows the agency's hostile note as text, never as markup", () => {
    const pm3 = all("#exceptions article.card").find((c) => /\bPM3\b/.test(text(c.querySelector("h3"))))!;
    const note = pm3.querySelector("blockquote.note");
    expect(note?.textContent).toContain('<script>alert(1)</script><img src="https://example.com/x.png"> {{constructor}}');
    expect(note?.children.length).toBe(1); // one <p>, nothing parsed out of the note
    expect(all("script, img")).toHaveLength(0);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("tells every status by a word and a shape, not by colour alone", () => {
    const badges = all(".status");
    expect(badges.length).toBeGreaterThan(200);
    const shapeOf = new Map<string, string>();
    for (const badge of badges) {
      const shape = badge.querySelector(".shape");
      expect(shape?.getAttribute("aria-hidden")).toBe("true");
      const s = text(shape);
      const word = text(badge).slice(s.length).trim();
      expect(s.length, badge.outerHTML).toBeGreaterThan(0);
      expect(word, badge.outerHTML).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
      expect(shapeOf.get(word) ?? s, word).toBe(s);
      shapeOf.set(word, s);
    }
    // Within each scale (the figures' statuses, and any other scale with a legend of its own) every
    // status has a different shape, so a grey printout still tells them apart.
    const legends = all("table.legend");
    expect(legends.length).toBeGreaterThan(0);
    for (const legend of legends) {
      const shapes = all("tbody .status .shape", legend).map(text);
      expect(new Set(shapes).size, text(legend.querySelector("caption"))).toBe(shapes.length);
    }
    const figureWords = all("#summary table.legend tbody .status").map((b) =>
      text(b)
        .slice(text(b.querySelector(".shape")).length)
        .trim(),
    );
    expect(figureWords).toEqual(expect.arrayContaining(["Worsening", "Off track", "Improving", "Stable", "Missing", "Has errors"]));
    expect(shapeOf.get("Late")).toBeTruthy();
    // The legend explains each status in words.
    const legend = all("table.legend tbody tr").map(text);
    expect(legend.some((r) => r.includes("Worsening") && r.includes("wrong way"))).toBe(true);
  });

  it("escapes hostile text in the charts' SVG too (every chart text is a text node)", () => {
    for (const svg of all("svg")) expect(all("script, foreignObject, a, image, use", svg)).toHaveLength(0);
  });
});
