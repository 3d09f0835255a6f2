import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError, ErrorCode } from '../common/errors.js';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const single = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } }).single('file');

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
}

/**
 * Reads the multipart `file` field into memory, with limits whose failures answer in the
 * API's error shape (Nest's FileInterceptor would answer a generic 413 about 1 MB bodies).
 */
export function receiveFile(req: Request, res: Response): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    single(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        return reject(new AppError(error.code === 'LIMIT_FILE_SIZE' ? ErrorCode.FileTooLarge : ErrorCode.BadRequest));
      }
      if (error) return reject(error instanceof AppError ? error : new AppError(ErrorCode.BadRequest));
      const file = (req as Request & { file?: UploadedFile }).file;
      if (!file || file.buffer.length === 0) return reject(new AppError(ErrorCode.FileMissing));
      resolve({ buffer: file.buffer, originalname: Buffer.from(file.originalname, 'latin1').toString('utf8') });
    });
  });
}
