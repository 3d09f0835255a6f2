import { currentLanguage } from '../i18n';
import { apiErrorFromBody, networkFailure } from './errors';
import type { DirectoryKind, ImportResultDto } from './models';

export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes to send; 0 while the browser does not know. */
  total: number;
}

const IMPORT_PATH = '/api/directory/import';

/**
 * Uploads a list for import, as multipart `file` + `kind`. XMLHttpRequest rather than
 * fetch because only it reports upload progress, which matters for a 20 MB workbook.
 * Failures reject with ApiError, like the typed client's calls.
 */
export function importDirectoryFile(
  kind: DirectoryKind,
  file: File,
  options: { dryRun: boolean; onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal },
): Promise<ImportResultDto> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', options.dryRun ? `${IMPORT_PATH}?dryRun=true` : IMPORT_PATH);
    request.withCredentials = true;
    request.responseType = 'text';
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', currentLanguage());
    request.upload.onprogress = (event) => options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    request.onload = () => {
      let body: unknown = null;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as ImportResultDto);
      else reject(apiErrorFromBody(request.status, body));
    };
    request.onerror = () => reject(networkFailure(new Error('upload failed')));
    request.onabort = () => reject(networkFailure(new DOMException('upload aborted', 'AbortError')));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });

    const form = new FormData();
    // The kind goes first: the server reads the fields before the file.
    form.append('kind', kind);
    form.append('file', file, file.name);
    request.send(form);
  });
}
