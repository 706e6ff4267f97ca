// darep's default RAG guide: Doncaster's four ratings, used when a framework has no rag.json of its
// own. One home: the action plan is judged by it and the report words its ratings by it.
import type { RagGuide } from "./schema.js";

/** Doncaster's guide, used when a framework has no rag.json (schemas/doncaster/rag.json says the same). */
export const DEFAULT_RAG_GUIDE: RagGuide = {
  name: "RAG guide",
  ratings: [
    { rag: "red", words: "Red", meaning: "Action date passed and not complete, or not expected to complete in time" },
    { rag: "amber", words: "Amber", meaning: "Not started but in timescale, or slow progress but expected to complete in time" },
    { rag: "light-green", words: "Light green", meaning: "Progressing well and should be delivered on time, but not yet complete" },
    { rag: "green", words: "Green", meaning: "Complete" },
  ],
  complete: "green",
  overdue: "red",
};
