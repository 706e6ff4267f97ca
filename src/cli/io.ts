// What a command may touch of the outside world, passed in so that tests can run the CLI in-process.
import type { ChalkInstance } from "chalk";
import { join, resolve } from "node:path";
import { RunError } from "../errors.js";
import type { CacheSetting } from "../index.js";
import { isPlainDay, ukToday } from "../words/index.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout is a terminal: colour and progress only then. */
  isTTY: boolean;
  /** Ask a person a question and resolve to the answer: given only when stdin and stdout are a terminal. */
  ask?: (question: string) => Promise<string>;
}

/** Whether darep may ask questions: on a terminal, and never in CI (CI set to anything but false or 0). */
export function canAsk(io: Io): io is Io & { ask: (question: string) => Promise<string> } {
  const ci = io.env.CI;
  return io.ask !== undefined && (ci === undefined || ci === "" || ci === "false" || ci === "0");
}

/**
 * What chalk gives with colour off (the text, arguments joined by spaces, styles chaining), without
 * loading chalk: most runs print to a file or a CI log, never to a terminal.
 */
const plain: ChalkInstance = new Proxy(function plain() {}, {
  get: (_target, key) => (key === "then" ? undefined : plain),
  apply: (_target, _this, args: unknown[]) => args.join(" "),
}) as unknown as ChalkInstance;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export async function colours(io: Io): Promise<ChalkInstance> {
  const off = !io.isTTY || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") || io.env.TERM === "dumb";
  if (off) return plain;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 1 });
}

/** "Today" as an ISO date: DAREP_TODAY when set (for reruns and tests), else the clock's day in the UK. */
export function today(io: Io): string {
  const given = io.env.DAREP_TODAY;
  if (given === undefined || given === "") return ukToday(Date.now());
  if (!isPlainDay(given)) throw new RunError(`DAREP_TODAY must be a date like 2026-11-25 (found "${given}"): unset it to use today's date.`);
  return given;
}

/** Where the cache's key is kept: $XDG_CACHE_HOME/darep, %LOCALAPPDATA%\\darep, or ~/.cache/darep. */
export function keyFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "darep");
  if (platform === "win32" && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, "darep");
  if (env.HOME) return join(env.HOME, ".cache", "darep");
  return undefined;
}

/** The cache setting from the command line and the environment: --no-cache wins, then --cache-dir, then DAREP_CACHE_DIR. */
export function cacheSetting(flags: { cache?: boolean; cacheDir?: string }, io: Pick<Io, "env" | "cwd">): CacheSetting {
  if (flags.cache === false) return { enabled: false };
  const dir = flags.cacheDir || io.env.DAREP_CACHE_DIR || undefined;
  // The key that authenticates entries lives outside every workspace, in the user's own cache folder.
  const keyDir = keyFolder(io.env);
  return { enabled: true, ...(dir ? { dir: resolve(io.cwd, dir) } : {}), ...(keyDir ? { keyDir } : {}) };
}

/** SOURCE_DATE_EPOCH (reproducible builds) as a date when set, else undefined. */
export function fixedDate(env: NodeJS.ProcessEnv): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return undefined;
  // The last second of 9999: a later one has no four-digit year, and past 8.64e12 no date at all.
  if (!/^\d+$/.test(epoch) || Number(epoch) > 253_402_300_799)
    throw new RunError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, before the year 10000 (found "${epoch}"): unset it, or set it to e.g. the last commit's time (git log -1 --format=%ct).`);
  return new Date(Number(epoch) * 1000);
}
