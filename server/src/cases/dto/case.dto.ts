import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseStatus } from '../case-workflow.js';
import { CASE_SOURCES, HANDLING_RATINGS, type CaseSource } from '../case.entities.js';

/** Longest text of a case or a reply: a long letter, not a file. */
export const MAX_CASE_TEXT = 20_000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CaseUnitDto {
  @ApiProperty({ enum: ['department', 'district'] }) kind: 'department' | 'district';
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
}

export class CaseCategoryDto {
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() active: boolean;
}

export class CaseEnterpriseDto {
  @ApiProperty() uscc: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The campaign year and the case number, e.g. 2026-0042.' }) number: string;
  @ApiProperty({ enum: CASE_SOURCES }) source: CaseSource;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty() text: string;
  @ApiProperty({ type: CaseCategoryDto, nullable: true }) category: CaseCategoryDto | null;
  @ApiProperty({ type: CaseEnterpriseDto, nullable: true, description: 'Hidden from the unit unless the enterprise agreed to share who it is.' })
  enterprise: CaseEnterpriseDto | null;
  @ApiProperty() identityShared: boolean;
  @ApiProperty({ type: String, nullable: true }) receivedVia: string | null;
  @ApiProperty({ type: CaseUnitDto, nullable: true }) unit: CaseUnitDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline: string | null;
  @ApiProperty({ description: 'With a unit and past its deadline.' }) overdue: boolean;
  @ApiProperty({ type: String, nullable: true }) reply: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectReason: string | null;
  @ApiProperty({ type: String, nullable: true }) mergedInto: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) rectified: boolean | null;
  @ApiProperty({ enum: HANDLING_RATINGS, nullable: true }) handlingRating: (typeof HANDLING_RATINGS)[number] | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) assignedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) repliedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ enum: CASE_ACTIONS, isArray: true, description: 'What the caller may do next.' }) allowedActions: CaseAction[];
}

export class CaseEventDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['office', 'unit', 'enterprise'] }) actorKind: 'office' | 'unit' | 'enterprise';
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) toStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class CaseDetailDto extends CaseDto {
  @ApiProperty({ type: [CaseEventDto] }) events: CaseEventDto[];
}

export class CreateCaseDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_CASE_TEXT })
  @Transform(trim) @IsString() @MinLength(1, { message: 'text must not be empty' }) @MaxLength(MAX_CASE_TEXT)
  text: string;

  @ApiProperty({ required: false, description: 'The enterprise that raised it, by 统一社会信用代码.' })
  @IsOptional() @IsString() @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'enterpriseUscc must be an 18-character 统一社会信用代码' })
  enterpriseUscc?: string;

  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(32) categoryCode?: string;

  @ApiProperty({ required: false, description: 'phone, letter, visit, e-mail …' }) @IsOptional() @IsString() @MaxLength(50) receivedVia?: string;

  @ApiProperty({ required: false, default: false }) @IsOptional() @IsBoolean() identityShared?: boolean;
}

export class CaseActionDto {
  @ApiProperty({ required: false, description: 'assign: the department or district code.' })
  @IsOptional() @IsString() @MaxLength(32)
  unitCode?: string;

  @ApiProperty({ required: false, format: 'date', description: 'assign: the last day allowed (Beijing date); by default 15 working days.' })
  @IsOptional() @IsDateString({ strict: true })
  deadline?: string;

  @ApiProperty({ required: false, description: 'reject: why; reply: the answer to the enterprise; send-back and reopen: why.' })
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(MAX_CASE_TEXT)
  text?: string;

  @ApiProperty({ required: false, description: 'merge: the number of the case this one duplicates (its part after the dash).' })
  @IsOptional() @IsInt() @Min(1)
  intoNumber?: number;

  @ApiProperty({ required: false, description: 'accept, assign: the category code.' })
  @IsOptional() @IsString() @MaxLength(32)
  categoryCode?: string;

  @ApiProperty({ required: false, description: 'close: whether the problem was put right; omit where it does not apply.' })
  @IsOptional() @IsBoolean()
  rectified?: boolean;
}

export class CaseListQueryDto {
  @ApiProperty({ required: false, enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: CaseStatus;
  @ApiProperty({ required: false, description: 'Only cases with a unit and past their deadline.' })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean()
  overdue?: boolean;
}

export class ComplaintDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_CASE_TEXT })
  @Transform(trim) @IsString() @MinLength(1, { message: 'text must not be empty' }) @MaxLength(MAX_CASE_TEXT)
  text: string;

  @ApiProperty({ required: false, default: false, description: 'May the department or district handling it see which enterprise raised it?' })
  @IsOptional() @IsBoolean()
  identityShared?: boolean;

  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(32) categoryCode?: string;
}

/** What an enterprise sees of its own case through its link. */
export class RaterCaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty({ enum: CASE_SOURCES }) source: CaseSource;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty() text: string;
  @ApiProperty() identityShared: boolean;
  @ApiProperty({ type: CaseUnitDto, nullable: true }) unit: CaseUnitDto | null;
  @ApiProperty({ type: String, nullable: true }) reply: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectReason: string | null;
  @ApiProperty({ enum: HANDLING_RATINGS, nullable: true }) handlingRating: (typeof HANDLING_RATINGS)[number] | null;
  @ApiProperty({ description: 'Whether the handling can be rated now (replied or closed).' }) canRate: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) repliedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

export class HandlingRatingDto {
  @ApiProperty({ enum: HANDLING_RATINGS }) @IsIn(HANDLING_RATINGS) rating: (typeof HANDLING_RATINGS)[number];
}

export class CaseFiguresQueryDto {
  @ApiProperty({ required: false, format: 'date', description: 'First day (Beijing); by default the campaign\'s opening day or its creation.' })
  @IsOptional() @IsDateString({ strict: true }) from?: string;

  @ApiProperty({ required: false, format: 'date', description: 'Last day, inclusive; by default today.' })
  @IsOptional() @IsDateString({ strict: true }) to?: string;
}

export class UnitCaseFiguresDto {
  @ApiProperty({ type: CaseUnitDto }) unit: CaseUnitDto;
  @ApiProperty() acceptedInPeriod: number;
  @ApiProperty() carriedOver: number;
  @ApiProperty() closedInPeriod: number;
  @ApiProperty({ type: Number, nullable: true, description: '结案率 = closed ÷ (accepted in the period + open when it began).' }) closureRate: number | null;
  @ApiProperty() closedOnTime: number;
  @ApiProperty({ type: Number, nullable: true }) onTimeRate: number | null;
  @ApiProperty() rectificationApplies: number;
  @ApiProperty() rectified: number;
  @ApiProperty({ type: Number, nullable: true, description: '整改率' }) rectificationRate: number | null;
  @ApiProperty() rated: number;
  @ApiProperty({ type: Number, nullable: true }) satisfactionRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) dissatisfactionRate: number | null;
  @ApiProperty({ description: 'Accepted, not closed and past the deadline at the end of the period.' }) overdueAtCutoff: number;
}

export class CaseFiguresDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [UnitCaseFiguresDto] }) units: UnitCaseFiguresDto[];
}

export class CalendarYearDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['built-in', 'office', 'none'], description: 'The State Council\'s arrangement as built in, the office\'s version, or none (plain Monday to Friday).' })
  source: 'built-in' | 'office' | 'none';
  @ApiProperty({ type: [String], description: 'Days off on weekdays, YYYY-MM-DD.' }) holidays: string[];
  @ApiProperty({ type: [String], description: '调休: working Saturdays and Sundays, YYYY-MM-DD.' }) workdays: string[];
}

export class CalendarYearInputDto {
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) @ArrayMaxSize(60) holidays: string[];
  @ApiProperty({ type: [String] }) @IsArray() @IsString({ each: true }) @ArrayMaxSize(30) workdays: string[];
}

export class CaseCategoryListItemDto extends CaseCategoryDto {
  @ApiProperty() position: number;
}

export class CreateCaseCategoryDto {
  @ApiProperty({ pattern: '^[a-z0-9-]{1,32}$', description: 'A stable code: lower-case letters, digits and hyphens.' })
  @Matches(/^[a-z0-9-]{1,32}$/, { message: 'code must be 1–32 lower-case letters, digits or hyphens' })
  code: string;
  @ApiProperty({ maxLength: 50 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(50) nameZh: string;
  @ApiProperty({ maxLength: 100 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) nameEn: string;
}

export class UpdateCaseCategoryDto {
  @ApiProperty({ required: false, maxLength: 50 }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(50) nameZh?: string;
  @ApiProperty({ required: false, maxLength: 100 }) @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) nameEn?: string;
  @ApiProperty({ required: false, minimum: 1 }) @IsOptional() @IsInt() @Min(1) position?: number;
  @ApiProperty({ required: false, description: 'An inactive category is kept on its cases but offered no more.' }) @IsOptional() @IsBoolean() active?: boolean;
}
