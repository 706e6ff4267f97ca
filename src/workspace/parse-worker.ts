// The worker thread a return is parsed in (see ./parse-isolated.ts): a thin wrapper that runs
// ingest's parseReturn on the bytes it is sent and posts the result back, one read at a time.
import { parentPort } from "node:worker_threads";
import { parseReturn, type ReadLimits } from "../ingest/index.js";

export interface ParseJob {
  id: number;
  bytes: Uint8Array;
  file: string;
  limits: Partial<ReadLimits>;
}

parentPort?.on("message", (job: ParseJob) => {
  parseReturn(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.file, job.limits).then(
    (result) => parentPort!.postMessage({ id: job.id, result }),
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: String((e as Error)?.message ?? e) }),
  );
});
