import { api, unwrap, unwrapDownload } from '../../api/client';
import type { components, operations } from '../../api/schema';

type Schemas = components['schemas'];

export type CaseDto = Schemas['CaseDto'];
export type CaseDetailDto = Schemas['CaseDetailDto'];
export type CaseEventDto = Schemas['CaseEventDto'];
export type CaseUnitDto = Schemas['CaseUnitDto'];
export type CaseStatus = CaseDto['status'];
export type CaseSource = CaseDto['source'];
export type CaseAction = CaseDto['allowedActions'][number];
export type CaseActionInput = Schemas['CaseActionDto'];
export type CreateCaseInput = Schemas['CreateCaseDto'];
export type CaseFiguresDto = Schemas['CaseFiguresDto'];
export type UnitCaseFiguresDto = Schemas['UnitCaseFiguresDto'];
export type CalendarYearDto = Schemas['CalendarYearDto'];
export type CalendarYearInput = Schemas['CalendarYearInputDto'];
export type CaseListQuery = NonNullable<operations['listCases']['parameters']['query']>;
export interface CasePeriod {
  from?: string;
  to?: string;
}

export function fetchCases(campaignId: string, query: CaseListQuery = {}): Promise<CaseDto[]> {
  return unwrap(api.GET('/api/campaigns/{id}/cases', { params: { path: { id: campaignId }, query } }));
}

export function fetchCase(caseId: string): Promise<CaseDetailDto> {
  return unwrap(api.GET('/api/cases/{caseId}', { params: { path: { caseId } } }));
}

export function actOnCase(caseId: string, action: CaseAction, input: CaseActionInput): Promise<CaseDetailDto> {
  return unwrap(api.POST('/api/cases/{caseId}/{action}', { params: { path: { caseId, action } }, body: input }));
}

export function createCase(campaignId: string, input: CreateCaseInput): Promise<CaseDetailDto> {
  return unwrap(api.POST('/api/campaigns/{id}/cases', { params: { path: { id: campaignId } }, body: input }));
}

export function fetchCaseFigures(campaignId: string, period: CasePeriod): Promise<CaseFiguresDto> {
  return unwrap(api.GET('/api/campaigns/{id}/case-figures', { params: { path: { id: campaignId }, query: period } }));
}

export function downloadCases(campaignId: string, period: CasePeriod): Promise<void> {
  return unwrapDownload(api.GET('/api/campaigns/{id}/cases.xlsx', { params: { path: { id: campaignId }, query: period }, parseAs: 'blob' }), 'cases.xlsx');
}

export function fetchCalendarYears(): Promise<CalendarYearDto[]> {
  return unwrap(api.GET('/api/working-day-calendar'));
}

export function saveCalendarYear(year: number, input: CalendarYearInput): Promise<CalendarYearDto> {
  return unwrap(api.PUT('/api/working-day-calendar/{year}', { params: { path: { year } }, body: input }));
}

export function resetCalendarYear(year: number): Promise<CalendarYearDto> {
  return unwrap(api.DELETE('/api/working-day-calendar/{year}', { params: { path: { year } } }));
}

export type CaseCategoryListItemDto = Schemas['CaseCategoryListItemDto'];
export type CreateCaseCategoryInput = Schemas['CreateCaseCategoryDto'];
export type UpdateCaseCategoryInput = Schemas['UpdateCaseCategoryDto'];

export function fetchCaseCategories(): Promise<CaseCategoryListItemDto[]> {
  return unwrap(api.GET('/api/case-categories'));
}

export function createCaseCategory(input: CreateCaseCategoryInput): Promise<CaseCategoryListItemDto> {
  return unwrap(api.POST('/api/case-categories', { body: input }));
}

export function updateCaseCategory(code: string, input: UpdateCaseCategoryInput): Promise<CaseCategoryListItemDto> {
  return unwrap(api.PATCH('/api/case-categories/{code}', { params: { path: { code } }, body: input }));
}
