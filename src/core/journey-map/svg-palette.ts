/** The colours of the documents that leave the extension (SVG/PNG): a light page, text contrast ≥ 4.5:1. */
export const INK = '#1b1f24';
export const MUTED = '#57606a';
export const LINE = '#d0d7de';
export const PANEL = '#f6f8fa';
export const ACCENT = '#0b5cad';
