import { create } from 'qrcode';

/** A QR code as one SVG path, in modules, with a quiet zone of one module around it. */
export interface QrCodeShape {
  size: number;
  path: string;
}

const QUIET_ZONE = 1;

/**
 * Draws a link's QR code as an SVG path. Inline SVG rather than an <img> of an SVG file:
 * every SVG image is a document of its own for the browser to load, which made a
 * thousand letters take half a minute; a path is just part of the page.
 */
export function qrCodeShape(text: string): QrCodeShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col += 1;
        continue;
      }
      // One rectangle per run of dark modules in a row.
      const start = col;
      while (col < size && data[row * size + col]) col += 1;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`;
    }
  }
  return { size: size + 2 * QUIET_ZONE, path };
}

/** The same QR code as a standalone SVG file, for downloading. */
export function qrCodeSvgFile(shape: QrCodeShape): Blob {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${shape.size} ${shape.size}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${shape.path}" fill="#000"/></svg>`;
  return new Blob([svg], { type: 'image/svg+xml' });
}
