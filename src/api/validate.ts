// `darep validate`: check the returns the user named (files, folders, a quarter) and gather one result.
// Every file is checked even when an earlier one fails.
import type { Workspace } from "../framework/types.js";
import type { ReadLimits } from "../ingest/index.js";
import type { Issue, ValidatedReturn } from "../types.js";
import { openWorkspace, readNamed, type CacheSetting, type NamedRequest } from "../workspace/index.js";
import { settled, type WorkspaceRequest } from "./request.js";

export interface FileCheck {
  file: string;
  agency: string | null;
  year: string | null;
  quarter: string | null;
  /** "valid": no errors (warnings allowed); "invalid": at least one error. */
  status: "valid" | "invalid";
  sha256: string | null;
  /** When it was received: the quarter's receipts log, else the file's modification time. */
  receivedAt: string | null;
  figures: number;
  errors: number;
  warnings: number;
  issues: Issue[];
}

export interface ValidationResult {
  files: FileCheck[];
  /** Problems with names the user gave or the folders themselves, not inside any one file. */
  issues: Issue[];
  summary: { files: number; valid: number; invalid: number; errors: number; warnings: number };
}

export interface ValidateRequest extends WorkspaceRequest {
  /** Files, folders, or a quarter ("Q2", "2025-26 Q2"); none means the latest quarter with returns. */
  targets?: string[];
  /** The financial year a quarter in `targets` belongs to. */
  year?: string;
  limits?: Partial<ReadLimits>;
  /** Reuse checked returns from the cache: a file unchanged since it was last checked is not parsed again. */
  cache?: CacheSetting;
}

export interface ValidateOutcome {
  /** The workspace's folder, for showing the files' places relative to it. */
  root: string;
  result: ValidationResult;
}

export function toFileCheck(r: ValidatedReturn): FileCheck {
  const errors = r.issues.filter((i) => i.severity === "error").length;
  return {
    file: r.file ?? "",
    agency: r.agency,
    year: r.period.year,
    quarter: r.period.quarter,
    status: errors ? "invalid" : "valid",
    sha256: r.sha256,
    receivedAt: r.receivedAt,
    figures: r.figures.length,
    errors,
    warnings: r.issues.length - errors,
    issues: r.issues,
  };
}

/** Check the returns named in an open workspace. */
export async function validate(ws: Workspace, req: NamedRequest): Promise<ValidationResult> {
  const named = await readNamed(ws, req);
  const files = named.returns.map(toFileCheck);
  const all = [...named.issues, ...files.flatMap((f) => f.issues)];
  const errors = all.filter((i) => i.severity === "error").length;
  return {
    files,
    issues: named.issues,
    summary: {
      files: files.length,
      valid: files.filter((f) => f.status === "valid").length,
      invalid: files.filter((f) => f.status === "invalid").length,
      errors,
      warnings: all.length - errors,
    },
  };
}

/** The library's `validate`: open the workspace and check the returns named. */
export async function validateReturns(req: ValidateRequest): Promise<ValidateOutcome> {
  const { cwd, today } = settled(req);
  const ws = await openWorkspace({ workspace: req.workspace, cwd, cache: req.cache });
  return { root: ws.root, result: await validate(ws, { targets: req.targets ?? [], cwd, today, year: req.year, limits: req.limits }) };
}
