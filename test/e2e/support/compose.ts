import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';

/** The compose frame of ours in `page` (an extension page where notes, reports and open answers are written). */
export function composeFrame(page: Page): Frame | undefined {
  return page.frames().find((frame) => frame.url().includes('/src/ui/compose/index.html'));
}

async function focusedField(page: Page): Promise<boolean> {
  const frame = composeFrame(page);
  if (!frame) return false;
  return frame.evaluate(() => document.hasFocus() && document.activeElement !== document.body && document.activeElement !== null).catch(() => false);
}

/** Waits until the compose frame shows its form with the keyboard in it: what is typed next is typed there. */
export async function composeReady(page: Page): Promise<Frame> {
  await expect.poll(() => focusedField(page)).toBe(true);
  return composeFrame(page)!;
}

/** Whether a compose frame is open in `page`. */
export const composeOpen = (page: Page) => composeFrame(page) !== undefined;
