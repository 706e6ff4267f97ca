// The action plan's RAG guide as rules. Pure: the quarter's end comes in as an argument, never the clock.
//   Red          action date passed and not complete, or not expected to complete in time
//   Amber        not started but in timescale, or slow progress but expected to complete in time
//   Light green  progressing well and should be delivered on time, but not yet complete
//   Green        complete
// darep knows the date and the rating; only the lead officer knows whether work is slow or on time.
// So the rules decide one thing: an action due on or before the quarter's end that is not Green is Red.
// Within its timescale every rating is the officer's judgement and stands.
import type { ActionJson, Rag } from "../report-contract/schema.js";
import type { Timescale } from "./types.js";
import { RAGS } from "./types.js";

/** How a RAG rating may be written: the words in any case, with or without a space or hyphen, or R, A, LG, G. */
const SPELLINGS: Record<string, Rag> = { red: "red", r: "red", amber: "amber", a: "amber", lightgreen: "light-green", lg: "light-green", green: "green", g: "green" };

export const RAG_WORDS: Record<Rag, string> = { red: "Red", amber: "Amber", "light-green": "Light green", green: "Green" };

/** The RAG cell read: a rating, null for blank (not rated), or "unknown" when it is no rating. */
export function parseRag(text: string): Rag | null | "unknown" {
  const key = text.trim().toLowerCase().replace(/[\s_-]+/g, "");
  if (key === "") return null;
  return SPELLINGS[key] ?? "unknown";
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
export function judgeRag(rag: Rag | null, timescale: Timescale, quarterEnd: string): RagJudgement {
  const any = [...RAGS];
  if (rag === "green") return { rule: "complete", overdue: false, allowed: any, ruled: null, contradicts: false };
  if (timescale.kind === "ongoing") return { rule: "ongoing", overdue: false, allowed: any, ruled: null, contradicts: false };
  if (timescale.kind === "none") return { rule: "no-timescale", overdue: false, allowed: any, ruled: null, contradicts: false };
  if (timescale.due <= quarterEnd) return { rule: "overdue", overdue: true, allowed: ["red"], ruled: "red", contradicts: rag !== null && rag !== "red" };
  return { rule: "in-timescale", overdue: false, allowed: any, ruled: null, contradicts: false };
}
