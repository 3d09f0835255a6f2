import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Names a download: an ASCII name for old clients (headers must be ASCII) and the
 * Chinese name as RFC 5987 `filename*`, which browsers prefer.
 */
export function attachment(res: Response, asciiName: string, displayName = asciiName): void {
  res.setHeader('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(displayName)}`);
}

export function xlsxDownload(res: Response, buffer: Buffer, asciiName: string, displayName?: string): StreamableFile {
  attachment(res, `${asciiName}.xlsx`, displayName ? `${displayName}.xlsx` : undefined);
  return new StreamableFile(buffer, { type: XLSX_TYPE });
}
