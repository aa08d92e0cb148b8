/*
 * Apart from stage-match.ts because the rule's schema (records/stage-rule.ts) checks with it, and stage-match.ts
 * reads that schema's type: together they would import each other.
 */

/** Why a rule cannot work, or null. Selector validity needs a DOM and is reported at match time. */
export function ruleProblem(rule: { kind: string; pattern: string }): string | null {
  switch (rule.kind) {
    case 'path': {
      if (!rule.pattern.startsWith('/')) return 'A path pattern starts with / (e.g. /product/:id)';
      if (/\/:(?![A-Za-z_]\w*(?:\/|#|$))/.test(rule.pattern)) return 'A :parameter needs a name made of letters (e.g. :id)';
      return null;
    }
    case 'regex':
      try {
        new RegExp(rule.pattern);
        return null;
      } catch (error) {
        return `Not a valid regular expression: ${(error as Error).message}`;
      }
    default:
      return null;
  }
}
