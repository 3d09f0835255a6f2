import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CSR_FIGURE_NAMES, CSR_INDICATORS, SIZE_BANDS, type CsrFigureName, type CsrIndicator, type FigureSource, type SizeBand } from '../../scoring/csr-scoring.js';
import type { FigureValue } from '../csr-figures.js';

export const FIGURE_SOURCES = ['declared', 'verified', 'corrected', 'authoritative'] as const;

/** A number, a yes/no, or a list of certification codes; null where there is none. */
const figureValue: ApiPropertyOptions = {
  oneOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
  nullable: true,
  description: 'A number, true/false, or certification codes (env_certifications).',
};
const nullableNumber = { type: Number, nullable: true } as const;
const nullableString = { type: String, nullable: true } as const;

/** One figure of one declaration as the office sees it: declared, and what counts now. */
export class CsrFigureStateDto {
  @ApiProperty({ enum: CSR_FIGURE_NAMES, enumName: 'CsrFigureName' }) figure: CsrFigureName;
  @ApiProperty({ ...figureValue, description: 'As the enterprise declared it.' }) declared: FigureValue | null;
  @ApiProperty({ ...figureValue, description: 'As it counts in the scoring.' }) value: FigureValue | null;
  @ApiProperty({ enum: FIGURE_SOURCES, enumName: 'CsrFigureSource' }) source: (typeof FIGURE_SOURCES)[number];
  @ApiProperty({ ...figureValue, description: 'What counted before the last change.' }) previous: FigureValue | null;
  @ApiProperty({ ...nullableString, description: 'The office\'s reason for a correction.' }) reason: string | null;
  @ApiProperty({ ...nullableString, description: 'The authority of an imported figure.' }) authority: string | null;
  @ApiProperty({ ...nullableString, format: 'date-time' }) updatedAt: string | null;
}

export class CsrDeclarationDto {
  @ApiProperty() uscc: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty(nullableString) districtCode: string | null;
  @ApiProperty({ enum: SIZE_BANDS, enumName: 'SizeBand', nullable: true, description: 'From the directory; without it the enterprise cannot be ranked.' }) sizeBand: SizeBand | null;
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty() receipt: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ description: 'Voided declarations take no part in the selection.' }) voided: boolean;
  @ApiProperty({ type: [CsrFigureStateDto] }) figures: CsrFigureStateDto[];
}

export class CsrFigureCheckDto {
  @ApiProperty({ enum: ['verify', 'correct'], description: 'verify: the declared figure is right; correct: it is replaced by `value`, with a reason.' })
  @IsIn(['verify', 'correct'], { message: 'action must be verify or correct' })
  action: 'verify' | 'correct';

  @ApiPropertyOptional({ ...figureValue, description: 'The corrected figure (correct only).' })
  @IsOptional()
  value?: unknown;

  @ApiPropertyOptional({ description: 'Why the figure is corrected; required for a correction, kept in the audit log.' })
  @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;
}

export class CsrImportResultDto {
  @ApiProperty({ description: 'Rows read, one per enterprise.' }) enterprises: number;
  @ApiProperty({ description: 'Figures in the file.' }) figures: number;
  @ApiProperty({ description: 'Figures that now count differently.' }) changed: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ type: [String], description: 'USCCs of enterprises without a submitted declaration: their figures wait for one.' }) withoutDeclaration: string[];
  @ApiProperty() dryRun: boolean;
}

// ---------------------------------------------------------------------------------------------
// The selection, as the results carry it

export class CsrFigureDto {
  @ApiProperty(figureValue) value: FigureValue | null;
  @ApiProperty({ enum: FIGURE_SOURCES, enumName: 'CsrFigureSource' }) source: (typeof FIGURE_SOURCES)[number];
}

export class CsrIndicatorResultDto {
  @ApiProperty({ ...nullableNumber, description: 'ln(1 + tax paid), ln(1 + employees), donations ÷ revenue, or the rule points.' }) basis: number | null;
  @ApiProperty({ ...nullableNumber, description: '0–100.' }) score: number | null;
  @ApiProperty(nullableNumber) z: number | null;
  @ApiProperty({ description: 'Share in the composite after renormalising over the indicators present.' }) weight: number;
}

export class CsrIndicatorsDto {
  @ApiProperty({ type: CsrIndicatorResultDto }) environment: CsrIndicatorResultDto;
  @ApiProperty({ type: CsrIndicatorResultDto }) labour: CsrIndicatorResultDto;
  @ApiProperty({ type: CsrIndicatorResultDto }) employment: CsrIndicatorResultDto;
  @ApiProperty({ type: CsrIndicatorResultDto }) tax: CsrIndicatorResultDto;
  @ApiProperty({ type: CsrIndicatorResultDto }) charity: CsrIndicatorResultDto;
}

export class CsrRunResultDto {
  @ApiProperty(nullableNumber) composite: number | null;
  @ApiProperty(nullableNumber) rank: number | null;
}

export class CsrSensitivityDto {
  @ApiProperty({ type: CsrRunResultDto }) zScore: CsrRunResultDto;
  @ApiProperty({ type: CsrRunResultDto }) equalWeights: CsrRunResultDto;
  @ApiProperty({ type: [Number], nullable: true, minItems: 2, maxItems: 2, description: '[best, worst] of the three ranks.' }) rankRange: [number, number] | null;
}

export class CsrEnterpriseResultDto {
  @ApiProperty() uscc: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: SIZE_BANDS, enumName: 'SizeBand' }) sizeBand: SizeBand;
  @ApiProperty({
    type: 'object', additionalProperties: { $ref: '#/components/schemas/CsrFigureDto' },
    description: 'The figures that count otherwise than as declared (verified, corrected, from an authority), with their values; every figure is in GET …/csr/declarations.',
  })
  figures: Partial<Record<CsrFigureName, CsrFigureDto>>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: ['missing', 'invalid'] }, description: 'Figures the scoring could not use.' })
  figureProblems: Partial<Record<CsrFigureName, 'missing' | 'invalid'>>;
  @ApiProperty({ type: [String] }) vetoReasons: string[];
  @ApiProperty({ type: CsrIndicatorsDto, nullable: true, description: 'Null for a vetoed enterprise.' }) indicators: Record<CsrIndicator, CsrIndicatorResultDto> | null;
  @ApiProperty(nullableNumber) composite: number | null;
  @ApiProperty(nullableNumber) rank: number | null;
  @ApiProperty({ type: CsrSensitivityDto }) sensitivity: CsrSensitivityDto;
  @ApiProperty({ description: 'Proposed by the rules.' }) proposed: boolean;
  @ApiProperty({ type: [String] }) flags: string[];
}

export class CsrBasisStatisticsDto {
  @ApiProperty() n: number;
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty() mean: number;
  @ApiProperty() sd: number;
}

export class CsrBandStatisticsDto {
  @ApiProperty({ type: CsrBasisStatisticsDto, nullable: true }) environment: CsrBasisStatisticsDto | null;
  @ApiProperty({ type: CsrBasisStatisticsDto, nullable: true }) labour: CsrBasisStatisticsDto | null;
  @ApiProperty({ type: CsrBasisStatisticsDto, nullable: true }) employment: CsrBasisStatisticsDto | null;
  @ApiProperty({ type: CsrBasisStatisticsDto, nullable: true }) tax: CsrBasisStatisticsDto | null;
  @ApiProperty({ type: CsrBasisStatisticsDto, nullable: true }) charity: CsrBasisStatisticsDto | null;
}

export class CsrBandResultDto {
  @ApiProperty({ enum: SIZE_BANDS, enumName: 'SizeBand' }) sizeBand: SizeBand;
  @ApiProperty() applicants: number;
  @ApiProperty() vetoed: number;
  @ApiProperty() ranked: number;
  @ApiProperty({ type: CsrBandStatisticsDto }) indicators: CsrBandStatisticsDto;
}

export class CsrProposalDto {
  @ApiProperty({ enum: ['count', 'share'] }) basis: 'count' | 'share';
  @ApiProperty({ description: 'N.' }) count: number;
  @ApiProperty({ description: 'Proposed: N, or more on a tie at the boundary.' }) proposed: number;
}

export class CsrUnplacedDto {
  @ApiProperty() uscc: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
}

export class CsrResultsDto {
  @ApiProperty({ format: 'uuid' }) evaluationId: string;
  @ApiProperty({ description: 'Declarations submitted and not voided.' }) declarations: number;
  @ApiProperty() ranked: number;
  @ApiProperty({ type: CsrProposalDto }) proposal: CsrProposalDto;
  @ApiProperty({ type: [CsrBandResultDto] }) bands: CsrBandResultDto[];
  @ApiProperty({ type: [CsrEnterpriseResultDto], description: 'Ranked by rank, then the unranked, then the vetoed.' }) enterprises: CsrEnterpriseResultDto[];
  @ApiProperty({ type: [CsrUnplacedDto], description: 'Declarations of enterprises with no size band in the directory: not scored until it is filled in.' }) unplaced: CsrUnplacedDto[];
  @ApiProperty({ enum: CSR_INDICATORS, isArray: true }) indicators: CsrIndicator[];
}
