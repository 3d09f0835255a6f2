import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { EVALUATION_KINDS, type EvaluationKind } from '../../campaigns/campaign.entities.js';

export class SaveQuestionnaireDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The SurveyJS JSON, bilingual ({ "default": "中文", "en": "English" }); at most 256 KB.' })
  @IsObject()
  survey: Record<string, unknown>;
}

export class QuestionnaireVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When a draft or response first used it; from then on it never changes.' })
  frozenAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Submitted responses on this version.' }) responseCount: number;
  @ApiProperty({ description: 'Drafts on this version, not yet submitted.' }) draftCount: number;
}

export class QuestionnaireVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) frozenAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ enum: EVALUATION_KINDS, enumName: 'EvaluationKind' }) kind: EvaluationKind;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The SurveyJS JSON as saved (the targets are filled in when served).' })
  survey: Record<string, unknown>;
}

export class QuestionnaireProblemDto {
  @ApiProperty({ description: 'Where, as a path from the request body: `survey.pages[1].elements[0].choices[2]`.' }) field: string;
  @ApiProperty({ description: 'In the language the request asked for.' }) message: string;
  @ApiProperty({ type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } })
  messages: { zh: string; en: string };
}

export const SAVE_OUTCOMES = ['created', 'replaced', 'unchanged'] as const;
export type SaveOutcome = (typeof SAVE_OUTCOMES)[number];

export class SavedQuestionnaireDto {
  @ApiProperty({ description: 'True when nothing was written (a check only).' }) dryRun: boolean;
  @ApiProperty({
    enum: SAVE_OUTCOMES,
    description: '`created`: a new version, as the latest one is in use or the campaign has opened; `replaced`: the latest version, still unused in a draft campaign, was changed in place; `unchanged`: the latest version is this JSON already.',
  })
  outcome: SaveOutcome;
  @ApiProperty({ minimum: 1, description: 'The version saved (or that a save would write).' }) version: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for a dry run that would create a version.' }) id: string | null;
  @ApiProperty({ type: [QuestionnaireProblemDto], description: 'What does not stop a save, such as texts without English.' })
  warnings: QuestionnaireProblemDto[];
}
