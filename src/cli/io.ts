// What a command may touch of the outside world, passed in so that tests can run the CLI in-process.
import type { ChalkInstance } from "chalk";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout is a terminal: colour and progress only then. */
  isTTY: boolean;
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

/** "Today" as an ISO date: DAREP_TODAY when set (for reruns and tests), else the clock. */
export function today(io: Io): string {
  const given = io.env.DAREP_TODAY;
  if (given && /^\d{4}-\d{2}-\d{2}$/.test(given)) return given;
  return new Date().toISOString().slice(0, 10);
}
