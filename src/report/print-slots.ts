// The few places a printer prints in at once (one per tab), and the bounded wait for a browser that
// may never answer: the two pieces of timing the printer is built from.
import { RunError } from "../errors.js";

/** A print that never began, because its printer had stopped: another printer may print it. */
export class NotPrinted extends RunError {}

/** A fixed number of places: take() waits for one to be free, give() hands it to the next waiting. */
export class Slots {
  #free: number;
  #waiting: (() => void)[] = [];

  constructor(count: number) {
    this.#free = count;
  }

  async take(): Promise<void> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  give(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }

  /** Lets everyone waiting go on at once (to find that there is nothing left to print with). */
  release(): void {
    for (const waiting of this.#waiting.splice(0)) waiting();
  }
}

/** Settles with the promise, or rejects after ms: for every wait on a browser that may never answer. */
export function within<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RunError(message())), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
