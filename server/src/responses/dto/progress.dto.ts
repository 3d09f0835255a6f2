import { ApiProperty } from '@nestjs/swagger';
import { EVALUATION_KINDS, type EvaluationKind } from '../../campaigns/campaign.entities.js';

export class ProgressCountsDto {
  @ApiProperty({ description: 'Raters with a working link.' }) invited: number;
  @ApiProperty({ description: 'Opened their link (or went further).' }) opened: number;
  @ApiProperty({ description: 'Have a draft and have submitted nothing yet.' }) draft: number;
  @ApiProperty({ description: 'Submitted at least one rating questionnaire (for an evaluation: submitted it).' }) submitted: number;
  @ApiProperty({ description: 'submitted ÷ invited, 0–1.' }) rate: number;
}

export class EvaluationProgressDto extends ProgressCountsDto {
  @ApiProperty({ format: 'uuid' }) evaluationId: string;
  @ApiProperty({ enum: EVALUATION_KINDS }) kind: EvaluationKind;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
}

export class GroupProgressDto extends ProgressCountsDto {
  @ApiProperty({ description: 'The value grouped by: a district code, an industry, a country or region, a size band ("" when not known).' }) key: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
}

export class ProgressDto {
  @ApiProperty({ type: ProgressCountsDto, description: 'Enterprises and district governments together.' }) overall: ProgressCountsDto;
  @ApiProperty({ type: ProgressCountsDto }) enterprises: ProgressCountsDto;
  @ApiProperty({ type: ProgressCountsDto }) districtGovernments: ProgressCountsDto;
  @ApiProperty({ type: [EvaluationProgressDto] }) byEvaluation: EvaluationProgressDto[];
  @ApiProperty({ type: [GroupProgressDto], description: 'Enterprises by district.' }) byDistrict: GroupProgressDto[];
  @ApiProperty({ type: [GroupProgressDto] }) byIndustry: GroupProgressDto[];
  @ApiProperty({ type: [GroupProgressDto] }) byInvestorCountry: GroupProgressDto[];
  @ApiProperty({ type: [GroupProgressDto] }) bySizeBand: GroupProgressDto[];
  @ApiProperty({ format: 'date-time' }) computedAt: string;
}
