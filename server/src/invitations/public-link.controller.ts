import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/decorators.js';
import { PublicLinkDto } from './dto/public-link.dto.js';
import { PublicLinkService } from './public-link.service.js';

@ApiTags('answering')
@Controller('s')
export class PublicLinkController {
  constructor(private readonly links: PublicLinkService) {}

  @Public()
  @Get(':token')
  @ApiOkResponse({ type: PublicLinkDto })
  @ApiNotFoundResponse({ description: 'Unknown, revoked or replaced link (indistinguishable).' })
  openLink(@Param('token') token: string): Promise<PublicLinkDto> {
    return this.links.open(token);
  }
}
