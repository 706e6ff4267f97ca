// Report -> one self-contained HTML page: the view model printed through the Handlebars templates in
// the repository's templates/ folder, with the CSS inlined. The build precompiles the templates
// (scripts/precompile-templates.mjs), so a run loads only Handlebars' runtime; templates that differ
// from what was precompiled (an edit since the build, or a run from src/) are compiled, once per process.
//
// Escaping: every {{value}} is escaped by Handlebars. The templates use the triple-stash only for
// two strings this project makes itself: the CSS (read from templates/report.css, checked below to
// be unable to close its <style> element) and the charts' SVG (src/report/chart.ts escapes every
// text it puts in). No string from a report reaches either unescaped.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { RunError } from "../errors.js";
import type { Report } from "../report-contract/schema.js";
import type { PackPart } from "./pack.js";
import { COMPILE_OPTIONS, readTemplateSources, type TemplateSources } from "./template-sources.js";
import { toViewModel } from "./view-model.js";

/** src/report/html.ts and dist/report/html.js both sit two folders below the repository root. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));
/** Written by the build: `hash` of the sources it compiled, `layout` and `partials` as Handlebars' template specs. */
export const PRECOMPILED = new URL("../../dist/templates.precompiled.js", import.meta.url);
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

interface Precompiled {
  hash: string;
  layout: TemplateSpecification;
  partials: Record<string, TemplateSpecification>;
}

/** The build's templates, or null when there are none (a run from src/) or they were made from other sources. */
async function precompiled(sources: TemplateSources): Promise<Precompiled | null> {
  try {
    const found = (await import(PRECOMPILED.href)) as Precompiled;
    return found.hash === sources.hash ? found : null;
  } catch {
    return null;
  }
}

async function compile(dir: string): Promise<Compiled> {
  const sources = await readTemplateSources(dir);
  const css = checkCss(await readFile(join(dir, "report.css"), "utf8"));
  const built = await precompiled(sources);
  if (built) {
    // The runtime alone: no compiler, no source-map. (Its own typings declare nothing; it is Handlebars without compile.)
    const Runtime = (await import("handlebars/runtime.js")).default as unknown as typeof import("handlebars");
    const hb = Runtime.create();
    try {
      for (const [name, spec] of Object.entries(built.partials)) hb.registerPartial(name, hb.template(spec));
      return { layout: hb.template(built.layout), css };
    } catch {
      // Compiled by another Handlebars than the one installed now: compile afresh below.
    }
  }
  const { default: Handlebars } = await import("handlebars");
  const hb = Handlebars.create();
  for (const [name, source] of sources.partials) hb.registerPartial(name, hb.compile(source, COMPILE_OPTIONS));
  return { layout: hb.compile(sources.layout, COMPILE_OPTIONS), css };
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
