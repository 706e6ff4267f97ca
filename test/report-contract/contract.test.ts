// report.json's zod schema is the one source of its shape. zod drops keys it does not know, so a field
// added to what the engine builds but not to the schema would vanish from report.json without a word:
// this test builds the demo's report and fails when parsing it dropped or changed anything.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RAGS } from "../../src/actions/types.js";
import { build } from "../../src/api/build.js";
import { Rag, Report } from "../../src/report-contract/schema.js";
import { ROOT } from "../helpers/cli.js";

/** Paths of the keys in `built` that `kept` does not have (undefined values never reach JSON). */
function dropped(built: unknown, kept: unknown, path = "report"): string[] {
  if (built === null || typeof built !== "object") return [];
  const keptObject = (kept ?? {}) as Record<string, unknown>;
  return Object.entries(built).flatMap(([k, v]) => {
    const at = Array.isArray(built) ? `${path}[${k}]` : `${path}.${k}`;
    if (v === undefined) return [];
    if (!(k in keptObject)) return [at];
    return dropped(v, keptObject[k], at);
  });
}

describe("report.json's contract", () => {
  afterEach(() => vi.restoreAllMocks());

  it("keeps every field the engine builds (no field exists only on the TypeScript side)", async () => {
    const parse = vi.spyOn(Report, "parse");
    const out = await mkdtemp(join(tmpdir(), "darep-contract-"));
    try {
      await build({ workspace: join(ROOT, "fixtures", "demo"), cwd: ROOT, quarter: "Q2", year: "2026-27", today: "2026-11-25", generatedAt: "2026-11-25T00:00:00.000Z", formats: ["json"], out });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
    expect(parse, "the library checks the report against the schema before writing it").toHaveBeenCalledTimes(1);
    const built = parse.mock.calls[0]![0] as Record<string, unknown>;
    const kept = parse.mock.results[0]!.value as Record<string, unknown>;
    // The demo exercises every section, so a field added anywhere is seen.
    for (const section of ["results", "returns", "actions", "assurance", "sources", "warnings"]) expect(built[section], section).toBeDefined();
    expect(dropped(built, kept)).toEqual([]);
    expect(kept).toEqual(built);
  });

  it("the action plan's list of RAG ratings is the schema's, in the same order", () => {
    expect(RAGS).toEqual(Rag.options);
  });

  it("the check itself sees a field the schema does not know", () => {
    const report = { results: [{ key: "PM1/x/total/a", spc: { state: "computed", movingRange: 2 } }] };
    const kept = { results: [{ key: "PM1/x/total/a", spc: { state: "computed" } }] };
    expect(dropped(report, kept)).toEqual(["report.results[0].spc.movingRange"]);
  });
});
