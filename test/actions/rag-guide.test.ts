// The RAG guide as framework data: Doncaster's four and Rotherham's three load from schemas/, a rating
// the guide does not use is no rating, and the overdue rule takes the guide's own overdue rating.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_RAG_GUIDE, judgeRag, parseRag, ragChoices, ragWords } from "../../src/actions/rag.js";
import { RagGuide } from "../../src/framework/schema.js";
import { loadFramework } from "../../src/workspace/load-framework.js";
import { ROOT } from "../helpers/cli.js";

const rotherham = (await loadFramework(join(ROOT, "schemas", "rotherham"))).rag!;
const doncaster = (await loadFramework(join(ROOT, "schemas", "doncaster"))).rag!;
const due = { kind: "date" as const, due: "2026-09-30" };

describe("the RAG guide as data", () => {
  it("ships Doncaster's four ratings and Rotherham's three, in order of concern", () => {
    expect(doncaster.ratings.map((r) => r.words)).toEqual(["Red", "Amber", "Light green", "Green"]);
    expect(rotherham.ratings.map((r) => [r.words, r.meaning])).toEqual([
      ["Red", "Overdue"],
      ["Amber", "In Progress but Off Target (inc Deferred action)"],
      ["Green", "Complete/ On Target"],
    ]);
    expect(doncaster.ratings.map((r) => r.rag)).toEqual(DEFAULT_RAG_GUIDE.ratings.map((r) => r.rag));
  });

  it("reads only the guide's ratings: Light green is no Rotherham rating", () => {
    expect(parseRag("Light green", doncaster)).toBe("light-green");
    expect(parseRag("LG", rotherham)).toBe("unknown");
    expect(parseRag("amber", rotherham)).toBe("amber");
    expect(parseRag("", rotherham)).toBeNull();
    expect(ragChoices(rotherham)).toBe("Red, Amber, Green, or blank");
    expect(ragWords("light-green")).toBe("Light green");
  });

  it("rules an action due on the quarter's last day and not complete as the guide's overdue rating; a day later it is in timescale", () => {
    expect(judgeRag("amber", due, "2026-09-30", rotherham)).toMatchObject({ rule: "overdue", overdue: true, ruled: "red", contradicts: true });
    expect(judgeRag("green", due, "2026-09-30", rotherham)).toMatchObject({ rule: "complete", overdue: false });
    expect(judgeRag("amber", due, "2026-09-29", rotherham)).toMatchObject({ rule: "in-timescale", contradicts: false });
  });

  it("with no overdue rule, knows an action is overdue but rates nothing", () => {
    const lenient = RagGuide.parse({ ...rotherham, overdue: undefined });
    expect(judgeRag("amber", due, "2026-10-01", lenient)).toMatchObject({ overdue: true, ruled: null, contradicts: false });
  });

  it("refuses a guide whose rules name a rating it does not list", () => {
    const r = RagGuide.safeParse({
      name: "x",
      ratings: [
        { rag: "red", words: "Red", meaning: "late" },
        { rag: "amber", words: "Amber", meaning: "going" },
      ],
      complete: "green",
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe("'green' is not one of the guide's ratings");
  });

  it("refuses a rating worded with a comma or a double quote, which the template's dropdown could not offer", () => {
    const r = RagGuide.safeParse({ ...rotherham, ratings: [{ rag: "red", words: "Off track, late", meaning: "late" }, ...rotherham.ratings.slice(1)] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/no comma or double quote/);
  });
});
