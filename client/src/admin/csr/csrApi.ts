import { api, unwrap, unwrapDownload } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type CsrDeclarationDto = Schemas['CsrDeclarationDto'];
export type CsrFigureStateDto = Schemas['CsrFigureStateDto'];
export type CsrFigureName = Schemas['CsrFigureName'];
export type CsrFigureSource = Schemas['CsrFigureSource'];
export type CsrFigureValue = NonNullable<CsrFigureStateDto['value']>;
export type CsrImportResultDto = Schemas['CsrImportResultDto'];
export type CsrResultsDto = Schemas['CsrResultsDto'];
export type CsrEnterpriseResultDto = Schemas['CsrEnterpriseResultDto'];
export type CsrIndicator = CsrResultsDto['indicators'][number];
export type SizeBand = Schemas['SizeBand'];

/** The office's check of one figure: the declared value confirmed, or replaced with a reason. */
export type CsrFigureCheck = Schemas['CsrFigureCheckDto'];

export function fetchDeclarations(campaignId: string): Promise<CsrDeclarationDto[]> {
  return unwrap(api.GET('/api/campaigns/{id}/csr/declarations', { params: { path: { id: campaignId } } }));
}

/** Verifies or corrects a figure; answers the declaration as it now stands. */
export function checkFigure(campaignId: string, uscc: string, figure: CsrFigureName, check: CsrFigureCheck): Promise<CsrDeclarationDto> {
  return unwrap(api.PUT('/api/campaigns/{id}/csr/declarations/{uscc}/figures/{figure}', { params: { path: { id: campaignId, uscc, figure } }, body: check }));
}

/** The declared figure counts again. */
export function resetFigure(campaignId: string, uscc: string, figure: CsrFigureName): Promise<CsrDeclarationDto> {
  return unwrap(api.DELETE('/api/campaigns/{id}/csr/declarations/{uscc}/figures/{figure}', { params: { path: { id: campaignId, uscc, figure } } }));
}

/** Checks (dryRun) or imports the authorities' file; openapi-fetch sends a FormData body as multipart. */
export function importAuthoritative(campaignId: string, file: File, dryRun: boolean): Promise<CsrImportResultDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/campaigns/{id}/csr/authoritative/import', {
      params: { path: { id: campaignId }, query: { dryRun } },
      body: form as unknown as { file: string },
    }),
  );
}

export function downloadDeclarations(campaignId: string): Promise<void> {
  return unwrapDownload(api.GET('/api/campaigns/{id}/csr/declarations.xlsx', { params: { path: { id: campaignId } }, parseAs: 'blob' }), 'csr-declarations.xlsx');
}

/** The authorities' file to fill in: the declaring enterprises by USCC, a column per figure, and the rules. */
export function downloadAuthoritativeTemplate(campaignId: string): Promise<void> {
  return unwrapDownload(
    api.GET('/api/campaigns/{id}/csr/authoritative-template.xlsx', { params: { path: { id: campaignId } }, parseAs: 'blob' }),
    'csr-authoritative-template.xlsx',
  );
}
