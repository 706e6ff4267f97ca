// Errors about the run itself (unreadable config, no browser, bad arguments): thrown, caught once in
// the CLI, shown as one plain sentence with exit code 2. Problems in the data are Issues, never these.

export class RunError extends Error {
  /** Further lines to show under the sentence (e.g. every problem in a config file). */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = "RunError";
    this.details = details;
  }
}
