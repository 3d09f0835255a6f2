import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type QuestionnaireVersionSummaryDto = Schemas['QuestionnaireVersionSummaryDto'];
export type QuestionnaireVersionDto = Schemas['QuestionnaireVersionDto'];
export type SavedQuestionnaireDto = Schemas['SavedQuestionnaireDto'];
export type QuestionnaireProblemDto = Schemas['QuestionnaireProblemDto'];
export type SurveyJson = Record<string, unknown>;

/** The versions of an evaluation's questionnaire, newest first. */
export function fetchQuestionnaireVersions(evaluationId: string): Promise<QuestionnaireVersionSummaryDto[]> {
  return unwrap(api.GET('/api/evaluations/{id}/questionnaires', { params: { path: { id: evaluationId } } }));
}

export function fetchQuestionnaireVersion(evaluationId: string, version: number): Promise<QuestionnaireVersionDto> {
  return unwrap(api.GET('/api/evaluations/{id}/questionnaires/{version}', { params: { path: { id: evaluationId, version } } }));
}

/** Saves the questionnaire, or with `dryRun` only checks it and says what a save would do. */
export function saveQuestionnaire(evaluationId: string, survey: SurveyJson, dryRun = false): Promise<SavedQuestionnaireDto> {
  return unwrap(
    api.POST('/api/evaluations/{id}/questionnaires', {
      params: { path: { id: evaluationId }, query: dryRun ? { dryRun: true } : {} },
      body: { survey },
    }),
  );
}
