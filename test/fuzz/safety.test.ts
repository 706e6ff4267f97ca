// Fuzzing beyond the parsers (issue 14, item 9): the command line, the config's limits, the file
// system under returns/ (links, FIFOs, folders, sizes), the cache's entries and hand-made XML inside
// workbooks. Each property asks what must hold whatever the input: an exit code of 0, 1 or 2 with a
// plain message, never "something went wrong inside darep"; the inputs unchanged; the cache unable to
// change a figure. Runs are few in `npm test` (each is a whole darep run); `npm run fuzz` runs more.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { parseReturn } from "../../src/ingest/index.js";
import { darep } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";
import { budget, NASTY, params } from "./fuzz.js";

const GOOD = "indicator,measure,category,value,note\nPM20,incidents,,100,\nPM20,incidents,crime,60,\nPM20,incidents,non-crime,40,\n";
const internal = /something went wrong inside darep|report them as a bug|\n\s{4}at /;
const hashes = (root: string) =>
  Object.fromEntries(
    readdirSync(join(root, "returns"), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => [
        join(d.parentPath, d.name),
        createHash("sha256")
          .update(readFileSync(join(d.parentPath, d.name)))
          .digest("hex"),
      ]),
  );

describe("the command line", () => {
  const word = fc.oneof(
    fc.constantFrom(
      "validate",
      "build",
      "template",
      "status",
      "init",
      "help",
      "Q2",
      "Q5",
      "2026-27 Q2",
      "actions",
      "--year",
      "2026-27",
      "1999-00",
      "--format",
      "json",
      "github",
      "junit",
      "markdown",
      "html,json",
      "pdf",
      "--out",
      "--workspace",
      "--agency",
      "riverside",
      "--all",
      "--no-cache",
      "--cache-dir",
      "--quiet",
      "--disclosure",
      "none",
      "--debug",
      "-f",
      "-o",
      "-w",
      ".",
      "..",
      "/",
      "/dev/null",
      "returns",
      "returns/2026-27/Q2",
    ),
    fc.constantFrom(...NASTY),
  );
  it(
    "any argv ends with 0, 1 or 2 and never an internal failure",
    async () => {
      const root = makeWorkspace({ files: { "returns/2026-27/Q2/south-yorkshire-police.csv": GOOD } });
      const before = hashes(root);
      await fc.assert(
        fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (argv) => {
          // --out is pointed into the temp workspace's own outputs, never at the repository.
          const args = argv.map((a) => (a === "/" || a === ".." ? join(root, "out") : a));
          const r = await darep(args, { cwd: root, env: { XDG_CACHE_HOME: join(root, ".key") } });
          expect([0, 1, 2]).toContain(r.code);
          expect(r.stderr).not.toMatch(internal);
        }),
        params(0.2),
      );
      expect(hashes(root)).toEqual(before);
      rmSync(root, { recursive: true, force: true });
    },
    budget(0.2, 300),
  );
});

describe("the config's limits", () => {
  const limit = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, 1e308, 10_000_000, 2 ** 31, 0.000001, "10", null, true, [], {}));
  const name = fc.constantFrom("maxFileBytes", "maxRows", "maxCells", "maxCellChars", "maxUnzippedBytes", "maxCompressionRatio", "maxSecondsPerFile", "nonsense");
  it(
    "any limits are used or refused as a config error, never an internal failure or a timer warning",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(name, limit, { maxKeys: 3 }), async (limits) => {
          const root = makeWorkspace({
            config: { partnership: "Fuzz", framework: "doncaster", agencies: [{ id: "south-yorkshire-police", name: "SYP", indicators: ["PM20"] }], options: { limits } },
            files: { "returns/2026-27/Q2/south-yorkshire-police.csv": GOOD },
          });
          const r = await darep(["validate", "Q2", "--year", "2026-27", "--no-cache"], { cwd: root });
          rmSync(root, { recursive: true, force: true });
          expect([0, 1, 2]).toContain(r.code);
          if (r.code === 2) expect(r.stderr).toMatch(/darep\.config\.json|options\.limits/);
          expect(r.stderr).not.toMatch(internal);
        }),
        params(0.2),
      );
    },
    budget(0.2, 200),
  );
});

describe("the file system under returns/", () => {
  const outside = join(mkdtempSync(join(tmpdir(), "darep-fuzz-secret-")), "secret.csv");
  writeFileSync(outside, "indicator,value\nPM20,SECRET-77\n");
  const kind = fc.constantFrom("file", "link-out", "link-zero", "link-dangling", "fifo", "folder", "empty", "sparse-huge");
  const put = (path: string, k: string) => {
    if (k === "file") writeFileSync(path, GOOD);
    if (k === "link-out") symlinkSync(outside, path);
    if (k === "link-zero") symlinkSync("/dev/zero", path);
    if (k === "link-dangling") symlinkSync(join(tmpdir(), "no-such-file-here"), path);
    if (k === "fifo") execFileSync("mkfifo", [path]);
    if (k === "folder") mkdirSync(path);
    if (k === "empty") writeFileSync(path, "");
    if (k === "sparse-huge") {
      writeFileSync(path, GOOD);
      truncateSync(path, 30 * 1024 * 1024);
    }
  };
  it(
    "whatever each return is, the run ends, each entry is named and received (never missing), and nothing outside is read",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.tuple(kind, kind), fc.constantFrom(".csv", ".xlsx"), async ([a, b], ext) => {
          const root = makeWorkspace({
            config: {
              partnership: "Fuzz",
              framework: "doncaster",
              agencies: [
                { id: "riverside", name: "R", indicators: ["PM20"] },
                { id: "south-yorkshire-police", name: "SYP", indicators: ["PM20"] },
              ],
            },
          });
          const q2 = join(root, "returns", "2026-27", "Q2");
          mkdirSync(q2, { recursive: true });
          put(join(q2, `riverside${ext}`), a);
          put(join(q2, "south-yorkshire-police.csv"), b);
          const r = await darep(["status", "Q2", "--year", "2026-27", "--format", "json"], { cwd: root });
          rmSync(root, { recursive: true, force: true });
          expect([0, 1]).toContain(r.code);
          expect(r.stdout + r.stderr).not.toContain("SECRET");
          const rows = (JSON.parse(r.stdout) as { agencies: { agency: string; status: string }[] }).agencies;
          for (const row of rows) expect(row.status).not.toBe("missing");
        }),
        params(0.2),
      );
    },
    budget(0.2, 300),
  );
});

describe("the cache", () => {
  it(
    "no change to the cache's bytes changes a figure: a damaged or forged entry is ignored",
    async () => {
      const root = makeWorkspace({ files: { "returns/2026-27/Q2/south-yorkshire-police.csv": GOOD, "returns/2026-27/Q1/south-yorkshire-police.csv": GOOD } });
      const env = { XDG_CACHE_HOME: join(root, ".key") };
      const args = ["validate", "Q2", "--year", "2026-27", "--format", "json"];
      const clean = (await darep([...args, "--no-cache"], { cwd: root, env })).stdout;
      await darep(args, { cwd: root, env });
      const folder = join(root, ".darep-cache", "returns");
      const entries = readdirSync(folder).map((f) => join(folder, f));
      const original = entries.map((f) => readFileSync(f, "utf8"));
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), fc.oneof(fc.constantFrom("9", "0", "-", '"', "}", "\n", ""), fc.string({ maxLength: 4 })), async (which, at, text) => {
          const i = which % entries.length;
          const body = original[i]!;
          const cut = at % (body.length + 1);
          writeFileSync(entries[i]!, body.slice(0, cut) + text + body.slice(cut + 1));
          expect((await darep(args, { cwd: root, env })).stdout).toBe(clean);
          writeFileSync(entries[i]!, body);
        }),
        params(0.2),
      );
      rmSync(root, { recursive: true, force: true });
    },
    budget(0.2, 300),
  );
});

describe("hand-made XML inside a workbook", () => {
  const CT = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
  const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const WB = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const WB_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  const piece = fc.oneof(
    fc.constantFrom(
      '<row r="1">',
      "</row>",
      '<c r="A1" t="inlineStr"><is><t>indicator</t></is></c>',
      '<c r="B1" t="inlineStr"><is><t>value</t></is></c>',
      '<c r="A2" t="inlineStr"><is><t>PM20</t></is></c>',
      '<c r="B2"><v>12</v></c>',
      '<c r="B2" t="s"><v>99</v></c>',
      '<c r="XFD1048576"><v>1</v></c>',
      '<c r="A0"><v>1</v></c>',
      "<c>",
      "</c>",
      '<row r="99999999">',
      '<mergeCells><mergeCell ref="A1:B2"/></mergeCells>',
      '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
      "&a;",
      "<![CDATA[x]]>",
      "<?pi x?>",
      "<!-- c -->",
      "&#0;",
      "&#x1F600;",
      "<x:c/>",
      '<dimension ref="A1:ZZ99999999"/>',
    ),
    fc.string({ maxLength: 8 }),
  );
  it(
    "any sheet XML reads to a table or issues, never a throw",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
          const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${pieces.join("")}</sheetData></worksheet>`;
          const bytes = Buffer.from(
            zipSync({
              "[Content_Types].xml": strToU8(CT),
              "_rels/.rels": strToU8(RELS),
              "xl/workbook.xml": strToU8(WB),
              "xl/_rels/workbook.xml.rels": strToU8(WB_RELS),
              "xl/worksheets/sheet1.xml": strToU8(sheet),
            }),
          );
          const read = await parseReturn(bytes, "hand-made.xlsx");
          expect(read.table !== null || read.issues.length > 0).toBe(true);
          for (const i of read.issues) expect(i.file).toBe("hand-made.xlsx");
        }),
        params(0.5),
      );
    },
    budget(0.5, 100),
  );
});
