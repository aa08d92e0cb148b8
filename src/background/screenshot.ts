import type { ViewportRect } from '../core/messages';

const OUTLINE = '#e5484d';
const OUTLINE_CSS_PX = 3;
const MASK = '#5c6670';

/**
 * Draws the chosen element's outline and paints over masked areas on a visible-tab capture. Rects come in CSS
 * pixels of the viewport; the capture is in device pixels, so everything is scaled by the ratio of the two.
 */
export async function annotateScreenshot(capture: Blob, viewportWidth: number, element: ViewportRect | null, masks: readonly ViewportRect[]): Promise<Blob> {
  const bitmap = await createImageBitmap(capture);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const scale = bitmap.width / Math.max(1, viewportWidth);
  context.fillStyle = MASK;
  // Fixed-size masks would still show a value's length; a field's whole box is painted, whatever it holds.
  for (const mask of masks) context.fillRect(mask.x * scale, mask.y * scale, mask.width * scale, mask.height * scale);
  if (element) {
    const inset = (OUTLINE_CSS_PX * scale) / 2;
    context.strokeStyle = OUTLINE;
    context.lineWidth = OUTLINE_CSS_PX * scale;
    context.strokeRect(element.x * scale - inset, element.y * scale - inset, element.width * scale + 2 * inset, element.height * scale + 2 * inset);
  }
  return canvas.convertToBlob({ type: 'image/png' });
}
