import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiProperty({ required: false, default: 50, minimum: 1, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiProperty({ required: false, default: 0, minimum: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) actorUsername: string | null;
  @ApiProperty({ description: 'Controller.handler of the route, e.g. UsersController.createUser' }) action: string;
  @ApiProperty() method: string;
  @ApiProperty() path: string;
  @ApiProperty() statusCode: number;
  @ApiProperty({ type: String, nullable: true }) entity: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty() requestId: string;
}

export class AuditPageDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
}
