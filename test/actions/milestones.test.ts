// Milestones within an action, each with a status by the framework's RAG guide (Rotherham's plan:
// "Milestones Green: Complete Amber: In Progress Red: Overdue").
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMilestones } from "../../src/actions/milestones.js";
import { loadFramework } from "../../src/workspace/load-framework.js";
import { ROOT } from "../helpers/cli.js";

const rotherham = (await loadFramework(join(ROOT, "schemas", "rotherham"))).rag!;

describe("milestones", () => {
  it("reads one per line or semicolon, each with its rating in brackets or after a dash or colon", () => {
    expect(parseMilestones("Agree Funding (Green); Launch Tender - Amber\nAppoint Provider: Red\nCommence Delivery", rotherham)).toEqual([
      { text: "Agree Funding", rag: "green" },
      { text: "Launch Tender", rag: "amber" },
      { text: "Appoint Provider", rag: "red" },
      { text: "Commence Delivery", rag: null },
    ]);
  });

  it("keeps a bracket that is no rating of the guide as part of the milestone", () => {
    expect(parseMilestones("Launched (6 Month Review); Map provision (Light green)", rotherham)).toEqual([
      { text: "Launched (6 Month Review)", rag: null },
      { text: "Map provision (Light green)", rag: null },
    ]);
  });

  it("gives none for a blank cell", () => {
    expect(parseMilestones("  ")).toEqual([]);
  });
});
