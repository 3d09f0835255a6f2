import { ApiProperty } from '@nestjs/swagger';
import { CAMPAIGN_STATUSES, EVALUATION_KINDS, type CampaignStatus, type EvaluationKind } from '../../campaigns/campaign.entities.js';

export class PublicCampaignDto {
  @ApiProperty() title: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status: CampaignStatus;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) opensAt: string | null;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) closesAt: string | null;
}

export class PublicRaterDto {
  @ApiProperty({ enum: ['enterprise', 'district'] }) type: 'enterprise' | 'district';
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
}

export class PublicQuestionnaireDto {
  @ApiProperty({ format: 'uuid' }) evaluationId: string;
  @ApiProperty({ enum: EVALUATION_KINDS }) kind: EvaluationKind;
  @ApiProperty() title: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: ['not-started', 'draft', 'submitted'] }) status: 'not-started' | 'draft' | 'submitted';
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The SurveyJS JSON as served, targets filled in from the directory.' })
  survey: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Answers to start from (a draft, or prefilled choices).' })
  data: Record<string, unknown> | null;
}

export class PublicLinkDto {
  @ApiProperty({ type: PublicCampaignDto }) campaign: PublicCampaignDto;
  @ApiProperty({ type: PublicRaterDto }) rater: PublicRaterDto;
  @ApiProperty({ type: [PublicQuestionnaireDto] }) questionnaires: PublicQuestionnaireDto[];
}
