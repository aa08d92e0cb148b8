/**
 * Text for SVG documents built as strings: XML escaping, and line wrapping by an estimated width (there is no
 * layout engine in a pure module, so widths are counted in "units": one for a Latin letter, two for a wide one).
 */

/** Characters XML 1.0 forbids outright, and lone surrogates: any of them makes the whole file unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Untrusted text as XML character data or an attribute value: never markup, always well-formed. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/** Width units of one character: East Asian wide and full-width forms take two. */
function units(ch: string): number {
  const code = ch.codePointAt(0)!;
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
    ? 2
    : 1;
}

export function textUnits(text: string): number {
  let total = 0;
  for (const ch of text) total += units(ch);
  return total;
}

/** The text cut to `max` units, with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  if (textUnits(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    if (used + units(ch) > max - 1) break;
    out += ch;
    used += units(ch);
  }
  return `${out.trimEnd()}…`;
}

/** Words into lines of at most `max` units (long words broken), at most `maxLines` of them, the last one cut short. */
export function wrapText(text: string, max: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line) lines.push(line);
    line = '';
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textUnits(candidate) <= max) {
      line = candidate;
      continue;
    }
    push();
    let rest = word;
    while (textUnits(rest) > max) {
      let head = '';
      let used = 0;
      for (const ch of rest) {
        if (used + units(ch) > max) break;
        head += ch;
        used += units(ch);
      }
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = rest;
  }
  push();
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} ${lines[maxLines]}`, max);
    return kept;
  }
  return lines;
}
