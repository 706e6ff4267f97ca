// When a quarter's returns are due and whether one came late: the rule lives in framework/, shared
// with the report; the chase list imports it from here.
export { daysLate, dueDate, isLate } from "../framework/due-date.js";
