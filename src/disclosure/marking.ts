// The protective marking in the email subject: the rule lives in words/ (darep send uses it).
export { markedSubject } from "../words/marking.js";
