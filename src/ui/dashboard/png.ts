/**
 * A PNG of an SVG document, drawn in this page: the SVG becomes an image from a Blob URL, is painted onto a
 * canvas at `scale`× its size (crisp on high-density screens and in slides), and the canvas is encoded as PNG.
 * The SVG holds no external references or foreignObject, so the canvas stays readable.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const width = Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
  const height = Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
  if (!width || !height) throw new Error('The map image has no size.');
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Canvas drawing is not available.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
