// Spreadsheet cell addresses (A1, AA7): their home is words/ (base), so that every stage names a cell the same way.
export { cellAddress, columnIndex, columnLetters } from "../words/cell-address.js";
