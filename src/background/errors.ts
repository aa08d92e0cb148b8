/** A refusal the user can act on: shown as is in the UI, never a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}
