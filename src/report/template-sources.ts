// The report's Handlebars sources as read from templates/ (the layout and its partials), with one hash
// of them all. The build precompiles these sources; a run uses the precompiled templates only while
// the sources still hash the same, so an edited template is never printed from an old compilation.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";

export interface TemplateSources {
  layout: string;
  /** [name, source], sorted by name. */
  partials: [string, string][];
  hash: string;
}

/** How every template is compiled, at build time and at run time alike. */
export const COMPILE_OPTIONS = { strict: false, knownHelpersOnly: true, preventIndent: true } as const;

export async function readTemplateSources(dir: string): Promise<TemplateSources> {
  const folder = join(dir, "partials");
  const names = (await readdir(folder)).filter((f) => f.endsWith(".hbs")).sort();
  const partials = await Promise.all(names.map(async (f): Promise<[string, string]> => [basename(f, ".hbs"), await readFile(join(folder, f), "utf8")]));
  const layout = await readFile(join(dir, "layout.hbs"), "utf8");
  const hash = createHash("sha256")
    .update(JSON.stringify([COMPILE_OPTIONS, layout, partials]))
    .digest("hex");
  return { layout, partials, hash };
}
