import type { ErrorKey } from '../core/replies';

/** A refusal the user can act on: its message key goes back to the page that asked, which words it. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(readonly key: ErrorKey) {
    super(key);
  }
}
