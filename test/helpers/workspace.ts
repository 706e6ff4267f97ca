// Build a small workspace in a temp folder from object literals: a config using darep's bundled
// Doncaster framework, and returns given as file contents.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface WorkspaceSpec {
  config?: Record<string, unknown>;
  /** "returns/2026-27/Q2/riverside.csv" -> contents */
  files?: Record<string, string | Uint8Array>;
}

export const AGENCIES = [
  { id: "riverside", name: "Riverside", contact: { name: "Performance Officer", email: "performance@riverside.example.org" }, indicators: ["PM17", "PM18", "PM19"] },
  { id: "south-yorkshire-police", name: "South Yorkshire Police", indicators: ["PM20"] },
];

export function makeWorkspace(spec: WorkspaceSpec = {}): string {
  const root = mkdtempSync(join(tmpdir(), "darep-ws-"));
  const config = spec.config ?? { partnership: "Test Partnership", framework: "doncaster", agencies: AGENCIES };
  writeFileSync(join(root, "darep.config.json"), JSON.stringify(config, null, 2));
  for (const [rel, content] of Object.entries(spec.files ?? {})) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}
