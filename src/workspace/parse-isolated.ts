// Parsing a workbook where it cannot hurt the run: in a worker thread with a memory cap, given up and
// terminated at the time limit. A workbook that would take minutes or gigabytes (exceljs cannot be
// stopped part-way on its own thread) is then a `limit-exceeded` error for that file alone, naming
// the limit, and the other returns go on. Workers are kept for the next read, two at most, and
// never keep darep running when idle.
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { parseReturn, type ReadLimits } from "../ingest/index.js";
import { issue } from "../issues/catalogue.js";
import type { ReadResult } from "../types.js";
import { kindOf } from "./input.js";
import type { ParseJob } from "./parse-worker.js";

/** The heap one read may use. The size limits keep a real return far below it (50,000 rows cost about 330 MB). */
export const MEMORY_MB_PER_FILE = 1024;
/** Reads at once, each in its own worker: the machines darep runs on have two cores or more. */
const AT_ONCE = 2;

// Built code has the worker beside it; run from TypeScript source (the unit tests) it has not, and
// the read happens on this thread, raced against the timer as before.
const WORKER = new URL("./parse-worker.js", import.meta.url);
const isolated = WORKER.protocol === "file:" && kindOf(fileURLToPath(WORKER)) === "file";

const idle: Worker[] = [];
let nextId = 0;
let busy = 0;
const waiting: (() => void)[] = [];

/** Waits for one of the AT_ONCE places; the returned function gives it back. */
async function place(): Promise<() => void> {
  if (busy >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  busy++;
  return () => {
    busy--;
    waiting.shift()?.();
  };
}

function newWorker(): Worker {
  return new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB_PER_FILE }, stdout: false, stderr: false });
}

export interface Outcome {
  result: ReadResult;
  /** True when the read was stopped by a limit of the machine (time, memory): never cached. */
  givenUp: boolean;
}

function stopped(file: string, message: string, expected: string): Outcome {
  return { result: { table: null, issues: [issue("limit-exceeded", { file }, message, { expected })] }, givenUp: true };
}

/** Parse `bytes` as the return `file` (issues name it), within `seconds` and MEMORY_MB_PER_FILE. */
export async function parseIsolated(bytes: Buffer, file: string, limits: Partial<ReadLimits>, seconds: number): Promise<Outcome> {
  const late = () => stopped(file, `Reading the file took longer than the limit of ${seconds} s, so it was skipped.`, `read within ${seconds} s (options.limits.maxSecondsPerFile)`);
  // A CSV is read by csv-parse in one bounded pass (size, rows and cells are limited before the work);
  // a workbook is unzipped and parsed by exceljs, which cannot be stopped: that is what is isolated.
  if (!isolated || !/\.xlsx$/i.test(file)) {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve(late()), seconds * 1000);
      timer.unref();
    });
    try {
      return await Promise.race([parseReturn(bytes, file, limits).then((result) => ({ result, givenUp: false })), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  const release = await place();
  try {
    return await inWorker(bytes, file, limits, seconds, late);
  } finally {
    release();
  }
}

function inWorker(bytes: Buffer, file: string, limits: Partial<ReadLimits>, seconds: number, late: () => Outcome): Promise<Outcome> {
  const worker = idle.pop() ?? newWorker();
  worker.ref();
  const id = nextId++;
  return new Promise<Outcome>((resolve) => {
    let done = false;
    const finish = (outcome: Outcome, keep: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (keep && idle.length < AT_ONCE) {
        worker.unref();
        idle.push(worker);
      } else void worker.terminate();
      resolve(outcome);
    };
    const onMessage = (m: { id: number; result?: ReadResult; error?: string }) => {
      if (m.id !== id) return;
      // A programmer's error inside the parser is still about this file alone.
      if (m.error !== undefined) finish({ result: { table: null, issues: [issue("unreadable-file", { file }, `The file could not be read (${m.error}).`)] }, givenUp: false }, true);
      else finish({ result: m.result!, givenUp: false }, true);
    };
    const onError = (e: Error & { code?: string }) =>
      finish(
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? stopped(file, `Reading the file needed more than ${MEMORY_MB_PER_FILE} MB of memory, so it was skipped.`, `read within ${MEMORY_MB_PER_FILE} MB of memory`)
          : { result: { table: null, issues: [issue("unreadable-file", { file }, "The file could not be read: its reader stopped.")] }, givenUp: true },
        false,
      );
    const onExit = () => finish({ result: { table: null, issues: [issue("unreadable-file", { file }, "The file could not be read: its reader stopped.")] }, givenUp: true }, false);
    const timer = setTimeout(() => finish(late(), false), seconds * 1000);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    const job: ParseJob = { id, bytes: new Uint8Array(bytes), file, limits };
    worker.postMessage(job);
  });
}
