/**
 * Invisible characters that change how the text around them is shown: bidi embeddings, overrides and isolates
 * (reversed-text spoofing: U+202E makes "gpj.exe" show as "exe.jpg") and zero-width spaces that hide in words. A
 * page's text may carry them into lists and exports; each becomes U+FFFD, visible and inert. Joiners (U+200C,
 * U+200D) stay: emoji and several scripts need them.
 */
const CONTROLS = /[\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

export function inertText(text: string): string {
  return text.replace(CONTROLS, '\uFFFD');
}
