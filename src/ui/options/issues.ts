/** A validation problem in plain words, tied to the input it is about so it can be shown and focused there. */
export interface FieldIssue {
  fieldId: string;
  /** Which field, as the user knows it ("Rule 3", "Study name"). */
  where: string;
  message: string;
}

export function issuesFor(issues: readonly FieldIssue[], fieldId: string): FieldIssue[] {
  return issues.filter((issue) => issue.fieldId === fieldId);
}

/** The id of the inline error text, for aria-describedby. */
export function errorIdOf(fieldId: string): string {
  return `${fieldId}-error`;
}
