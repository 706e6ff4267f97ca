// Picture of the demo report's first page for the README: build the demo's PDF with bin/darep.js (the
// built dist/), then turn page 1 into docs/demo-page-1.png with poppler's pdftoppm. Prints the two PDFs'
// sizes and page counts, which the README quotes. `npm run screenshot` builds dist/ first.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = mkdtempSync(join(tmpdir(), "darep-screenshot-"));

function run(command, args, env = {}) {
  const r = spawnSync(command, args, { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  if (r.error) {
    console.error(`screenshot: could not run ${command} (${r.error.message})${command.startsWith("pdf") ? ": install poppler-utils" : ""}`);
    process.exit(2);
  }
  return r;
}

try {
  // The demo's own quarter and a fixed date, so the picture changes only when the report does.
  const build = run(process.execPath, [join(root, "bin", "darep.js"), "build", "Q2", "--year", "2026-27", "--workspace", join(root, "fixtures", "demo"), "--out", out, "--format", "pdf", "--quiet"], {
    DAREP_TODAY: "2026-11-25",
    SOURCE_DATE_EPOCH: "1795000000",
  });
  // 1 is expected: the demo has a missing and an invalid return planted in it.
  if (build.status !== 0 && build.status !== 1) {
    process.stderr.write(build.stderr);
    process.exit(2);
  }
  const pdf = join(out, "exception-report.pdf");
  mkdirSync(join(root, "docs"), { recursive: true });
  const picture = run("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdf, join(root, "docs", "demo-page-1")]);
  if (picture.status !== 0) {
    process.stderr.write(picture.stderr);
    process.exit(2);
  }
  const measure = (file) => ({ pages: /^Pages:\s+(\d+)$/m.exec(run("pdfinfo", [file]).stdout)?.[1], kb: Math.round(statSync(file).size / 1024) });
  const board = measure(pdf);
  const appendix = measure(join(out, "exception-report-appendix.pdf"));
  console.log(`wrote docs/demo-page-1.png: page 1 of the demo's board PDF (${board.pages} pages, ${board.kb} KB; the appendix PDF ${appendix.pages} pages, ${appendix.kb} KB)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
