// Part of `npm run build`: precompile the report's Handlebars templates into
// dist/templates.precompiled.js, with the hash of the sources they were compiled from, so that a run
// loads only Handlebars' runtime (src/report/html.ts uses them while the sources hash the same).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { PRECOMPILED, TEMPLATES_DIR } from "../dist/report/html.js";
import { COMPILE_OPTIONS, readTemplateSources } from "../dist/report/template-sources.js";

const sources = await readTemplateSources(TEMPLATES_DIR);
const spec = (source) => Handlebars.precompile(source, COMPILE_OPTIONS);
const partials = sources.partials.map(([name, source]) => `  ${JSON.stringify(name)}: ${spec(source)},`).join("\n");
writeFileSync(
  fileURLToPath(PRECOMPILED),
  `// Written by scripts/precompile-templates.mjs from templates/: do not edit.\nexport const hash = ${JSON.stringify(sources.hash)};\nexport const layout = ${spec(sources.layout)};\nexport const partials = {\n${partials}\n};\n`,
);
