import type { ViewportRect } from '../core/messages';
import type { FeedbackReport } from '../core/records/feedback';
import { isOurLayer } from '../core/our-layer';
import { isField, isSensitive, OPT_OUT } from './element-description';

/*
 * The facts a feedback report carries besides the tester's words: the browser and OS in short names, the
 * viewport, and the areas of the screenshot to paint over. Runs only when a report is sent (loaded on demand).
 */

interface Brand {
  brand: string;
  version: string;
}

/** navigator.userAgentData (Chromium): low-entropy brands and platform, no prompt, no extra request. */
export interface UserAgentData {
  brands?: readonly Brand[];
  platform?: string;
}

/** Known brands, most specific first: Edge and Opera also list "Chromium", Chrome lists it too. */
const BRANDS: readonly [RegExp, string][] = [
  [/^Microsoft Edge$/i, 'Edge'],
  [/^Opera( GX)?$/i, 'Opera'],
  [/^Brave$/i, 'Brave'],
  [/^Vivaldi$/i, 'Vivaldi'],
  [/^YaBrowser$/i, 'Yandex'],
  [/^Samsung Internet$/i, 'Samsung Internet'],
  [/^Google Chrome$/i, 'Chrome'],
  [/^Chromium$/i, 'Chromium'],
];

/** User-agent tokens, most specific first (Edge and Opera also say Chrome; Chrome also says Safari). */
const AGENTS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\b(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\bYaBrowser\/(\d+)/, 'Yandex'],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/\bCriOS\/(\d+)/, 'Chrome'],
  [/\bChromium\/(\d+)/, 'Chromium'],
  [/\bChrome\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//, 'Safari'],
];

const PLATFORMS: Readonly<Record<string, string>> = { 'chrome os': 'ChromeOS', chromeos: 'ChromeOS', macos: 'macOS', windows: 'Windows', linux: 'Linux', android: 'Android', ios: 'iOS' };

const OS_TOKENS: readonly [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

/** "Chromium 156", "Firefox 128", "Safari 17": the brand and major version, from userAgentData when it knows. */
export function browserName(userAgent: string, data?: UserAgentData | null): string {
  for (const [pattern, name] of BRANDS) {
    const brand = data?.brands?.find((b) => pattern.test(b.brand));
    if (brand) return `${name} ${brand.version.split('.')[0]}`;
  }
  for (const [pattern, name] of AGENTS) {
    const match = pattern.exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return 'Unknown';
}

/** "Linux", "Windows", "macOS", "Android", "iOS", "ChromeOS". */
export function osName(userAgent: string, data?: UserAgentData | null): string {
  const platform = data?.platform?.trim().toLowerCase();
  if (platform && PLATFORMS[platform]) return PLATFORMS[platform];
  return OS_TOKENS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'Unknown';
}

export function environmentOf(win: Window = window): FeedbackReport['environment'] {
  const data = (win.navigator as Navigator & { userAgentData?: UserAgentData }).userAgentData ?? null;
  const agent = win.navigator.userAgent;
  return {
    browser: browserName(agent, data).slice(0, 200),
    os: osName(agent, data).slice(0, 200),
    viewport: { width: Math.max(0, Math.round(win.innerWidth)), height: Math.max(0, Math.round(win.innerHeight)) },
    devicePixelRatio: win.devicePixelRatio > 0 ? win.devicePixelRatio : 1,
  };
}

/** The screenshot format takes at most this many masks (FeedbackSubmission.maskRects). */
const MAX_MASKS = 500;
const CANDIDATES = `input, textarea, select, [contenteditable], iframe, [data-jl-mask], ${OPT_OUT}`;

/**
 * Areas of the viewport to paint over in the screenshot. Always: the site's own masks ([data-jl-mask]), what it
 * opted out of recording, password or payment fields (PRODUCT.md §9), and frames (they may hold such fields,
 * and we cannot see into them). With `maskFields` (the form's checkbox), every field and editable area too. Only
 * boxes are read, never values; shadow roots are searched as well — closed ones too, through `shadowRootOf`
 * (platform/page-runtime.ts: card widgets keep their fields there) — our own layers are not.
 */
export function maskRects(doc: Document, maskFields: boolean, shadowRootOf: (element: Element) => ShadowRoot | null = (e) => e.shadowRoot): ViewportRect[] {
  const view = doc.defaultView;
  const width = view?.innerWidth ?? 0;
  const height = view?.innerHeight ?? 0;
  const rects: ViewportRect[] = [];
  for (const element of candidates(doc, shadowRootOf)) {
    if (rects.length >= MAX_MASKS) break;
    if (isOurLayer(element) || !masked(element, maskFields)) continue;
    const rect = clip(element.getBoundingClientRect(), width, height);
    if (rect && view?.getComputedStyle(element).visibility !== 'hidden') rects.push(rect);
  }
  return rects;
}

function masked(element: Element, maskFields: boolean): boolean {
  if (element.matches('[data-jl-mask]') || element.matches(OPT_OUT) || element.localName === 'iframe') return true;
  const field = isField(element);
  if (field && isSensitive(element)) return true;
  return maskFields && field;
}

function* candidates(root: Document | ShadowRoot, shadowRootOf: (element: Element) => ShadowRoot | null): Generator<Element> {
  yield* root.querySelectorAll(CANDIDATES);
  for (const element of root.querySelectorAll('*')) {
    const shadow = isOurLayer(element) ? null : shadowRootOf(element);
    if (shadow) yield* candidates(shadow, shadowRootOf);
  }
}

/** The part of a box inside the viewport; null when none of it is. */
function clip(rect: DOMRect, width: number, height: number): ViewportRect | null {
  const left = Math.max(0, rect.left);
  const top = Math.max(0, rect.top);
  const right = Math.min(width, rect.right);
  const bottom = Math.min(height, rect.bottom);
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** An element's box in the viewport, as the report's outline takes it. */
export function viewportRect(element: Element): ViewportRect | null {
  if (!element.isConnected) return null;
  const rect = element.getBoundingClientRect();
  return { x: rect.left, y: rect.top, width: Math.max(0, rect.width), height: Math.max(0, rect.height) };
}
