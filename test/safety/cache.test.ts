// The cache is trusted only if this machine's darep wrote it (issue 14, item 7): an entry forged to
// say 9999 where the return says 1229 (its body edited and its old unkeyed hash recomputed, as anyone
// could) is ignored and rewritten; the key lives outside the workspace, 0600; a home where no key can
// be kept means no cache, never an untrusted one.
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { darepBin, ROOT } from "../helpers/cli.js";
import { demoCopy, inputHashes } from "./helpers.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The figure of dcst's PM36 contacts and referrals in report.json's appendix (1229 in the demo). */
function contacts(out: string): unknown[] {
  const text = readFileSync(join(out, "report.json"), "utf8");
  return [...text.matchAll(/"value": (\d+)/g)].map((m) => Number(m[1])).filter((v) => v === 1229 || v === 9999);
}

describe("a forged cache entry", () => {
  it("is ignored and rewritten: the report shows the return's figure", () => {
    const { dir, root } = demoCopy();
    dirs.push(dir);
    const env = { XDG_CACHE_HOME: join(dir, "home-cache") };
    const out = join(dir, "out");
    const args = ["build", "Q2", "--year", "2026-27", "--workspace", root, "--out", out, "--format", "json"];
    expect(darepBin(args, { cwd: ROOT, env }).code).toBe(1);
    expect(contacts(out)).toContain(1229);
    const key = join(dir, "home-cache", "darep", "key");
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key, "utf8")).toMatch(/^[0-9a-f]{64}\n$/);

    const before = inputHashes(root);
    const folder = join(root, ".darep-cache", "returns");
    const forged = readdirSync(folder)
      .map((f) => join(folder, f))
      .filter((f) => readFileSync(f, "utf8").includes(":1229"));
    expect(forged.length).toBeGreaterThan(0);
    for (const f of forged) {
      const text = readFileSync(f, "utf8");
      const head = JSON.parse(text.slice(0, text.indexOf("\n"))) as Record<string, unknown>;
      const body = text.slice(text.indexOf("\n") + 1).replaceAll(":1229", ":9999");
      writeFileSync(f, `${JSON.stringify({ ...head, sha256: sha256(body), hmac: sha256(body) })}\n${body}`);
    }
    expect(darepBin(args, { cwd: ROOT, env }).code).toBe(1);
    expect(contacts(out)).toContain(1229);
    expect(contacts(out)).not.toContain(9999);
    for (const f of forged) expect(readFileSync(f, "utf8")).not.toContain(":9999");
    expect(inputHashes(root)).toEqual(before);
  });

  it("with no key to be had (the key's place is a file), there is no cache, and the report is still right", () => {
    const { dir, root } = demoCopy();
    dirs.push(dir);
    writeFileSync(join(dir, "not-a-folder"), "");
    const env = { XDG_CACHE_HOME: join(dir, "not-a-folder") };
    const out = join(dir, "out");
    const r = darepBin(["build", "Q2", "--year", "2026-27", "--workspace", root, "--out", out, "--format", "json"], { cwd: ROOT, env });
    expect(r.code, r.stderr).toBe(1);
    expect(contacts(out)).toContain(1229);
    expect(existsSync(join(root, ".darep-cache"))).toBe(false);
  });

  it("a key file that darep did not make is left alone, and no cache is used", () => {
    const { dir, root } = demoCopy();
    dirs.push(dir);
    mkdirSync(join(dir, "c", "darep"), { recursive: true });
    writeFileSync(join(dir, "c", "darep", "key"), "not a key\n");
    chmodSync(join(dir, "c", "darep", "key"), 0o600);
    const r = darepBin(["validate", "Q2", "--year", "2026-27", "--workspace", root], { cwd: ROOT, env: { XDG_CACHE_HOME: join(dir, "c") } });
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, "c", "darep", "key"), "utf8")).toBe("not a key\n");
    expect(existsSync(join(root, ".darep-cache"))).toBe(false);
  });
});
