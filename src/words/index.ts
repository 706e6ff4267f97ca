// Every date, number, percentage, change, plural, list and escape a person reads, in one place.
// A base module like framework/ and issues/: it imports nothing of darep's but the Unit type.
export { bytesInWords, formatNumber, ordinalWord, roundHalfAway } from "./numbers.js";
export { changeInBrief, formatChange, formatFigure, formatLimit, formatTick, formatValue } from "./figures.js";
export { listWords, plural } from "./lists.js";
export { dateInWords, daysBetween, daysIn, instantOf, isPlainDay, londonDate, londonTime, MONTH_NAMES, momentInWords, ukToday, validDay } from "./dates.js";
export { escapeHtml, escapeMarkdown, escapeXml } from "./escape.js";
export { hasInvisible, INVISIBLE, jsonText, looksBlank, showControls, terminalSafe, terminalSafeDeep } from "./characters.js";
export { couldBeFormula, csvField, quotedField, safeCell } from "./cells.js";
export { markedSubject } from "./marking.js";
export { COMPARISON_WORDS, targetNoun, type ComparisonName } from "./targets.js";
