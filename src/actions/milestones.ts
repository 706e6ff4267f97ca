// The milestones within an action, each with its status, as a plan writes them in one cell: one per
// line or separated by semicolons, a rating after each in brackets or after a dash or colon
// ("Agree funding (Green); Launch tender - Amber; Appoint provider"). Optional: a plan without a
// milestones column has none. Pure.
import type { RagGuide } from "../framework/schema.js";
import type { Rag } from "../report-contract/schema.js";
import { parseRag } from "./rag.js";

export interface Milestone {
  text: string;
  /** The milestone's rating by the guide, or null when none is given (or it is none of the guide's). */
  rag: Rag | null;
}

const RATED = /^(.*?)\s*(?:\(([^()]+)\)|[-–:]\s*([A-Za-z ]+))$/;

export function parseMilestones(cell: string, guide?: RagGuide): Milestone[] {
  return cell
    .split(/\r?\n|;/)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((item) => {
      const m = RATED.exec(item);
      const word = m ? (m[2] ?? m[3] ?? "").trim() : "";
      const rag = word ? parseRag(word, guide) : null;
      return rag && rag !== "unknown" ? { text: m![1]!.trim(), rag } : { text: item, rag: null };
    });
}
