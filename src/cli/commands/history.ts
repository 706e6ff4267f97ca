// `darep import history <file>`: flags -> request -> the library -> words -> exit code.
import { importHistory } from "../../index.js";
import { plural } from "../../words/index.js";
import { issueLines } from "../formats/text.js";
import { colours, type Io } from "../io.js";

export async function runImportHistory(file: string, flags: { workspace?: string }, io: Io): Promise<number> {
  const r = await importHistory({ file, workspace: flags.workspace, cwd: io.cwd });
  const c = await colours(io);
  const lines = r.issues.flatMap((i) => issueLines({ ...i, message: i.file ? `${i.file}: ${i.message}` : i.message }, c));
  const quarters = new Set(r.written.map((w) => `${w.period.year} ${w.period.quarter}`));
  const rows = r.written.reduce((n, w) => n + w.rows, 0);
  if (r.written.length) {
    const span = [...quarters];
    lines.push(
      `Wrote ${plural(r.written.length, "return")} (${plural(rows, "row")}) for ${plural(quarters.size, "quarter")}, ${span[0]} to ${span.at(-1)}, each with a receipts line marked imported:`,
    );
    for (const w of r.written) lines.push(`  ${w.file}`);
  } else lines.push("Wrote no return.");
  const errors = r.issues.filter((i) => i.severity === "error").length;
  if (errors) lines.push(`${plural(errors, "error")}: the returns they are in were not written; correct the history and import it again (written returns are kept).`);
  io.stdout(`${lines.join("\n")}\n`);
  return errors ? 1 : 0;
}
