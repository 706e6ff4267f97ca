// `darep framework import | export | template`: flags -> request -> the library -> words -> exit code.
import { exportFramework, importFramework, writeFrameworkTemplate } from "../../index.js";
import { plural } from "../../words/index.js";
import { issueLines } from "../formats/text.js";
import { colours, type Io } from "../io.js";

export async function runFrameworkImport(file: string, flags: { name?: string; use?: boolean; workspace?: string }, io: Io): Promise<number> {
  const r = await importFramework({ file, name: flags.name, use: flags.use, workspace: flags.workspace, cwd: io.cwd });
  const c = await colours(io);
  const lines = r.issues.flatMap((i) => issueLines({ ...i, message: i.file ? `${i.file}: ${i.message}` : i.message }, c));
  const errors = r.issues.filter((i) => i.severity === "error").length;
  if (r.folder === null) {
    lines.push(`${file}: ${plural(errors, "error")}; nothing was written. Correct the cells named above and import it again.`);
    io.stdout(`${lines.join("\n")}\n`);
    return 1;
  }
  lines.push(`Wrote the framework '${r.name}' into ${r.folder}/: ${plural(r.indicators, "indicator")}, ${plural(r.measures, "measure")}.`);
  const cfg = r.config;
  if (cfg?.changed) lines.push(`darep.config.json now uses it: ${cfg.assigned.map(([id, refs]) => `${id} reports ${refs.join(", ")}`).join("; ")}.`);
  else if (cfg) {
    if (cfg.unowned.length) lines.push(`darep.config.json was left as it was: the owner of ${cfg.unowned.join(", ")} names no agency (give an agency's id or name).`);
    if (cfg.idle.length) lines.push(`darep.config.json was left as it was: no indicator's owner names ${cfg.idle.join(", ")}.`);
    lines.push(`Next: either set "framework": "${r.name}" in darep.config.json and give each agency its "indicators" there, or correct the owner column, delete ${r.folder}/ and import again.`);
  } else lines.push(`To use it, set "framework": "${r.name}" in darep.config.json (or import again with --use).`);
  io.stdout(`${lines.join("\n")}\n`);
  return cfg && !cfg.changed ? 1 : 0;
}

export async function runFrameworkExport(flags: { framework?: string; out?: string; workspace?: string }, io: Io): Promise<number> {
  const r = await exportFramework({ framework: flags.framework, out: flags.out, workspace: flags.workspace, cwd: io.cwd });
  io.stdout(`Wrote ${r.file}: ${plural(r.indicators, "indicator")}, ${plural(r.measures, "measure")}, one row per measure. 'darep framework import ${r.file}' reads it back.\n`);
  return 0;
}

export async function runFrameworkTemplate(flags: { out?: string }, io: Io): Promise<number> {
  const r = await writeFrameworkTemplate({ out: flags.out, cwd: io.cwd });
  io.stdout(`Wrote ${r.file}: fill in one row per measure (the Guidance sheet says what each column takes), then 'darep framework import ${r.file} --name <name>'.\n`);
  return 0;
}
