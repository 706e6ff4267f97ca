// The action plan's RAG guide as rules. Pure: the quarter's end comes in as an argument, never the clock.
// The guide is framework data (schemas/<framework>/rag.json); without one, Doncaster's four apply:
//   Red          action date passed and not complete, or not expected to complete in time
//   Amber        not started but in timescale, or slow progress but expected to complete in time
//   Light green  progressing well and should be delivered on time, but not yet complete
//   Green        complete
// darep knows the date and the rating; only the lead officer knows whether work is slow or on time.
// So the rules decide one thing: an action due on or before the quarter's end that is not complete
// takes the guide's overdue rating (Red). Within its timescale every rating is the officer's judgement.
import type { RagGuide } from "../framework/schema.js";
import type { ActionJson, Rag } from "../report-contract/schema.js";
import type { Timescale } from "./types.js";
import { DEFAULT_RAG_GUIDE } from "../framework/rag-guide.js";

export { DEFAULT_RAG_GUIDE };

/** How a RAG rating may be written: the words in any case, with or without a space or hyphen, or R, A, LG, G. */
const SPELLINGS: Record<string, Rag> = { red: "red", r: "red", amber: "amber", a: "amber", lightgreen: "light-green", lg: "light-green", green: "green", g: "green" };

export const RAG_WORDS: Record<Rag, string> = { red: "Red", amber: "Amber", "light-green": "Light green", green: "Green" };

/** The RAG cell read: a rating of the guide, null for blank (not rated), or "unknown" when it is none of the guide's. */
export function parseRag(text: string, guide: RagGuide = DEFAULT_RAG_GUIDE): Rag | null | "unknown" {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
  if (key === "") return null;
  const rag = SPELLINGS[key] ?? guide.ratings.find((r) => r.words.toLowerCase().replace(/[\s_-]+/g, "") === key)?.rag;
  return rag && guide.ratings.some((r) => r.rag === rag) ? rag : "unknown";
}

/** "Red, Amber, Green, or blank": the ratings a cell may hold, for advice. */
export function ragChoices(guide: RagGuide = DEFAULT_RAG_GUIDE): string {
  return `${guide.ratings.map((r) => r.words).join(", ")}, or blank`;
}

/** A rating in the guide's words ("Light green"). */
export function ragWords(rag: Rag, guide: RagGuide = DEFAULT_RAG_GUIDE): string {
  return guide.ratings.find((r) => r.rag === rag)?.words ?? RAG_WORDS[rag];
}

export type RagRule = ActionJson["rule"];

export interface RagJudgement {
  rule: RagRule;
  /** Not Green, and due on or before the quarter's end: its time is up. */
  overdue: boolean;
  /** The ratings the guide allows for the action at the quarter's end. */
  allowed: Rag[];
  /** The rating the guide gives, when the rules decide it (Red for an overdue action), else null. */
  ruled: Rag | null;
  /** The stated rating is not one the guide allows (never true for a blank rating). */
  contradicts: boolean;
}

/**
 * Judge one action at a quarter's end (ISO date). An action due on the quarter's last day, or any
 * earlier day, has had its time by then: if it is not Green it is overdue, and Red.
 */
export function judgeRag(rag: Rag | null, timescale: Timescale, quarterEnd: string, guide: RagGuide = DEFAULT_RAG_GUIDE): RagJudgement {
  const any = guide.ratings.map((r) => r.rag);
  if (rag === guide.complete) return { rule: "complete", overdue: false, allowed: any, ruled: null, contradicts: false };
  if (timescale.kind === "ongoing") return { rule: "ongoing", overdue: false, allowed: any, ruled: null, contradicts: false };
  if (timescale.kind === "none") return { rule: "no-timescale", overdue: false, allowed: any, ruled: null, contradicts: false };
  if (timescale.due <= quarterEnd) {
    // A guide without an overdue rule still knows the action is overdue; it just rates nothing.
    if (!guide.overdue) return { rule: "overdue", overdue: true, allowed: any, ruled: null, contradicts: false };
    return { rule: "overdue", overdue: true, allowed: [guide.overdue], ruled: guide.overdue, contradicts: rag !== null && rag !== guide.overdue };
  }
  return { rule: "in-timescale", overdue: false, allowed: any, ruled: null, contradicts: false };
}
