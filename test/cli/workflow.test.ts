// The GitHub Actions workflow a partnership copies: its trigger and permissions, and its script run
// for real (bash, git, npx and the built darep) on a pull request in a throwaway repository.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { AGENCIES } from "../helpers/workspace.js";

const WORKFLOW = join(ROOT, ".github", "workflows", "validate-returns.yml");
const yaml = readFileSync(WORKFLOW, "utf8");

interface Step {
  name: string;
  run: string;
  env: Record<string, string>;
}

/** The steps with a `run:`, their name and env, read by indentation (this file's own simple YAML). */
function runSteps(text: string): Step[] {
  const lines = text.split("\n");
  const steps: Step[] = [];
  let current: Step | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*- (name|uses): /.test(line)) {
      current = { name: /^\s*- name: (.*)$/.exec(line)?.[1] ?? "", run: "", env: {} };
      steps.push(current);
      continue;
    }
    if (!current) continue;
    const m = /^(\s*)(run|env): ?(.*)$/.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    const block: string[] = [];
    let j = i + 1;
    while (j < lines.length && (lines[j]!.trim() === "" || lines[j]!.search(/\S/) > indent)) block.push(lines[j++]!);
    i = j - 1;
    if (m[2] === "run") {
      const inner = block.filter((l) => l.trim() !== "")[0]?.search(/\S/) ?? 0;
      current.run =
        m[3] === "|"
          ? block
              .map((l) => l.slice(inner))
              .join("\n")
              .trimEnd() + "\n"
          : m[3]!;
    } else {
      for (const l of block) {
        const kv = /^\s*([A-Z_]+): "?(.*?)"?$/.exec(l);
        if (kv) current.env[kv[1]!] = kv[2]!;
      }
    }
  }
  return steps.filter((s) => s.run);
}

const steps = runSteps(yaml);
const validateStep = steps.find((s) => s.run.includes("darep validate"))!;

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const git = (cwd: string, ...args: string[]) => {
  const r = sh("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
};

const put = (root: string, rel: string, content: string) => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
};

const HEADER = "indicator,measure,category,value,note\n";
const POLICE_GOOD = `${HEADER}PM20,incidents,,100,\nPM20,incidents,crime,60,\nPM20,incidents,non-crime,40,\nPM20,incidents-by-district,,100,\nPM20,incidents-by-district,barnsley,25,\nPM20,incidents-by-district,doncaster,25,\nPM20,incidents-by-district,rotherham,25,\nPM20,incidents-by-district,sheffield,25,\n`;

/** A partnership's repository: a workspace on main, then a pull-request branch. */
function repository(change: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), "darep-pr-"));
  git(root, "init", "-q");
  put(root, "darep.config.json", JSON.stringify({ partnership: "Test Partnership", framework: "doncaster", agencies: AGENCIES }, null, 2));
  put(root, ".gitignore", "node_modules/\n");
  // Already on main and broken: not the pull request's business, so not checked.
  put(root, "returns/2026-27/Q1/riverside.csv", `${HEADER}PM17,people-supported,,oops,\n`);
  put(root, "returns/2026-27/Q1/south-yorkshire-police.csv", POLICE_GOOD);
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "base");
  // What actions/checkout with fetch-depth 0 gives: the base branch as a remote-tracking ref.
  git(root, "update-ref", "refs/remotes/origin/main", "HEAD");
  git(root, "checkout", "-q", "-b", "pr");
  change(root);
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "pr");
  // What `npm ci` gives a repository that depends on darep: the package and its bin link.
  mkdirSync(join(root, "node_modules", ".bin"), { recursive: true });
  symlinkSync(ROOT, join(root, "node_modules", "darep"), "dir");
  symlinkSync(join("..", "darep", "bin", "darep.js"), join(root, "node_modules", ".bin", "darep"));
  return root;
}

/** Run the step's script as GitHub does (`shell: bash`: bash --noprofile --norc -eo pipefail). */
function runStep(root: string, env: Record<string, string>) {
  const script = join(root, "..", `${root.split("/").pop()}-step.sh`);
  writeFileSync(script, validateStep.run);
  const summary = join(root, "..", `${root.split("/").pop()}-summary.md`);
  rmSync(summary, { force: true });
  const r = sh("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], root, {
    GITHUB_STEP_SUMMARY: summary,
    NPM_CONFIG_UPDATE_NOTIFIER: "false",
    NPM_CONFIG_OFFLINE: "true",
    NO_COLOR: "1",
    DAREP_TODAY: "2026-11-25",
    ...env,
  });
  let written = "";
  try {
    written = readFileSync(summary, "utf8");
  } catch {
    written = "";
  }
  return { ...r, summary: written };
}

describe("the validate-returns workflow file", () => {
  it("runs on pull requests that touch returns/, with read-only permissions", () => {
    expect(yaml).toMatch(/^on:\n {2}pull_request:\n {4}paths:\n {6}- "returns\/\*\*"\n/m);
    expect(yaml).toMatch(/^permissions:\n {2}contents: read\n/m);
    expect(yaml).not.toMatch(/: write\b/);
    expect(yaml).not.toMatch(/pull_request_target/);
    expect(yaml).toMatch(/uses: actions\/checkout@v4\n\s+with:\n\s+# .*\n\s+fetch-depth: 0\n\s+persist-credentials: false/);
  });

  it("validates just the added or changed files with --format github, the base branch coming in through env", () => {
    expect(steps.map((s) => s.name)).toEqual(["Install darep", "Validate the returns added or changed"]);
    expect(validateStep.env).toEqual({ BASE_REF: "${{ github.base_ref }}" });
    expect(validateStep.run).not.toContain("${{");
    expect(validateStep.run).toContain(`git diff -z --no-renames --name-only --diff-filter=AM "origin/\${BASE_REF}...HEAD" -- returns/`);
    const darepLines = validateStep.run.split("\n").filter((l) => /\bdarep validate\b/.test(l) && !l.trim().startsWith("#"));
    expect(darepLines).toEqual([`npx --no -- darep validate --format github -- "\${files[@]}"`]);
  });
});

describe("the workflow's script on a pull request", () => {
  beforeAll(() => {
    // The built CLI that bin/darep.js loads (test/global-setup.ts builds it).
    expect(readFileSync(join(ROOT, "dist", "cli", "index.js"), "utf8").length).toBeGreaterThan(0);
  });

  it("annotates each error of the changed files on its line, writes the summary, and fails", () => {
    const root = repository((r) => {
      put(r, "returns/2026-27/Q2/riverside.csv", `${HEADER}PM17,people-supported,,,\n`);
      // Moved from Q1 with the same content: git would call it a rename, and it must still be checked.
      put(r, "returns/2026-27/Q2/south-yorkshire-police.csv", POLICE_GOOD);
      rmSync(join(r, "returns/2026-27/Q1/south-yorkshire-police.csv"));
    });
    const r = runStep(root, { BASE_REF: "main" });
    expect(r.code, r.stderr).toBe(1);
    const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.some((l) => l.startsWith("::error file=returns/2026-27/Q2/riverside.csv,line=2,col=4,title=darep blank-value::"))).toBe(true);
    // Only the pull request's files: the broken return already on main is not checked.
    expect(r.stdout).not.toContain("returns/2026-27/Q1/");
    expect(r.summary).toContain("## darep: returns checked");
    expect(r.summary).toContain("2 files: 1 valid, 1 invalid;");
    expect(r.summary).toContain("| returns/2026-27/Q2/riverside.csv | ❌ invalid |");
    expect(r.summary).toContain("| returns/2026-27/Q2/south-yorkshire-police.csv | ✅ valid | 0 |");
  });

  it("passes when the changed returns are valid", () => {
    const root = repository((r) => put(r, "returns/2026-27/Q2/south-yorkshire-police.csv", POLICE_GOOD));
    const r = runStep(root, { BASE_REF: "main" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("::error"))).toEqual([]);
    expect(r.summary).toContain("1 file: 1 valid, 0 invalid; 0 errors");
  });

  it("checks nothing when no return was added or changed, and fails when the base branch is unknown", () => {
    const root = repository((r) => {
      put(r, "README.md", "notes\n");
      rmSync(join(r, "returns/2026-27/Q1/south-yorkshire-police.csv"));
    });
    const none = runStep(root, { BASE_REF: "main" });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe("No returns were added or changed.\n");
    expect(none.summary).toBe("");
    const broken = runStep(root, { BASE_REF: "no-such-branch" });
    expect(broken.code).not.toBe(0);
  });
});
