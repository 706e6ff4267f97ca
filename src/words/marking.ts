// The protective marking where a reader meets it first: the email subject (for the mail feature),
// as the Government Security Classifications ask, before anything else.

/** "OFFICIAL-SENSITIVE: Doncaster ...: exception report, 2026-27 Q2"; the subject alone with no marking. */
export function markedSubject(marking: string | null | undefined, subject: string): string {
  return marking ? `${marking}: ${subject}` : subject;
}
