import type { Page } from 'playwright-core';
import type { Extension } from './browser';

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function find(node: DomNode, test: (n: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = find(child, test);
    if (hit) return hit;
  }
  return null;
}

/** Every node under `node` (itself included) that passes `test`, shadow roots entered, in document order. */
function findAll(node: DomNode, test: (n: DomNode) => boolean, hits: DomNode[] = []): DomNode[] {
  if (test(node)) hits.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) findAll(child, test, hits);
  return hits;
}

const hasClass = (name: string) => (n: DomNode) => {
  const attrs = n.attributes ?? [];
  const i = attrs.indexOf('class');
  return i >= 0 && attrs[i + 1]!.split(/\s+/).includes(name);
};

export interface CardView {
  width: number;
  height: number;
  html: string;
  style: Record<string, string>;
}

/**
 * Looks into our closed shadow root the way DevTools does (CDP pierces closed roots; page scripts cannot).
 * Returns the survey card's box, markup and computed style, or null when no card is on the page.
 */
export async function surveyCard(ext: Extension, page: Page): Promise<CardView | null> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (n) => n.nodeName === 'JOURNEY-LENS-SURVEY');
    const card = host && find(host, hasClass('card'));
    if (!card) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: card.nodeId })) as { model: { width: number; height: number } };
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: card.nodeId });
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: card.nodeId })) as { computedStyle: { name: string; value: string }[] };
    return { width: model.width, height: model.height, html: outerHTML, style: Object.fromEntries(computedStyle.map((p) => [p.name, p.value])) };
  } finally {
    await cdp.detach();
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Viewport boxes of the elements with `className` inside our closed shadow host `hostTag` (upper case). */
export async function shadowBoxes(ext: Extension, page: Page, hostTag: string, className: string): Promise<Box[]> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (n) => n.nodeName === hostTag);
    if (!host) return [];
    const boxes: Box[] = [];
    for (const node of findAll(host, hasClass(className))) {
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[]; width: number; height: number } };
      boxes.push({ x: model.content[0]!, y: model.content[1]!, width: model.width, height: model.height });
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}

/** Whether one of our closed shadow hosts (e.g. a form) is on the page. */
export async function hasShadowHost(ext: Extension, page: Page, hostTag: string): Promise<boolean> {
  return (await shadowHostCount(ext, page, hostTag)) > 0;
}

/** How many of our closed shadow hosts `hostTag` are on the page (two observers would put up two). */
export async function shadowHostCount(ext: Extension, page: Page, hostTag: string): Promise<number> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return findAll(root, (n) => n.nodeName === hostTag).length;
  } finally {
    await cdp.detach();
  }
}

/** The markup inside one of our closed shadow hosts (as DevTools sees it), or null when it is not on the page. */
export async function shadowHtml(ext: Extension, page: Page, hostTag: string): Promise<string | null> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (n) => n.nodeName === hostTag);
    if (!host) return null;
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: host.shadowRoots?.[0]?.nodeId ?? host.nodeId });
    return outerHTML;
  } finally {
    await cdp.detach();
  }
}
