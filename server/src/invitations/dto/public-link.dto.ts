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
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The answers so far (a draft, or what was submitted), or prefilled choices.' })
  data: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, description: 'The receipt code, once submitted.' }) receipt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the draft or the submission was last saved.' }) savedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
}

export class PublicLinkDto {
  @ApiProperty({ type: PublicCampaignDto }) campaign: PublicCampaignDto;
  @ApiProperty({ type: PublicRaterDto }) rater: PublicRaterDto;
  @ApiProperty({ type: [PublicQuestionnaireDto] }) questionnaires: PublicQuestionnaireDto[];
}
