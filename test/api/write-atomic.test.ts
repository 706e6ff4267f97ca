// writeAllAtomically: all files or none, and the leftovers of a killed run removed by the next one,
// but never the temporary files of a run that is still writing, nor anybody else's files.
import { spawn } from "node:child_process";
import { link, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAllAtomically } from "../../src/api/write-atomic.js";

let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "darep-write-atomic-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has ended, so cannot be writing any more. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("writeAllAtomically", () => {
  it("removes a killed run's temporary files, and leaves a running one's and other files alone", async () => {
    const out = join(dir, "stale");
    await mkdir(out);
    const dead = await deadPid();
    const live = process.ppid; // vitest's main process: alive while this test runs
    const planted = [`.report.json.${dead}.tmp`, `.exception-report.html.${dead}.tmp`, `.report.json.${live}.tmp`, `.notes.txt.${dead}.tmp`, "keep.txt"];
    for (const name of planted) await writeFile(join(out, name), "old");
    await writeAllAtomically([
      { path: join(out, "report.json"), content: "{}\n" },
      { path: join(out, "exception-report.html"), content: "<p>new</p>" },
    ]);
    expect((await readdir(out)).sort()).toEqual([`.notes.txt.${dead}.tmp`, `.report.json.${live}.tmp`, "exception-report.html", "keep.txt", "report.json"].sort());
    expect(await readFile(join(out, "report.json"), "utf8")).toBe("{}\n");
  });

  it("writes nothing and leaves no temporary file when one of the files cannot be written", async () => {
    const out = join(dir, "failing");
    await mkdir(out);
    await writeFile(join(out, "report.json"), "previous");
    // A folder where the second file's temporary file should go makes its write fail.
    await mkdir(join(out, `.exception-report.html.${process.pid}.tmp`));
    await expect(
      writeAllAtomically([
        { path: join(out, "report.json"), content: "next" },
        { path: join(out, "exception-report.html"), content: "next" },
      ]),
    ).rejects.toMatchObject({ code: "EISDIR" });
    expect(await readFile(join(out, "report.json"), "utf8")).toBe("previous");
    expect((await readdir(out)).sort()).toEqual([`.exception-report.html.${process.pid}.tmp`, "report.json"]);
  });

  it("never writes through a symlink or a hard link planted at a temporary file's name", async () => {
    const out = join(dir, "planted");
    await mkdir(out);
    const victim = join(dir, "a-return.csv");
    const linked = join(dir, "another-return.csv");
    await writeFile(victim, "indicator,value\nPM20,12\n");
    await writeFile(linked, "indicator,value\nPM21,3\n");
    await symlink(victim, join(out, `.report.json.${process.pid}.tmp`));
    await link(linked, join(out, `.exception-report.html.${process.pid}.tmp`));
    await writeAllAtomically([
      { path: join(out, "report.json"), content: "{}\n" },
      { path: join(out, "exception-report.html"), content: "<p>new</p>\n" },
    ]);
    expect(await readFile(victim, "utf8")).toBe("indicator,value\nPM20,12\n");
    expect(await readFile(linked, "utf8")).toBe("indicator,value\nPM21,3\n");
    expect(await readFile(join(out, "report.json"), "utf8")).toBe("{}\n");
    expect((await readdir(out)).sort()).toEqual(["exception-report.html", "report.json"]);
  });
});
