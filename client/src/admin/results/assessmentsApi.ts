import { api, unwrap, unwrapDownload } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type AssessmentDto = Schemas['AssessmentDto'];
export type AssessmentItem = Schemas['AssessmentItemDto'];
export type SavedAssessmentsDto = Schemas['SavedAssessmentsDto'];
export type AssessmentImportResultDto = Schemas['AssessmentImportResultDto'];

export function fetchAssessments(campaignId: string): Promise<AssessmentDto[]> {
  return unwrap(api.GET('/api/campaigns/{id}/assessments', { params: { path: { id: campaignId } } }));
}

export function saveAssessments(campaignId: string, items: AssessmentItem[]): Promise<SavedAssessmentsDto> {
  return unwrap(api.PUT('/api/campaigns/{id}/assessments', { params: { path: { id: campaignId } }, body: { items } }));
}

/** Checks (dryRun) or imports the office's file; openapi-fetch sends a FormData body as multipart. */
export function importAssessments(campaignId: string, file: File, dryRun: boolean): Promise<AssessmentImportResultDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/campaigns/{id}/assessments/import', {
      params: { path: { id: campaignId }, query: { dryRun } },
      body: form as unknown as { file: string },
    }),
  );
}

export function downloadAssessments(campaignId: string): Promise<void> {
  return unwrapDownload(api.GET('/api/campaigns/{id}/assessments.xlsx', { params: { path: { id: campaignId } }, parseAs: 'blob' }), 'assessments.xlsx');
}
