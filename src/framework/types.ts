// A loaded partnership: its checked config and framework, as the stages receive them.
import type { AssuranceFramework, Config, FrameworkInfo, Indicator, RagGuide } from "./schema.js";

export interface Framework {
  /** The framework's folder name, e.g. "doncaster". */
  name: string;
  /** Absolute path of the folder the framework was loaded from. */
  dir: string;
  info: FrameworkInfo;
  /** Indicators in framework order (by theme as framework.json lists them, then by reference number). */
  indicators: Indicator[];
  /** Look-up by upper-case reference, e.g. "PM20". */
  byRef: Map<string, Indicator>;
  /** The quality-assurance framework (assurance.json), when the framework folder has one. */
  assurance?: AssuranceFramework;
  /** The action plan's RAG guide (rag.json), when the framework folder has one; else Doncaster's four apply. */
  rag?: RagGuide;
}

export interface Workspace {
  /** Absolute path of the folder holding darep.config.json. */
  root: string;
  configPath: string;
  config: Config;
  framework: Framework;
}
