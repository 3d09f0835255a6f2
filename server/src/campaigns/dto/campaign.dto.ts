import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CAMPAIGN_STATUSES, EVALUATION_KINDS, type CampaignStatus, type EvaluationKind } from '../campaign.entities.js';

export class CreateCampaignDto {
  @ApiProperty({ example: '2026 外商投资企业服务月' })
  @IsString() @MinLength(2) @MaxLength(200)
  title: string;

  @ApiProperty({ example: 2026 })
  @IsInt() @Min(2000) @Max(2100)
  year: number;

  @ApiProperty({ enum: ['service-month'] })
  @IsIn(['service-month'])
  template: 'service-month';

  @ApiProperty({ required: false, description: 'Used in the public results address; made from the year when omitted.', example: '2026-service-month' })
  @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{2,63}$/, { message: 'slug must be 3–64 lower-case letters, digits or dashes' })
  slug?: string;

  @ApiProperty({ required: false, format: 'date-time' })
  @IsOptional() @IsDateString()
  opensAt?: string;

  @ApiProperty({ required: false, format: 'date-time' })
  @IsOptional() @IsDateString()
  closesAt?: string;
}

export class UpdateCampaignDto {
  @ApiProperty({ required: false })
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200)
  title?: string;

  @ApiProperty({ required: false, format: 'date-time', nullable: true, type: String })
  @IsOptional() @IsDateString()
  opensAt?: string | null;

  @ApiProperty({ required: false, format: 'date-time', nullable: true, type: String })
  @IsOptional() @IsDateString()
  closesAt?: string | null;
}

export class EvaluationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVALUATION_KINDS, enumName: 'EvaluationKind' }) kind: EvaluationKind;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: ['enterprise', 'district'] }) raterGroup: 'enterprise' | 'district';
  @ApiProperty({ enum: ['department', 'district'], nullable: true, type: String }) targetGroup: 'department' | 'district' | null;
  @ApiProperty() targetCount: number;
  @ApiProperty() questionnaireVersion: number;
}

export class CampaignDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: CAMPAIGN_STATUSES, enumName: 'CampaignStatus' }) status: CampaignStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) opensAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closesAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) openedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [EvaluationDto] }) evaluations: EvaluationDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The scoring configuration (SCORING.md), frozen once the campaign opens.' })
  scoringConfig: Record<string, unknown>;
}
