import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DISTRICT_KINDS, SIZE_BANDS, type DistrictKind, type SizeBand } from '../directory.entities.js';

export class DirectoryQueryDto {
  @ApiProperty({ required: false, description: 'Searches codes and names in both languages.' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiProperty({ required: false, default: 1, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page?: number;

  @ApiProperty({ required: false, default: 20, minimum: 1, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize?: number;

  @ApiProperty({ required: false, description: 'Departments: only this category.' })
  @IsOptional() @IsString() @MaxLength(50)
  category?: string;

  @ApiProperty({ required: false, enum: DISTRICT_KINDS, description: 'Districts: only this kind.' })
  @IsOptional() @IsIn(DISTRICT_KINDS)
  kind?: DistrictKind;

  @ApiProperty({ required: false, description: 'Enterprises: only those of this district code.' })
  @IsOptional() @IsString() @MaxLength(32)
  district?: string;

  @ApiProperty({ required: false, description: 'Enterprises: only this industry.' })
  @IsOptional() @IsString() @MaxLength(100)
  industry?: string;

  @ApiProperty({ required: false, description: "Enterprises: only this investor's country or region." })
  @IsOptional() @IsString() @MaxLength(100)
  investorCountry?: string;

  @ApiProperty({ required: false, enum: SIZE_BANDS })
  @IsOptional() @IsIn(SIZE_BANDS)
  sizeBand?: SizeBand;
}

export class DepartmentDto {
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() category: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DistrictDto {
  @ApiProperty() code: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: DISTRICT_KINDS, enumName: 'DistrictKind' }) kind: DistrictKind;
  @ApiProperty({ type: String, nullable: true }) divisionCode: string | null;
  @ApiProperty({ description: 'Enterprises registered in the district.' }) enterpriseCount: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class EnterpriseDto {
  @ApiProperty() uscc: string;
  @ApiProperty() nameZh: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() districtCode: string;
  @ApiProperty() districtNameZh: string;
  @ApiProperty() districtNameEn: string;
  @ApiProperty() industry: string;
  @ApiProperty() investorCountry: string;
  @ApiProperty({ enum: SIZE_BANDS, enumName: 'SizeBand', nullable: true }) sizeBand: SizeBand | null;
  @ApiProperty() contactName: string;
  @ApiProperty() contactPhone: string;
  @ApiProperty() contactEmail: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DepartmentPageDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [DepartmentDto] }) items: DepartmentDto[];
  @ApiProperty({ type: [String], description: 'Every category in use, for the filter.' }) categories: string[];
}

export class DistrictPageDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [DistrictDto] }) items: DistrictDto[];
}

export class EnterprisePageDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [EnterpriseDto] }) items: EnterpriseDto[];
  @ApiProperty({ type: [String] }) industries: string[];
  @ApiProperty({ type: [String] }) investorCountries: string[];
}

/** One record as the console's form sends it; checked by the same rules as an imported row. */
export class DepartmentInputDto {
  @ApiProperty() @IsString() nameZh: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() nameEn?: string;
  @ApiProperty() @IsString() category: string;
}

export class DistrictInputDto {
  @ApiProperty() @IsString() nameZh: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() nameEn?: string;
  @ApiProperty({ enum: DISTRICT_KINDS }) @IsString() kind: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() divisionCode?: string;
}

export class EnterpriseInputDto {
  @ApiProperty() @IsString() nameZh: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() nameEn?: string;
  @ApiProperty() @IsString() districtCode: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() industry?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() investorCountry?: string;
  @ApiProperty({ required: false, enum: SIZE_BANDS }) @IsOptional() @IsString() sizeBand?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() contactName?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() contactPhone?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() contactEmail?: string;
}

export class ImportResultDto {
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ description: 'True when nothing was written (preview).' }) dryRun: boolean;
}
