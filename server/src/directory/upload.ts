import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError, ErrorCode, type LocalisedText, type RowError } from '../common/errors.js';
import { mapHeaders, readTable, TableError, type ColumnSpec, type Table } from '../common/tabular.js';

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

/** The uploaded file as a table, or the file's problem in the API's error shape. */
export async function readUploadedTable(file: UploadedFile): Promise<Table> {
  try {
    return await readTable(file.buffer, file.originalname);
  } catch (error) {
    if (!(error instanceof TableError)) throw error;
    const code =
      error.code === 'unsupported-type' ? ErrorCode.FileUnsupported
      : error.code === 'too-many-rows' ? ErrorCode.TooManyRows
      : ErrorCode.FileUnreadable;
    // The reader's own words say what exactly is wrong (an unclosed quote on row 12, a password-protected file…).
    throw new AppError(code, { errors: [{ field: 'file', message: error.messages.en, messages: error.messages }] });
  }
}

/** At most this many row errors are returned; the message says when there were more. */
export const MAX_REPORTED_ERRORS = 1000;

export function rowError(row: number, column: string, messages: LocalisedText): RowError {
  return { row, column, messages };
}

/**
 * Where each column of an uploaded table is, by its heading. A required column that no heading
 * names, or a file without data rows, answers 422 before any row is read.
 */
export function locateColumns<T extends ColumnSpec & { headerZh: string }>(table: Table, columns: readonly T[]): Map<string, number> {
  const { indexByKey, missing } = mapHeaders(table.headers, columns);
  if (missing.length > 0) {
    throw new AppError(ErrorCode.ImportInvalid, {
      errors: (missing as T[]).map((spec) => rowError(table.headerRowNumber, spec.key, { zh: `缺少必填列“${spec.headerZh}”（${spec.key}）`, en: `the required column "${spec.key}" is missing` })),
    });
  }
  if (table.rows.length === 0) {
    throw new AppError(ErrorCode.ImportInvalid, { errors: [rowError(table.headerRowNumber + 1, '', { zh: '文件中没有数据行', en: 'the file has no data rows' })] });
  }
  return indexByKey;
}
