// The report folder as `darep send` and `darep export` read it back: what `darep build` published
// there (report.json, the PDF) and the sent log, through the one door; and whether any of it is older
// than the workspace's inputs, so that it is built again before it leaves darep.
import { join } from "node:path";
import type { Workspace } from "../framework/types.js";
import type { Period } from "../types.js";
import { ACTIONS_FOLDER, ASSURANCE_FOLDER, RETURNS_FOLDER } from "./folders.js";
import { listFolder, modifiedAt, openInput } from "./input.js";

/** The folder `darep build` writes a quarter's report into. */
export const reportFolder = (ws: Workspace, period: Period) => join(ws.root, "reports", `${period.year}-${period.quarter}`);

/** The folders of a workspace a report is built from, besides the config and the framework. */
const INPUT_FOLDERS = [RETURNS_FOLDER, "commentary", ACTIONS_FOLDER, ASSURANCE_FOLDER];

function newestIn(path: string, depth: number): number {
  const own = modifiedAt(path) ?? 0;
  const listed = depth > 4 ? null : listFolder(path);
  if (!listed) return own;
  const names = [...listed.files, ...listed.folders].filter((n) => !n.startsWith("."));
  return Math.max(own, ...names.map((n) => newestIn(join(path, n), depth + 1)));
}

/** The time of the newest input: the config, the framework's files and everything under the input folders. */
export function newestInput(ws: Workspace): number {
  return Math.max(newestIn(ws.configPath, 0), newestIn(ws.framework.dir, 0), ...INPUT_FOLDERS.map((f) => newestIn(join(ws.root, f), 0)));
}

/** Which of the named files of the report folder are missing or older than the workspace's newest input. */
export function staleReportFiles(ws: Workspace, period: Period, names: string[]): string[] {
  const inputs = newestInput(ws);
  const dir = reportFolder(ws, period);
  return names.filter((n) => {
    const t = modifiedAt(join(dir, n));
    return t === null || t < inputs;
  });
}

/** One file of the report folder, whole; null when it is not there. A RunError's words when it cannot be read. */
export function readReportFile(ws: Workspace, period: Period, name: string): { ok: true; bytes: Buffer } | { ok: false; missing: boolean; detail: string } {
  const got = openInput(join(reportFolder(ws, period), name));
  return got.ok ? { ok: true, bytes: got.bytes } : { ok: false, missing: got.problem === "missing", detail: got.detail };
}
