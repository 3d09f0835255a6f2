import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';
import { EVALUATION_KINDS, type EvaluationKind } from '../../campaigns/campaign.entities.js';
import { CsrResultsDto } from '../../csr/dto/csr.dto.js';

const nullableNumber = { type: Number, nullable: true } as const;
const interval: ApiPropertyOptions = { type: [Number], nullable: true, minItems: 2, maxItems: 2, description: '[lower, upper]' };
const counts = { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'number' } } } as const;

/** One target's result in one evaluation: SCORING.md §6. */
export class TargetResultDto {
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() category: string;
  @ApiProperty({ description: 'Ballots with at least one valid answer for this target.' }) n: number;
  @ApiProperty({ description: 'Ballots that rated this target at all, even with 不了解 only.' }) seen: number;
  @ApiProperty(nullableNumber) coverage: number | null;
  @ApiProperty({ ...nullableNumber, description: 'S, 0–100.' }) score: number | null;
  @ApiProperty({ ...nullableNumber, description: 'S*, shrunk towards the category mean.' }) shrunkScore: number | null;
  @ApiProperty({ ...interval, description: '[lower, upper]: the bootstrap interval of S* (the rank interval\'s coverage, 90% by default); null where the evaluation is not resampled.' })
  shrunkScoreInterval: [number, number] | null;
  @ApiProperty(nullableNumber) satisfactionRate: number | null;
  @ApiProperty(interval) satisfactionCi: [number, number] | null;
  @ApiProperty(nullableNumber) dissatisfactionRate: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true }, description: 'Criterion means; empty where fewer than 5 ballots back them.' })
  criteria: Record<string, number | null>;
  @ApiProperty({ ...counts, description: 'Answers per criterion and code; empty where fewer than 5 ballots back them.' })
  answerCounts: Record<string, Record<string, number>>;
  @ApiProperty() ranked: boolean;
  @ApiProperty(nullableNumber) composite: number | null;
  @ApiProperty(nullableNumber) rank: number | null;
  @ApiProperty(interval) rankInterval: [number, number] | null;
  @ApiProperty(nullableNumber) pInQuota: number | null;
  @ApiProperty() awarded: boolean;
  @ApiProperty({ type: [String] }) flags: string[];
  @ApiProperty({ ...nullableNumber, description: 'S in the previous campaign with results, when there is one.' }) previousScore: number | null;
}

export class EvaluationResultDto {
  @ApiProperty({ format: 'uuid' }) evaluationId: string;
  @ApiProperty({ enum: EVALUATION_KINDS, enumName: 'EvaluationKind' }) kind: EvaluationKind;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: ['enterprise', 'district'] }) raterGroup: 'enterprise' | 'district';
  @ApiProperty({ enum: ['department', 'district'] }) targetGroup: 'department' | 'district';
  @ApiProperty({ description: 'Raters invited.' }) invited: number;
  @ApiProperty({ description: 'Ballots submitted and not voided.' }) ballots: number;
  @ApiProperty() voided: number;
  @ApiProperty() quorumMet: boolean;
  @ApiProperty() k: number;
  @ApiProperty() kEstimated: boolean;
  @ApiProperty({ ...nullableNumber, description: 'Pooled within-target standard deviation of ballot target scores (σ): the funnel plot\'s limits are mean ± z·σ/√n.' })
  withinSd: number | null;
  @ApiProperty({ type: [String] }) criteria: string[];
  @ApiProperty({ type: [TargetResultDto] }) targets: TargetResultDto[];
}

export class CompositeComponentsDto {
  @ApiProperty(nullableNumber) enterprises: number | null;
  @ApiProperty(nullableNumber) districts: number | null;
  @ApiProperty(nullableNumber) inspection: number | null;
  @ApiProperty(nullableNumber) objective: number | null;
}

export class CompositeWeightsDto {
  @ApiProperty() enterprises: number;
  @ApiProperty() districts: number;
  @ApiProperty() inspection: number;
  @ApiProperty() objective: number;
}

export class SensitivityDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true } }) ranks: Record<string, number | null>;
  @ApiProperty(interval) rankRange: [number, number] | null;
}

export class CompositeResultDto {
  @ApiProperty({ enum: ['department', 'district'] }) unitType: 'department' | 'district';
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: CompositeComponentsDto }) components: CompositeComponentsDto;
  @ApiProperty({ type: CompositeWeightsDto }) weights: CompositeWeightsDto;
  @ApiProperty() deduction: number;
  @ApiProperty(nullableNumber) composite: number | null;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: String, nullable: true }) vetoReason: string | null;
  @ApiProperty(nullableNumber) rank: number | null;
  @ApiProperty(interval) rankInterval: [number, number] | null;
  @ApiProperty(nullableNumber) pInQuota: number | null;
  @ApiProperty({ description: 'Proposed by the rules.' }) inQuota: boolean;
  @ApiProperty({ type: SensitivityDto }) sensitivity: SensitivityDto;
  @ApiProperty({ type: [String] }) flags: string[];
}

export const AWARD_UNIT_TYPES = ['department', 'district', 'enterprise'] as const;
export type AwardUnitType = (typeof AWARD_UNIT_TYPES)[number];
/** The one category of 社会责任先进企业: applicants of every size band are ranked together. */
export const CSR_CATEGORY = '外商投资企业';

export class CategoryResultDto {
  @ApiProperty({ enum: AWARD_UNIT_TYPES }) unitType: AwardUnitType;
  @ApiProperty() category: string;
  @ApiProperty() eligible: number;
  @ApiProperty() quota: number;
}

export const AWARD_KINDS = ['service-unit', 'investment-district', 'csr-enterprise'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

export class AwardDto {
  @ApiProperty({ enum: AWARD_KINDS, description: 'service-unit 优质服务单位; investment-district 投资环境优秀区域; csr-enterprise 社会责任先进企业.' }) award: AwardKind;
  @ApiProperty({ enum: AWARD_UNIT_TYPES }) unitType: AwardUnitType;
  @ApiProperty({ description: 'Department or district code; an enterprise\'s USCC.' }) code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() category: string;
  @ApiProperty(nullableNumber) rank: number | null;
  @ApiProperty(nullableNumber) composite: number | null;
  @ApiProperty(nullableNumber) pInQuota: number | null;
  @ApiProperty({ description: 'What the rules propose.' }) proposed: boolean;
  @ApiProperty({ description: 'The decision: the proposal unless the office overrode it.' }) awarded: boolean;
  @ApiProperty({ type: String, nullable: true }) overrideReason: string | null;
  @ApiProperty({ type: [String] }) flags: string[];
}

export class QualityFlagDto {
  @ApiProperty({ format: 'uuid' }) evaluationId: string;
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty() receipt: string;
  @ApiProperty({ enum: ['straight-lining', 'speeding', 'duplicate'] }) kind: 'straight-lining' | 'speeding' | 'duplicate';
  @ApiProperty(nullableNumber) share: number | null;
  @ApiProperty(nullableNumber) seconds: number | null;
  @ApiProperty(nullableNumber) medianSeconds: number | null;
  @ApiProperty({ type: String, nullable: true }) otherReceipt: string | null;
  @ApiProperty({ description: 'Voided since (then it no longer counts).' }) voided: boolean;
}

export class ResultsDto {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() campaignTitle: string;
  @ApiProperty() year: number;
  @ApiProperty() campaignStatus: string;
  @ApiProperty() configHash: string;
  @ApiProperty({ format: 'date-time' }) computedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) config: Record<string, unknown>;
  @ApiProperty({ type: [EvaluationResultDto] }) evaluations: EvaluationResultDto[];
  @ApiProperty({ type: [CompositeResultDto] }) composite: CompositeResultDto[];
  @ApiProperty({ type: [CategoryResultDto] }) categories: CategoryResultDto[];
  @ApiProperty({ type: [AwardDto] }) awards: AwardDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) awardsConfirmedAt: string | null;
  @ApiProperty({ type: [QualityFlagDto] }) dataQuality: QualityFlagDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Title of the previous campaign compared with.' }) previousCampaign: string | null;
  @ApiProperty({ type: CsrResultsDto, nullable: true, description: '社会责任先进企业 (SCORING.md §4); null for department and district users and where the campaign has no declaration.' })
  csr: CsrResultsDto | null;
}

export class ComputationDto {
  @ApiProperty({ enum: ['idle', 'running', 'done', 'failed'] }) status: 'idle' | 'running' | 'done' | 'failed';
  @ApiProperty() phase: string;
  @ApiProperty() done: number;
  @ApiProperty() total: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

export class AwardOverrideDto {
  @ApiProperty() @IsBoolean() awarded: boolean;
  @ApiProperty({ description: 'Why the office decides against the rules; required, kept in the audit log.' })
  @IsString() @MinLength(2, { message: 'reason must say why (at least 2 characters)' }) @MaxLength(2000)
  reason: string;
}

export class PublicAwardDto {
  @ApiProperty({ enum: AWARD_KINDS }) award: AwardKind;
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() category: string;
  @ApiProperty(nullableNumber) rank: number | null;
  @ApiProperty(nullableNumber) composite: number | null;
}

export class PublicResultsDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: [PublicAwardDto] }) awards: PublicAwardDto[];
  @ApiProperty({ type: [CategoryResultDto] }) categories: CategoryResultDto[];
}
