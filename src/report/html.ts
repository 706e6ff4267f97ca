// Report -> one self-contained HTML page: the view model printed through the Handlebars templates in
// the repository's templates/ folder, with the CSS inlined. Templates are read and compiled once
// per process.
//
// Escaping: every {{value}} is escaped by Handlebars. The templates use the triple-stash only for
// two strings this project makes itself: the CSS (read from templates/report.css, checked below to
// be unable to close its <style> element) and the charts' SVG (src/report/chart.ts escapes every
// text it puts in). No string from a report reaches either unescaped.
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { RunError } from "../errors.js";
import type { Report } from "../report-contract/schema.js";
import type { PackPart } from "./pack.js";
import { toViewModel } from "./view-model.js";

/** src/report/html.ts and dist/report/html.js both sit two folders below the repository root. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

const COMPILE_OPTIONS: CompileOptions = { strict: false, knownHelpersOnly: true, preventIndent: true };
/** Handlebars 4.6+ already refuses prototype properties; said here so that nobody turns it on. */
const RUNTIME_OPTIONS: RuntimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

interface Compiled {
  layout: HandlebarsTemplateDelegate;
  css: string;
}

let compiled: Promise<Compiled> | null = null;

/** The stylesheet goes into a <style> element as is, so it must not be able to end it or fetch anything. */
export function checkCss(css: string): string {
  if (/<\//.test(css) || /url\s*\(|@import|image-set\s*\(/i.test(css)) throw new RunError("templates/report.css must not contain '</', url(), image-set() or @import.");
  return css;
}

async function compile(dir: string): Promise<Compiled> {
  const hb = Handlebars.create();
  const partials = join(dir, "partials");
  for (const file of (await readdir(partials)).filter((f) => f.endsWith(".hbs")).sort())
    hb.registerPartial(basename(file, ".hbs"), hb.compile(await readFile(join(partials, file), "utf8"), COMPILE_OPTIONS));
  const layout = hb.compile(await readFile(join(dir, "layout.hbs"), "utf8"), COMPILE_OPTIONS);
  const css = checkCss(await readFile(join(dir, "report.css"), "utf8"));
  return { layout, css };
}

function templates(): Promise<Compiled> {
  compiled ??= compile(TEMPLATES_DIR).catch((e: unknown) => {
    compiled = null;
    if (e instanceof RunError) throw e;
    throw new RunError(`The report templates could not be read from ${TEMPLATES_DIR}: ${(e as Error).message}`);
  });
  return compiled;
}

/** The page of one part of the pack: "full" (default) is the HTML report; "board" and "appendix" print as the two PDFs. */
export async function renderHtml(report: Report, part: PackPart = "full"): Promise<string> {
  const { layout, css } = await templates();
  return layout({ ...toViewModel(report, part), css: css.trim() }, RUNTIME_OPTIONS);
}
