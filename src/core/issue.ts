/** What is wrong with a message, a record or an imported file, and where (`visits[3].sessionId`). */
export interface Issue {
  path: string;
  message: string;
}

/** `['visits', 3, 'sessionId']` → `visits[3].sessionId`. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
