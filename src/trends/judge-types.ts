// The shapes the judgement of one figure takes in and gives out.
import type { Frequency, Unit } from "../framework/schema.js";
import type { GssSymbol, ReturnStatus } from "../types.js";
import type { Comparison } from "./compare.js";
import type { EffectiveDirection } from "./direction.js";
import type { HistoryPoint } from "./history.js";
import type { Reason, Status } from "../report-contract/schema.js";
import type { SpcAnalysis, SpcSignal } from "./spc.js";
import type { TargetProgress } from "./target.js";

export interface Tolerance {
  relative: number;
  absolute: number;
}

/** Why a figure has no value to judge, for the sentence. */
export type Cause = "return-missing" | "return-invalid" | "not-in-return" | "not-available" | "not-applicable" | "suppressed";

/**
 * What decided the status: the locked process limits; the move on the quarter and on the year
 * (both beyond chance); the quarter alone (no year ago on record); the tolerance or chance that made
 * a move ordinary; the year that made a quarter's move ordinary; a target; or nothing (no value).
 */
export type DecidedBy = "limits" | "quarter-and-year" | "quarter" | "tolerance" | "chance" | "year" | "target";

export interface FigureToJudge {
  agencyName: string;
  returnStatus: ReturnStatus;
  /** False in a quarter a six-monthly or annual figure is not due. Default true. */
  due?: boolean;
  /** Default quarterly: the history then has one point per due period. */
  frequency?: Frequency;
  /** The schema marks the measure as a baseline being established. */
  establishing?: boolean;
  /** "year-to-date": the figure is this period's own, worked out from the agency's totals. */
  reported?: "period" | "year-to-date";
  /** The figure for the quarter, when one passed validation. */
  figure: { value: number | null; symbol: GssSymbol | null } | null;
  comparison: Comparison;
  direction: EffectiveDirection;
  tolerance: Tolerance;
  unit: Unit;
  history: readonly HistoryPoint[];
  spc: SpcAnalysis;
  /** Minimum points for limits that are locked. */
  spcMinimumPoints: number;
  target: TargetProgress | null;
  /** The validator warned that this figure moved suddenly. */
  suddenChange: boolean;
}

export interface Judgement {
  status: Status;
  reasons: Reason[];
  cause: Cause | null;
  /** The latest point's special-cause reading that decided the status, if any. */
  signal: SpcSignal | null;
  decidedBy: DecidedBy | null;
}
