// darep's own frameworks are checked when darep is built; a run trusts that check only while the
// framework's files and darep's code are the ones it was made from, and otherwise checks them again.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DAREP_ROOT } from "../../src/framework/workspace.js";
import { checkedFile, folderHash, trustedFramework } from "../../src/workspace/checked-framework.js";
import { loadFramework } from "../../src/workspace/load-framework.js";

/** A copy of the bundled Doncaster framework, checked as the build does, in a folder of its own. */
async function built() {
  const root = mkdtempSync(join(tmpdir(), "darep-checked-"));
  const bundled = { schemas: join(root, "schemas"), checked: join(root, "checked") };
  const dir = join(bundled.schemas, "doncaster");
  cpSync(join(DAREP_ROOT, "schemas", "doncaster"), dir, { recursive: true });
  mkdirSync(bundled.checked);
  const loaded = await loadFramework(dir);
  writeFileSync(join(bundled.checked, "doncaster.checked.json"), checkedFile(loaded, folderHash(dir)!));
  return { bundled, dir, loaded };
}

describe("the bundled frameworks, checked at build time", () => {
  it("gives the framework zod would have given, while its files are unchanged", async () => {
    const { bundled, dir, loaded } = await built();
    const trusted = trustedFramework(dir, "doncaster", undefined, bundled);
    expect(trusted).toEqual(loaded);
    expect(trusted?.byRef.get("PM3")).toEqual(loaded.byRef.get("PM3"));
  });

  it("is not trusted once a file of the framework changes, is added, or the check is torn", async () => {
    const edited = await built();
    const pm3 = join(edited.dir, "PM3.json");
    writeFileSync(pm3, readFileSync(pm3, "utf8").replace(/"title": "[^"]*"/, '"title": "Edited"'));
    expect(trustedFramework(edited.dir, "doncaster", undefined, edited.bundled)).toBeNull();

    const added = await built();
    writeFileSync(join(added.dir, "PM99.json"), "{}");
    expect(trustedFramework(added.dir, "doncaster", undefined, added.bundled)).toBeNull();

    const torn = await built();
    const file = join(torn.bundled.checked, "doncaster.checked.json");
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 500));
    expect(trustedFramework(torn.dir, "doncaster", undefined, torn.bundled)).toBeNull();
  });

  it("trusts only darep's own folder: a workspace's framework of the same name is checked", async () => {
    const { bundled } = await built();
    const own = mkdtempSync(join(tmpdir(), "darep-own-"));
    cpSync(join(bundled.schemas, "doncaster"), join(own, "doncaster"), { recursive: true });
    expect(trustedFramework(join(own, "doncaster"), "doncaster", undefined, bundled)).toBeNull();
  });
});

describe("the bundle's code fingerprint", () => {
  it("changes with any file of the bundle, so the cache and the checked frameworks follow it", async () => {
    const { bundleFingerprint } = await import("../../src/workspace/cache/fingerprint.js");
    const bundle = mkdtempSync(join(tmpdir(), "darep-bundle-"));
    writeFileSync(join(bundle, "index.js"), "export const a = 1;\n");
    writeFileSync(join(bundle, "chunk-1.js"), "export const b = 2;\n");
    const before = bundleFingerprint(bundle);
    expect(bundleFingerprint(bundle)).toBe(before);
    // An edit afterwards: the same length of text, a second later.
    writeFileSync(join(bundle, "chunk-1.js"), "export const b = 3;\n");
    const later = new Date(Date.now() + 1000);
    utimesSync(join(bundle, "chunk-1.js"), later, later);
    expect(bundleFingerprint(bundle)).not.toBe(before);
    const fixed = new Date("2026-01-01T00:00:00Z");
    utimesSync(join(bundle, "index.js"), fixed, fixed);
    const edited = bundleFingerprint(bundle);
    writeFileSync(join(bundle, "index.js"), "export const a = 2;\n");
    utimesSync(join(bundle, "index.js"), fixed, fixed);
    expect(bundleFingerprint(bundle), "the entry is compared byte by byte").not.toBe(edited);
  });
});
