// darep as a library: the face the CLI uses and any other program may call. Each call takes one
// request ({ workspace, cwd, today, quarter, year, ...options }) and resolves to a plain result; none
// prints, none exits, and a failure of the run is a thrown RunError (its message one plain sentence).
// Each call loads its stages on first use, so a program that only validates never loads the browser.
// The library reads no environment variable: pass `env` (for DAREP_BROWSER) or `browser` to build().
//
//   import { build, validate } from "darep";
//   const { result } = await validate({ workspace: "partnership", targets: ["Q2"], year: "2026-27" });
//   const { written, pdfProblem } = await build({ workspace: "partnership", quarter: "2026-27 Q2" });
import type { BuildManyRequest, WorkspaceBuild } from "./api/build-many.js";
import type { BuildOutcome, BuildRequest } from "./api/build.js";
import type { CheckOutcome } from "./api/check.js";
import type { InitOutcome, InitRequest } from "./api/init.js";
import type { StatusOutcome, StatusRequest } from "./api/status.js";
import type { ActionsTemplateLibraryRequest, ActionsTemplateOutcome, TemplatesOutcome, TemplatesRequest } from "./api/template.js";
import type { ValidateOutcome, ValidateRequest, ValidationResult } from "./api/validate.js";
import type { AloneRequest } from "./api/validate-alone.js";
import type { ExportOutcome, ExportRequest } from "./api/export.js";
import type { SendOutcome, SendRequest } from "./api/send.js";

export { RunError } from "./errors.js";
export { VERSION } from "./version.js";
/** "Q2", "2025-26 Q2", ... as a quarter and year; a RunError when the words are no quarter. */
export { parseQuarter } from "./workspace/quarter.js";
/** The name of the analyst's unprotected copy of report.json (build's `unprotectedCopy`): never to be sent. */
export { UNPROTECTED_JSON } from "./api/outputs.js";
export type { QuarterRequest, WorkspaceRequest } from "./api/request.js";
export type { BuildManyRequest, WorkspaceBuild } from "./api/build-many.js";
export type { BuildOutcome, BuildRequest, OutputFormat } from "./api/build.js";
export type { CheckOutcome } from "./api/check.js";
export type { CheckItem } from "./report/pre-board-check.js";
export type { AgencyGiven, InitOutcome, InitRequest } from "./api/init.js";
export type { ConfigChange, FrameworkExportRequest, FrameworkFileOutcome, FrameworkImportOutcome, FrameworkImportRequest, FrameworkTemplateRequest } from "./api/framework.js";
export type { HistoryImportOutcome, HistoryImportRequest } from "./api/history.js";
/** `police:South Yorkshire Police` (darep init's --agency) as an agency's id and name. */
export { parseAgencyFlag } from "./init/agency-flag.js";
export type { StatusOutcome, StatusRequest } from "./api/status.js";
export type { ActionsTemplateLibraryRequest as ActionsTemplateRequest, ActionsTemplateOutcome, TemplateFormat, TemplatesOutcome, TemplatesRequest } from "./api/template.js";
export type { FileCheck, ValidateOutcome, ValidateRequest, ValidationResult } from "./api/validate.js";
export type { AloneRequest } from "./api/validate-alone.js";
export type { ExportFormat, ExportOutcome, ExportRequest } from "./api/export.js";
export type { SendLine, SendOutcome, SendRequest } from "./api/send.js";
export type { ChaseList } from "./status/chase-list.js";
export type { Report } from "./report-contract/schema.js";
export type { CacheSetting } from "./workspace/index.js";

/** Check returns (files, folders or a quarter) against the partnership's framework. */
export async function validate(req: ValidateRequest = {}): Promise<ValidateOutcome> {
  return (await import("./api/validate.js")).validateReturns(req);
}

/** Check return files on their own, with no workspace, against a framework (by name or folder). */
export async function validateAlone(req: AloneRequest): Promise<ValidationResult> {
  return (await import("./api/validate-alone.js")).validateAlone(req);
}

/** The chase list of a quarter: which returns are received, missing, invalid or late, and who to ask. */
export async function status(req: StatusRequest): Promise<StatusOutcome> {
  return (await import("./api/status.js")).chaseListFor(req);
}

/** The chase list's words (text, Markdown) and whether every return is in; loaded with them only. */
export async function statusWords(): Promise<Pick<typeof import("./api/status.js"), "allIn" | "formatStatusMarkdown" | "formatStatusText">> {
  const { allIn, formatStatusMarkdown, formatStatusText } = await import("./api/status.js");
  return { allIn, formatStatusMarkdown, formatStatusText };
}

/** One workspace's exception report for a quarter: report.json, the HTML and the PDF, written all or nothing. */
export async function build(req: BuildRequest): Promise<BuildOutcome> {
  return (await import("./api/build.js")).build(req);
}

/** The analyst's pre-board check: exceptions without commentary, sudden changes without a note. Writes nothing. */
export async function checkBuild(req: Omit<BuildRequest, "formats" | "printer" | "out" | "unprotectedCopy">): Promise<CheckOutcome> {
  return (await import("./api/check.js")).checkBuild(req);
}

/** Many workspaces' reports, sharing one browser; each is told to `each` as it is written. Resolves to the number built. */
export async function buildMany(req: BuildManyRequest, each: (built: WorkspaceBuild) => void): Promise<number> {
  return (await import("./api/build-many.js")).buildMany(req, each);
}

/** The returns the agencies owe for a quarter, pre-filled, as XLSX or CSV. */
export async function writeTemplates(req: TemplatesRequest): Promise<TemplatesOutcome> {
  return (await import("./api/template.js")).templatesFor(req);
}

/** The action plan for lead officers to update, pre-filled from the latest one. */
export async function writeActionsTemplate(req: ActionsTemplateLibraryRequest = {}): Promise<ActionsTemplateOutcome> {
  return (await import("./api/template.js")).actionsTemplateFor(req);
}

/** A new workspace: config, framework, returns folders and README; overwrites nothing. */
export async function init(req: InitRequest = {}): Promise<InitOutcome> {
  return (await import("./api/init.js")).initWorkspace(req);
}

/** A framework from a spreadsheet (XLSX or CSV, one row per measure) into schemas/<name>/, every problem named by row and cell. */
export async function importFramework(req: import("./api/framework.js").FrameworkImportRequest): Promise<import("./api/framework.js").FrameworkImportOutcome> {
  return (await import("./api/framework.js")).importFramework(req);
}

/** A framework (the workspace's, a bundled one or a folder) written out as that spreadsheet, to review in Excel. */
export async function exportFramework(req: import("./api/framework.js").FrameworkExportRequest = {}): Promise<import("./api/framework.js").FrameworkFileOutcome> {
  return (await import("./api/framework.js")).exportFramework(req);
}

/** The blank framework spreadsheet, with dropdowns and guidance. */
export async function writeFrameworkTemplate(req: import("./api/framework.js").FrameworkTemplateRequest = {}): Promise<import("./api/framework.js").FrameworkFileOutcome> {
  return (await import("./api/framework.js")).frameworkTemplate(req);
}

/** Past quarters' returns from one long table (year, quarter, agency, indicator, measure, category, value), each checked; overwrites nothing. */
export async function importHistory(req: import("./api/history.js").HistoryImportRequest): Promise<import("./api/history.js").HistoryImportOutcome> {
  return (await import("./api/history.js")).importHistory(req);
}

/** The board pack by email to distribution.board, or (chase) each agency what it owes; a dry run writes .eml files. */
export async function send(req: SendRequest): Promise<SendOutcome> {
  return (await import("./api/send.js")).sendFor(req);
}

/** Every figure of a quarter as one tidy table, CSV and XLSX, from the published report.json. */
export async function exportFigures(req: ExportRequest): Promise<ExportOutcome> {
  return (await import("./api/export.js")).exportFor(req);
}
