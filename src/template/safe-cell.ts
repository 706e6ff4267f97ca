// Formula injection in cells: the rule lives in words/ (the export and the sent log use it too).
export { couldBeFormula, safeCell } from "../words/cells.js";
