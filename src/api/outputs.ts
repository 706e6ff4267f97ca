// The names of what a build writes that a caller needs to know, apart from the build's code (so that
// the library face can name them without loading it).

/** The analyst's copy with every true figure: named so that nobody sends it by mistake. */
export const UNPROTECTED_JSON = "report.UNPROTECTED.json";

/** The pack's two PDFs: the board's part, and the appendix of every figure and the sources. */
export { APPENDIX_PDF, BOARD_PDF } from "../report/pack.js";
