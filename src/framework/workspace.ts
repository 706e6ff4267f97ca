// What a workspace is called on disk: the config file's name, and where darep's own frameworks live.
// Names only; reading a workspace is src/workspace/'s job.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CONFIG_FILE = "darep.config.json";

/** darep's own folder (holding schemas/ and templates/), from src/ or dist/ alike. */
export const DAREP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
