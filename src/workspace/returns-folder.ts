// Where returns live: returns/<year>/<quarter>/<agency-id>.csv|.xlsx. Lists them, and says what a
// file's place means (which agency, which quarter), reporting folders and names that fit nothing.
import { basename, extname, join, relative, sep } from "node:path";
import { comparePeriods, isQuarterName, isYearLabel } from "../framework/period.js";
import type { Workspace } from "../framework/types.js";
import { issue } from "../issues/catalogue.js";
import type { Issue, Period } from "../types.js";
import { isPlainDay } from "../words/index.js";
import { listFolder, openInput } from "./input.js";

export interface ReturnEntry {
  agency: string;
  period: Period;
  /** Absolute path. */
  path: string;
  /** Workspace-relative, forward slashes: what reports and issues show. */
  file: string;
  /** When the partnership received it, from the quarter's receipts file; else the file's time is used. */
  receivedAt?: string;
}

export interface ReturnsListing {
  entries: ReturnEntry[];
  issues: Issue[];
}

const RETURN_EXTENSIONS = new Set([".csv", ".xlsx"]);

/**
 * The quarter's receipts log, `agency,received` per line (e.g. `probation-service,2026-11-04`): when
 * each return arrived. A file's modification time stands in where the log has no line, but copying,
 * unzipping or a fresh git clone resets it; the log keeps the dates the "late" rule needs.
 */
export const RECEIPTS_FILE = "_received.csv";

/** Files people's tools leave beside returns, never meant as returns, and darep's receipts log. */
export function isClutter(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$") || name === "Thumbs.db" || name === "desktop.ini" || name.toLowerCase() === "readme.md" || name === RECEIPTS_FILE;
}

/** The receipts log of one quarter: agency -> ISO date, and a warning for each line it cannot use. */
export function readReceipts(ws: Workspace, period: Period): { dates: Map<string, string>; issues: Issue[] } {
  const file = `returns/${period.year}/${period.quarter}/${RECEIPTS_FILE}`;
  const dates = new Map<string, string>();
  const issues: Issue[] = [];
  const input = openInput(join(ws.root, file));
  if (!input.ok) return { dates, issues }; // the log is optional
  input.bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((line, i) => {
      const [agency = "", received = ""] = line.split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
      if ((agency === "" && received === "") || (i === 0 && agency.toLowerCase() === "agency")) return;
      const known = ws.config.agencies.some((a) => a.id === agency);
      const looksLikeDate = /^\d{4}-\d{2}-\d{2}$/.test(received);
      const date = isPlainDay(received) ? received : null;
      if (known && date) return void dates.set(agency, date);
      issues.push(
        issue(
          "invalid-receipt",
          { file, row: i + 1 },
          known
            ? `Line ${i + 1} gives '${received}' as ${agency}'s date, which is ${looksLikeDate ? "no day of the calendar" : "not a date like 2026-11-04"}; the file's own time is used instead.`
            : `Line ${i + 1} names '${agency}', which is not an agency in darep.config.json.`,
          {
            found: line.slice(0, 80),
            expected: "agency-id,YYYY-MM-DD",
          },
        ),
      );
    });
  return { dates, issues };
}

export function workspaceFile(ws: Workspace, path: string): string {
  return relative(ws.root, path).split(sep).join("/");
}

const dirs = (path: string): string[] => listFolder(path)?.folders ?? [];

/** Links (and other non-folders) where a year's or quarter's folder would be: never followed, but said. */
function linkedFolders(ws: Workspace, path: string): Issue[] {
  return (listFolder(path)?.others ?? [])
    .filter((n) => !isClutter(n))
    .map((n) => {
      const file = workspaceFile(ws, join(path, n));
      return issue("unreadable-file", { file }, `${file} is a symbolic link or other special file, not a folder; darep never follows links inside returns/, so nothing in it was read.`, {
        expected: "a folder",
      });
    });
}

/** Every return in the workspace (or in one quarter), and problems with the folders' names and files. */
export async function listReturns(ws: Workspace, only?: Period): Promise<ReturnsListing> {
  const base = join(ws.root, "returns");
  const entries: ReturnEntry[] = [];
  const issues: Issue[] = [];
  const years = only ? [only.year] : dirs(base);
  if (!only) issues.push(...linkedFolders(ws, base));
  for (const year of years) {
    if (!isYearLabel(year)) {
      issues.push(issue("unknown-period", { file: `returns/${year}` }, `The folder returns/${year} is not a financial year like 2025-26.`, { found: year, expected: "a year like 2025-26" }));
      continue;
    }
    const quarters = only ? [only.quarter as string] : dirs(join(base, year));
    if (!only) issues.push(...linkedFolders(ws, join(base, year)));
    for (const quarter of quarters) {
      if (!isQuarterName(quarter)) {
        issues.push(
          issue("unknown-period", { file: `returns/${year}/${quarter}` }, `The folder returns/${year}/${quarter} is not a quarter (Q1 to Q4).`, { found: quarter, expected: "Q1, Q2, Q3 or Q4" }),
        );
        continue;
      }
      const listed = await listQuarter(ws, { year, quarter });
      entries.push(...listed.entries);
      issues.push(...listed.issues);
    }
  }
  // Agency ids are lower-case slugs, which sort the same by code unit as by locale, without the
  // collator's start-up cost (more than all the rest of listing returns).
  entries.sort((a, b) => comparePeriods(a.period, b.period) || (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0));
  return { entries, issues };
}

async function listQuarter(ws: Workspace, period: Period): Promise<ReturnsListing> {
  const folder = join(ws.root, "returns", period.year, period.quarter);
  const listed = listFolder(folder);
  if (!listed) return { entries: [], issues: [] };
  // A link, a FIFO or a folder named like a return was sent as one: it is checked (and refused as
  // not a file) like any return, so it counts as received but invalid, never as missing.
  const likeReturn = (n: string) => RETURN_EXTENSIONS.has(extname(n).toLowerCase());
  const names = [...listed.files, ...listed.others, ...listed.folders.filter(likeReturn)].sort();
  const receipts = names.includes(RECEIPTS_FILE) ? readReceipts(ws, period) : { dates: new Map<string, string>(), issues: [] };
  const entries: ReturnEntry[] = [];
  const issues: Issue[] = [...receipts.issues];
  const byAgency = new Map<string, string[]>();
  for (const name of names) {
    if (isClutter(name)) continue;
    const path = join(folder, name);
    const place = placeOf(ws, path);
    if ("code" in place) {
      issues.push(place);
      continue;
    }
    byAgency.set(place.agency, [...(byAgency.get(place.agency) ?? []), name]);
    const receivedAt = receipts.dates.get(place.agency);
    entries.push({ ...place, path, file: workspaceFile(ws, path), ...(receivedAt ? { receivedAt } : {}) });
  }
  for (const [agency, files] of byAgency) {
    if (files.length < 2) continue;
    const file = `returns/${period.year}/${period.quarter}/${files.join(" and ")}`;
    issues.push(
      issue("ambiguous-return", { file }, `${agency} has ${files.length} files for ${period.year} ${period.quarter} (${files.join(", ")}), so darep cannot tell which is the return.`, {
        found: files.join(", "),
        expected: "one file",
      }),
    );
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.agency === agency) entries.splice(i, 1);
  }
  return { entries, issues };
}

/** Which agency and quarter a file's place says it is, or the issue that says why it fits nothing. */
export function placeOf(ws: Workspace, path: string): { agency: string; period: Period } | Issue {
  const file = workspaceFile(ws, path);
  const parts = file.split("/");
  const name = basename(path);
  const ext = extname(name).toLowerCase();
  if (!RETURN_EXTENSIONS.has(ext))
    return issue("unsupported-format", { file }, `${name} is not a .csv or .xlsx file, so it is not read as a return.`, { found: ext || "no extension", expected: ".csv or .xlsx" });
  if (parts.length !== 4 || parts[0] !== "returns" || !isYearLabel(parts[1]!) || !isQuarterName(parts[2]!))
    return issue("misplaced-return", { file }, `${file} is not in a quarter's folder, so darep cannot tell which quarter it is for.`, {
      found: file,
      expected: "returns/<year>/<quarter>/<agency-id>.csv, e.g. returns/2026-27/Q2/south-yorkshire-police.csv",
    });
  const agency = name.slice(0, -ext.length);
  if (!ws.config.agencies.some((a) => a.id === agency)) {
    const ids = ws.config.agencies.map((a) => a.id);
    return issue("unknown-agency", { file }, `${name} is not named after an agency in darep.config.json.`, { found: agency, expected: ids.join(", ") });
  }
  return { agency, period: { year: parts[1]!, quarter: parts[2] as Period["quarter"] } };
}
