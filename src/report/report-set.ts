// A report folder holds one build's set of files: what is there from an earlier build, and which of
// darep's files a smaller build leaves behind (so that they can be removed, and said to be).
import { readFile, rm, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { APPENDIX_PDF, BOARD_PDF } from "./pack.js";

/** Every file darep build can write into a report folder. */
export const REPORT_FILES = ["exception-report.html", BOARD_PDF, APPENDIX_PDF, "report.json", "report.UNPROTECTED.json"] as const;

export interface EarlierSet {
  /** The report files in the folder now, by name. */
  files: string[];
  /** When that build was made: report.json's generatedAt, else the newest file's modification time (ISO). */
  builtAt: string | null;
}

/** What an earlier build left in the folder; no files when there is none. */
export async function earlierSet(outDir: string): Promise<EarlierSet> {
  const found: { name: string; mtime: Date }[] = [];
  for (const name of REPORT_FILES) {
    const st = await stat(join(outDir, name)).catch(() => null);
    if (st?.isFile()) found.push({ name, mtime: st.mtime });
  }
  let builtAt: string | null = null;
  if (found.some((f) => f.name === "report.json")) {
    try {
      const at = (JSON.parse(await readFile(join(outDir, "report.json"), "utf8")) as { generatedAt?: unknown }).generatedAt;
      if (typeof at === "string") builtAt = at;
    } catch {
      // a damaged report.json still dates by its file
    }
  }
  if (builtAt === null && found.length) builtAt = new Date(Math.max(...found.map((f) => f.mtime.getTime()))).toISOString();
  return { files: found.map((f) => f.name), builtAt };
}

/** Removes darep's files that this build did not write (a smaller --format); returns their names. */
export async function removeOthers(outDir: string, written: string[]): Promise<string[]> {
  const keep = new Set(written.map((p) => basename(p)));
  const removed: string[] = [];
  for (const name of REPORT_FILES) {
    if (keep.has(name)) continue;
    const st = await stat(join(outDir, name)).catch(() => null);
    if (!st?.isFile()) continue;
    await rm(join(outDir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
