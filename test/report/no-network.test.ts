// Rendering fetches nothing, whatever an agency writes in a return: a note and a commentary full of
// markup pointing at a local server are printed to PDF by the REAL browser, and the server must see
// no request at all. A machine without a browser fails here on purpose.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/report/browser.js";
import { darep, DEMO } from "../helpers/cli.js";

let server: Server;
const hits: string[] = [];
let dir = "";
let payload = "";

/** Rewrites a file keeping its modification time: darep reads that as when the return was received. */
async function rewrite(path: string, change: (s: string) => string): Promise<void> {
  const { atime, mtime } = await stat(path);
  const before = await readFile(path, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(path, after);
  await utimes(path, atime, mtime);
}

beforeAll(async () => {
  const found = findBrowser({ env: process.env, platform: process.platform, exists: existsSync });
  if (!found) throw new Error("No Chrome, Chromium or Edge was found, so printing cannot be checked for network access: install one (Debian: apt-get install chromium) or set DAREP_BROWSER.");
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end("");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  payload = [
    `<img src="${origin}/img.png">`,
    `<script src="${origin}/script.js"></script>`,
    `<script>fetch("${origin}/fetch")</script>`,
    `<link rel=stylesheet href="${origin}/style.css">`,
    `<style>body { background: url(${origin}/css-url.png) }</style>`,
    `<div style="background-image: url('${origin}/inline-url.png')">x</div>`,
    `<a href="javascript:fetch('${origin}/javascript-link')">click</a>`,
    `<iframe src="${origin}/frame"></iframe>`,
    `<meta http-equiv="refresh" content="0; url=${origin}/refresh">`,
  ].join(" ");

  dir = await mkdtemp(join(tmpdir(), "darep-no-network-"));
  const ws = join(dir, "ws");
  await cp(DEMO, ws, { recursive: true, preserveTimestamps: true, filter: (src) => !src.includes(`${DEMO}/reports`) });
  // PM3 is an exception, so its note and commentary are printed on its card.
  const csvNote = `"${payload.replace(/"/g, '""')}"`;
  await rewrite(join(ws, "returns", "2026-27", "Q2", "doncaster-council.csv"), (s) => s.replace(/^(PM3,repeat-referrals,,245,).*$/m, `$1${csvNote}`));
  await rewrite(join(ws, "commentary", "2026-27-Q2.md"), (s) => s.replace("## PM3\n", `## PM3\n\n${payload}\n\n[a link](${origin}/markdown-link) ![an image](${origin}/markdown-image.png)\n`));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("printing the report", () => {
  it("makes no request, even for markup an agency planted in its return", async () => {
    const out = join(dir, "out");
    const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", join(dir, "ws"), "--out", out, "--format", "html,pdf"], {
      cwd: dir,
      env: { ...process.env, DAREP_TODAY: "2026-11-25" },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(hits).toEqual([]);

    // The markup was really in the report, as text: the note and the commentary both.
    const html = await readFile(join(out, "exception-report.html"), "utf8");
    expect(html).not.toMatch(/<(script|img|link|iframe|style|meta http-equiv="refresh")[^>]*127\.0\.0\.1/i);
    const text = spawnSync("pdftotext", [join(out, "exception-report.pdf"), "-"], { encoding: "utf8" });
    if (text.error) throw new Error(`pdftotext is needed for this test (${text.error.message}): install poppler-utils.`);
    const flat = text.stdout.replace(/\s+/g, "");
    expect(flat).toContain("<linkrel=stylesheet");
    expect(flat).toContain("javascript:fetch(");
    expect(flat.split("/script.js").length - 1).toBeGreaterThanOrEqual(2);
  });
});
