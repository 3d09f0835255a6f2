import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';

export const UNIT_TYPES = ['department', 'district'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** The most units one save may carry: more than any city's directory. */
export const MAX_ASSESSMENT_ITEMS = 2000;
/** The longest reason of a veto. */
export const MAX_VETO_REASON = 2000;

const score = (description: string) => ({ type: Number, nullable: true, minimum: 0, maximum: 100, description });

/** A department or district of the directory with what the office entered for it in the campaign. */
export class AssessmentDto {
  @ApiProperty({ enum: UNIT_TYPES }) unitType: UnitType;
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ description: 'The category the unit is ranked in: a department\'s own, or 县(市)、区 / 开发区 for a district.' }) category: string;
  @ApiProperty(score('责任书检查')) inspectionScore: number | null;
  @ApiProperty(score('自查; departments only.')) selfInspectionScore: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: '自查材料齐全; false when not entered; null for a district.' }) selfInspectionComplete: boolean | null;
  @ApiProperty(score('A district\'s objective indicators as entered; null: computed from its cases. Districts only.')) objectiveScore: number | null;
  @ApiProperty({ type: String, nullable: true, description: '一票否决: the reason; null when the unit is not vetoed.' }) vetoReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Last change; null when nothing was ever entered.' }) updatedAt: string | null;
}

/**
 * One unit's changes. Only the envelope is checked here: the values are checked by the
 * service, which answers 422 naming each bad item and field (items[3].inspectionScore).
 */
export class AssessmentItemDto {
  @ApiProperty({ enum: UNIT_TYPES }) @Allow() unitType: UnitType;
  @ApiProperty() @Allow() code: string;
  @ApiProperty({ ...score('Omit to keep; null clears.'), required: false }) @Allow() inspectionScore?: number | null;
  @ApiProperty({ ...score('Departments only. Omit to keep; null clears.'), required: false }) @Allow() selfInspectionScore?: number | null;
  @ApiProperty({ type: Boolean, nullable: true, required: false, description: 'Departments only. Omit to keep; null is false.' }) @Allow() selfInspectionComplete?: boolean | null;
  @ApiProperty({ ...score('Districts only. Omit to keep; null: computed from the district\'s cases.'), required: false }) @Allow() objectiveScore?: number | null;
  @ApiProperty({ type: String, nullable: true, required: false, minLength: 1, maxLength: MAX_VETO_REASON, description: 'Omit to keep; null lifts the veto.' })
  @Allow()
  vetoReason?: string | null;
}

export class SaveAssessmentsDto {
  @ApiProperty({ type: [AssessmentItemDto], maxItems: MAX_ASSESSMENT_ITEMS })
  @IsArray() @ArrayMaxSize(MAX_ASSESSMENT_ITEMS) @ValidateNested({ each: true }) @Type(() => AssessmentItemDto)
  items: AssessmentItemDto[];
}

export class AssessmentCountsDto {
  @ApiProperty({ description: 'Units whose values changed (or would change, on a dry run).' }) updated: number;
  @ApiProperty({ description: 'Units given with the values they already had.' }) unchanged: number;
}

export class SavedAssessmentsDto extends AssessmentCountsDto {
  @ApiProperty({ type: [AssessmentDto], description: 'Every unit after the save, as the list returns them.' }) assessments: AssessmentDto[];
}

export class AssessmentImportResultDto extends AssessmentCountsDto {
  @ApiProperty({ description: 'True when nothing was written (preview).' }) dryRun: boolean;
}
