import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators.js';
import { defaultScoringConfig, POINT_PRESETS } from '../scoring/scoring-config.js';

export class ScoringMethodDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The scoring configuration a new campaign starts with (SCORING.md).' })
  defaults: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'number' } }, description: 'Points per answer code of each named scale.' })
  pointPresets: Record<string, Record<string, number>>;
}

/** The method's defaults and named point scales, so the console's "restore defaults" is the server's. */
@ApiTags('campaigns')
@Controller('scoring-method')
export class ScoringMethodController {
  @Roles('admin', 'viewer', 'department', 'district')
  @Get()
  @ApiOkResponse({ type: ScoringMethodDto })
  getScoringMethod(): ScoringMethodDto {
    return { defaults: defaultScoringConfig() as unknown as Record<string, unknown>, pointPresets: POINT_PRESETS as unknown as Record<string, Record<string, number>> };
  }
}
