import type { QrCodeShape } from './qrCodeShape';

/** A QR code drawn inline; its size comes from the CSS class. */
export function QrCode({ shape, label, className }: { shape: QrCodeShape; label: string; className?: string }) {
  return (
    <svg
      viewBox={`0 0 ${shape.size} ${shape.size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      className={className}
    >
      <rect width={shape.size} height={shape.size} fill="#fff" />
      <path d={shape.path} fill="#000" />
    </svg>
  );
}
