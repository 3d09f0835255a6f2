import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const INVITATION_STATUSES = ['not-opened', 'opened', 'draft', 'submitted', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export class InvitationQueryDto {
  @ApiProperty({ required: false, description: 'Searches the rater code and names.' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiProperty({ required: false, enum: ['enterprise', 'district'] })
  @IsOptional() @IsIn(['enterprise', 'district'])
  raterType?: 'enterprise' | 'district';

  @ApiProperty({ required: false, enum: INVITATION_STATUSES })
  @IsOptional() @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;

  @ApiProperty({ required: false, default: 1, minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page?: number;

  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 2000 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2000)
  pageSize?: number;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['enterprise', 'district'] }) raterType: 'enterprise' | 'district';
  @ApiProperty({ description: 'USCC for an enterprise, the district code for a district government.' }) raterCode: string;
  @ApiProperty() raterNameZh: string;
  @ApiProperty() raterNameEn: string;
  @ApiProperty({ description: "The rater's district code." }) districtCode: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once revoked.' }) link: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES, enumName: 'InvitationStatus' }) status: InvitationStatus;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) firstOpenedAt: string | null;
  @ApiProperty() contactName: string;
  @ApiProperty() contactPhone: string;
  @ApiProperty() contactEmail: string;
}

export class InvitationPageDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [InvitationDto] }) items: InvitationDto[];
}

export class GenerateInvitationsResultDto {
  @ApiProperty({ description: 'Links created by this call (raters added since the last call).' }) created: number;
  @ApiProperty({ description: 'Links the campaign has in all.' }) total: number;
}
