// The pack's parts and files: the HTML report holds everything; the PDFs split it in two, so that
// the emailed and printed pack is short (the board's part) and the appendix of every figure goes apart.

/** full: the HTML report; board: exception-report.pdf; appendix: exception-report-appendix.pdf. */
export type PackPart = "full" | "board" | "appendix";

/** The sections only the appendix (and the HTML report) holds. */
export const APPENDIX_SECTIONS: ReadonlySet<string> = new Set(["every-action", "all-indicators", "sources"]);

export const BOARD_PDF = "exception-report.pdf";
export const APPENDIX_PDF = "exception-report-appendix.pdf";
