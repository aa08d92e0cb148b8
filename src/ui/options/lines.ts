/** Textareas hold one item per line; blank lines and stray spaces are not items. */
export function toLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function fromLines(items: readonly string[]): string {
  return items.join('\n');
}
