import type { Extension } from './browser';

export interface Screenshot {
  /** The data URL's media type, e.g. image/png. */
  type: string;
  width: number;
  height: number;
  /** [r, g, b] of the device pixel at (x, y). */
  pixel: (x: number, y: number) => [number, number, number];
}

/**
 * A feedback report's stored screenshot, fetched the way the Feedback tab does (ui.feedback.screenshot) and decoded
 * by the browser in an extension page; its RGBA pixels come back for the test to look at.
 */
export async function feedbackScreenshot(ext: Extension, reportId: string): Promise<Screenshot> {
  const page = await ext.context.newPage();
  try {
    await page.goto(ext.url('src/ui/options/index.html'));
    const decoded = await page.evaluate(async (id) => {
      const dataUrl = (await chrome.runtime.sendMessage({ type: 'ui.feedback.screenshot', id })).data as string;
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const rgba = context.getImageData(0, 0, image.width, image.height).data;
      let binary = '';
      for (let i = 0; i < rgba.length; i += 0x8000) binary += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
      return { type: /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? '', width: image.width, height: image.height, rgba: btoa(binary) };
    }, reportId);
    const rgba = Buffer.from(decoded.rgba, 'base64');
    return {
      type: decoded.type,
      width: decoded.width,
      height: decoded.height,
      pixel: (x, y) => {
        const i = (Math.round(y) * decoded.width + Math.round(x)) * 4;
        return [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
      },
    };
  } finally {
    await page.close();
  }
}
