// Load a framework folder (schemas/<name>/): framework.json and one <Ref>.json per indicator, each
// checked by zod, then checked together. Every problem in every file is gathered into one FrameworkError,
// so whoever edits the schemas sees all their mistakes at once. Runs on every `darep validate`.
import { basename, dirname, join, resolve } from "node:path";
import type { z } from "zod";
import { describeZodError } from "../framework/describe-zod.js";
import { parseJsonText } from "../framework/json-syntax.js";
import { AssuranceFramework, FrameworkInfo, Indicator, RagGuide } from "../framework/schema.js";
import type { Framework } from "../framework/types.js";
import { checkTogether, FRAMEWORK_FILE, type Loaded } from "../framework/check-together.js";
import { kindOf, listFolder, openInput, type Input, type InputProblem } from "./input.js";

export { FRAMEWORK_FILE };
/** The optional quality-assurance framework (QA1-QA20 for Doncaster); a framework without one still loads. */
export const ASSURANCE_FILE = "assurance.json";
/** The optional RAG guide of the action plan (ratings, words, rules); without one Doncaster's four apply. */
export const RAG_FILE = "rag.json";

/** An indicator file is named after its reference, e.g. PM12.json; other JSON files (assurance.json) are not. */
const INDICATOR_FILE = /^([A-Za-z]{1,8})([0-9]{1,4})([a-z]?)\.json$/;

export class FrameworkError extends Error {
  /** One line per problem, each naming the file and the field, e.g. "schemas/doncaster/PM3.json: ref: ...". */
  readonly problems: string[];
  constructor(message: string, problems: string[]) {
    super(message);
    this.name = "FrameworkError";
    this.problems = problems;
  }
}

/** "PM2" before "PM10": by letters, then number, then suffix. */
export function compareRefs(a: string, b: string): number {
  const pa = /^([A-Za-z]*)(\d*)(.*)$/.exec(a)!;
  const pb = /^([A-Za-z]*)(\d*)(.*)$/.exec(b)!;
  return pa[1]!.toUpperCase().localeCompare(pb[1]!.toUpperCase()) || Number(pa[2]) - Number(pb[2]) || pa[3]!.localeCompare(pb[3]!);
}

/** How a file is opened: openInput, or a reader that hands back what was opened already (for the cache's key). */
export type Reader = (path: string) => Input;

/** The system's code for why a file could not be read, as problems have always named it. */
const ERRNO: Record<InputProblem, string> = { missing: "ENOENT", denied: "EACCES", folder: "EISDIR", symlink: "ELOOP", "not-a-file": "EINVAL", "too-big": "EFBIG", unreadable: "EIO" };

/** Read, parse and check one file; its problems come back with it, so they are listed in file order. */
async function readChecked<T>(read: Reader, path: string, shown: string, schema: z.ZodType<T>): Promise<{ value: T | null; problems: string[] }> {
  let data: unknown;
  const input = read(path);
  if (!input.ok) return { value: null, problems: [`${shown}: cannot be read (${input.code ?? ERRNO[input.problem]})`] };
  try {
    data = parseJsonText(shown, input.bytes.toString("utf8"));
  } catch (e) {
    return { value: null, problems: [(e as Error).message] };
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? { value: parsed.data, problems: [] } : { value: null, problems: describeZodError(shown, parsed.error, data) };
}

/**
 * Load and check the framework in `dir` (its files opened with `read`). Throws one FrameworkError listing every problem found.
 * Files are named in problems as `<parent>/<folder>/<file>`, e.g. "schemas/doncaster/PM3.json".
 */
export async function loadFramework(dir: string, read: Reader = openInput): Promise<Framework> {
  const root = resolve(dir);
  const shownDir = `${basename(dirname(root))}/${basename(root)}`;
  const listed = listFolder(root);
  if (!listed) {
    const missing = kindOf(root) === null;
    throw new FrameworkError(`The framework folder ${shownDir} cannot be read.`, [
      `${shownDir}: ${missing ? "no such folder" : `cannot be read (${kindOf(root) === "folder" ? "EACCES" : "ENOTDIR"})`}`,
    ]);
  }
  const names = listed.files;
  const problems: string[] = [];
  const indicatorFiles = names.filter((n) => INDICATOR_FILE.test(n)).sort(compareRefs);
  if (!names.includes(FRAMEWORK_FILE)) problems.push(`${shownDir}/${FRAMEWORK_FILE}: is missing (it names the framework and lists its themes in order)`);
  if (indicatorFiles.length === 0) problems.push(`${shownDir}: holds no indicator files (one per indicator, named after its reference, e.g. PM1.json)`);

  const [framework, indicators, assurance, rag] = await Promise.all([
    names.includes(FRAMEWORK_FILE) ? readChecked(read, join(root, FRAMEWORK_FILE), `${shownDir}/${FRAMEWORK_FILE}`, FrameworkInfo) : null,
    Promise.all(indicatorFiles.map((file) => readChecked(read, join(root, file), `${shownDir}/${file}`, Indicator))),
    names.includes(ASSURANCE_FILE) ? readChecked(read, join(root, ASSURANCE_FILE), `${shownDir}/${ASSURANCE_FILE}`, AssuranceFramework) : null,
    names.includes(RAG_FILE) ? readChecked(read, join(root, RAG_FILE), `${shownDir}/${RAG_FILE}`, RagGuide) : null,
  ]);
  const info = framework?.value ?? null;
  problems.push(...(framework?.problems ?? []));
  problems.push(...(assurance?.problems ?? []), ...(rag?.problems ?? []));
  const loaded: Loaded<Indicator>[] = [];
  indicators.forEach(({ value, problems: found }, i) => {
    const file = indicatorFiles[i]!;
    problems.push(...found);
    if (value) loaded.push({ file, shown: `${shownDir}/${file}`, value });
  });
  checkTogether(shownDir, info, loaded, problems);
  // An action's measures name both kinds ("Analysis of PM3, QA11"), so one reference must not be both.
  assurance?.value?.items.forEach((item, i) => {
    if (loaded.some((l) => l.value.ref.toUpperCase() === item.ref.toUpperCase()))
      problems.push(`${shownDir}/${ASSURANCE_FILE}: items[${i}].ref: '${item.ref}' is also an indicator's reference; give the assurance item its own`);
  });

  if (problems.length > 0 || !info) {
    const n = problems.length;
    throw new FrameworkError(`The framework in ${shownDir} has ${n === 1 ? "a mistake" : `${n} mistakes`}.`, problems);
  }
  const themes = info.themes;
  const list = loaded.map((l) => l.value).sort((a, b) => themes.indexOf(a.theme) - themes.indexOf(b.theme) || compareRefs(a.ref, b.ref));
  return {
    name: basename(root),
    dir: root,
    info,
    indicators: list,
    byRef: new Map(list.map((ind) => [ind.ref.toUpperCase(), ind])),
    ...(assurance?.value ? { assurance: assurance.value } : {}),
    ...(rag?.value ? { rag: rag.value } : {}),
  };
}
