import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';

/** The compose frame of ours in `page` (an extension page where notes, reports and open answers are written). */
export function composeFrame(page: Page): Frame | undefined {
  // The newest one still attached: a frame just taken away may linger in the list for a moment.
  return page.frames().filter((frame) => !frame.isDetached() && frame.url().includes('/src/ui/compose/index.html')).at(-1);
}

async function focusedField(page: Page): Promise<boolean> {
  const frame = composeFrame(page);
  if (!frame) return false;
  // A frame being replaced may never answer: asked again rather than waited on.
  const asked = frame.evaluate(() => document.hasFocus() && document.activeElement !== document.body && document.activeElement !== null).catch(() => false);
  return Promise.race([asked, new Promise<boolean>((done) => setTimeout(() => done(false), 500))]);
}

/** Waits until the compose frame shows its form with the keyboard in it: what is typed next is typed there. */
export async function composeReady(page: Page): Promise<Frame> {
  await expect.poll(() => focusedField(page)).toBe(true);
  return composeFrame(page)!;
}

/** Whether a compose frame is open in `page`. */
export const composeOpen = (page: Page) => composeFrame(page) !== undefined;

/** What the compose frame in `page` shows, as text ('' while there is none). */
export async function composeText(page: Page): Promise<string> {
  return (await composeFrame(page)?.evaluate(() => document.body.innerText).catch(() => '')) ?? '';
}

/** The compose frame once its form is drawn, whether or not it has the keyboard. */
export async function composeFrameWhenDrawn(page: Page): Promise<Frame> {
  await expect.poll(async () => (await composeText(page)) !== '').toBe(true);
  return composeFrame(page)!;
}
