// The workspace is read once, through one door: every input opened goes through openInput, each return
// is opened once per run (its hash is of the very bytes parsed), and what comes back is plain data.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { validate } from "../../src/index.js";
import { openInput } from "../../src/workspace/input.js";
import { openWorkspace, readQuarter } from "../../src/workspace/index.js";
import { DEMO } from "../helpers/cli.js";

vi.mock("../../src/workspace/input.js", async (original) => {
  const real = await original<typeof import("../../src/workspace/input.js")>();
  return { ...real, openInput: vi.fn(real.openInput) };
});

const Q2 = { year: "2026-27", quarter: "Q2" } as const;

function demoCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "darep-reads-")), "demo");
  cpSync(DEMO, dir, { recursive: true, filter: (src) => !/[\\/](reports|\.darep-cache)$/.test(src) });
  return dir;
}

/** How many times each file under the workspace was opened, by workspace-relative path. */
function opened(root: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [path] of vi.mocked(openInput).mock.calls) {
    const file = relative(root, path).split(sep).join("/");
    counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return counts;
}

const returnsIn = (counts: Map<string, number>) => [...counts].filter(([f]) => /^returns\/.*\.(csv|xlsx)$/.test(f) && !f.endsWith("/_received.csv"));

beforeEach(() => void vi.mocked(openInput).mockClear());

describe("reading a quarter for its report", () => {
  it("opens each return once, and every input through openInput", async () => {
    const root = demoCopy();
    const ws = await openWorkspace({ workspace: root, cwd: root });
    const snapshot = await readQuarter(ws, Q2);
    const counts = opened(root);
    const returns = returnsIn(counts);
    expect(returns.length).toBe(snapshot.returns.filter((r) => r.file !== null).length);
    expect(returns.length).toBeGreaterThan(50);
    for (const [file, n] of returns) expect(n, file).toBe(1);
    // The config, the framework, the receipts, the commentary and the action plan came through the same door.
    expect(counts.get("darep.config.json")).toBe(1);
    expect([...counts.keys()].some((f) => f.endsWith("schemas/doncaster/PM20.json"))).toBe(true);
    expect([...counts.keys()]).toEqual(expect.arrayContaining(["returns/2026-27/Q2/_received.csv", "commentary/2026-27-Q2.md", "actions/2026-27-Q2.csv"]));
    // The hash is of the bytes read: a return's sha256 is there without a second open.
    expect(snapshot.returns.filter((r) => r.file !== null).every((r) => /^[0-9a-f]{64}$/.test(r.sha256 ?? ""))).toBe(true);
  });

  it("gives a snapshot of plain data: nothing that JSON or structuredClone would lose but look-up maps", async () => {
    const root = demoCopy();
    const snapshot = await readQuarter(await openWorkspace({ workspace: root, cwd: root }), Q2);
    const odd: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (v === null || typeof v === "string" || typeof v === "boolean") return;
      if (typeof v === "number") return void (Number.isFinite(v) || odd.push(`${at}: ${v}`));
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}[${i}]`));
      if (v instanceof Map) return v.forEach((x, k) => walk(x, `${at}.get(${String(k)})`));
      if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) return Object.entries(v).forEach(([k, x]) => walk(x, `${at}.${k}`));
      odd.push(`${at}: ${typeof v} ${Object.prototype.toString.call(v)}`);
    };
    walk(snapshot, "snapshot");
    expect(odd).toEqual([]);
    expect(structuredClone(snapshot)).toEqual(snapshot);
  });
});

describe("opening a workspace", () => {
  it("opens the config and each framework file once, even when the cache hashes them first", async () => {
    const root = demoCopy();
    const cache = { enabled: true, dir: mkdtempSync(join(tmpdir(), "darep-reads-cache-")) };
    await openWorkspace({ workspace: root, cwd: root, cache });
    const files = [...opened(root)];
    expect(files.filter(([f]) => f.endsWith(".json")).length).toBeGreaterThan(20);
    for (const [file, n] of files) expect(n, file).toBe(1);
  });
});

describe("validating a quarter", () => {
  it("opens each of the quarter's returns, and each of the quarter before's, once", async () => {
    const root = demoCopy();
    await validate({ workspace: root, targets: ["Q2"], year: "2026-27", today: "2026-11-25" });
    const returns = returnsIn(opened(root));
    expect(returns.map(([f]) => f.split("/").slice(1, 3).join(" "))).toEqual(expect.arrayContaining(["2026-27 Q1", "2026-27 Q2"]));
    for (const [file, n] of returns) expect(n, file).toBe(1);
  });

  it("opens a return that is both named and the quarter before another only once", async () => {
    const root = demoCopy();
    const together = await validate({ workspace: root, targets: ["2026-27 Q1", "2026-27 Q2"], today: "2026-11-25" });
    const returns = returnsIn(opened(root));
    expect(returns.filter(([f]) => f.startsWith("returns/2026-27/Q1/")).length).toBeGreaterThan(5);
    for (const [file, n] of returns) expect(n, file).toBe(1);
    // The same results as checking each quarter on its own.
    const q1 = await validate({ workspace: root, targets: ["2026-27 Q1"], today: "2026-11-25" });
    expect(together.result.files.filter((f) => f.quarter === "Q1")).toEqual(q1.result.files);
  });
});
