import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Roles } from '../common/decorators.js';
import { CampaignsService } from './campaigns.service.js';
import { CampaignDto, CreateCampaignDto, UpdateCampaignDto } from './dto/campaign.dto.js';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Roles('admin')
  @Post()
  @ApiCreatedResponse({ type: CampaignDto })
  @ApiConflictResponse({ description: 'The slug is taken, or the directory is empty.' })
  createCampaign(@Body() body: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(body);
  }

  // Department and district users pick the campaign whose results and cases they follow.
  @Roles('admin', 'viewer', 'department', 'district')
  @Get()
  @ApiOkResponse({ type: [CampaignDto] })
  listCampaigns(): Promise<CampaignDto[]> {
    return this.campaigns.list();
  }

  @Roles('admin', 'viewer', 'department', 'district')
  @Get(':id')
  @ApiOkResponse({ type: CampaignDto })
  getCampaign(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignDto> {
    return this.campaigns.get(id);
  }

  @Roles('admin')
  @Patch(':id')
  @ApiOkResponse({ type: CampaignDto })
  @ApiConflictResponse({ description: 'The campaign is no longer a draft.' })
  updateCampaign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.update(id, body);
  }

  @Roles('admin')
  @Put(':id/scoring-config')
  @ApiBody({ schema: { type: 'object', additionalProperties: true }, description: 'The scoring configuration (SCORING.md); settings left out keep their defaults.' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiConflictResponse({ description: 'The campaign is no longer a draft.' })
  @ApiUnprocessableEntityResponse({ description: 'A number out of range, or weights that do not add up to more than 0.' })
  updateScoringConfig(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: Record<string, unknown>): Promise<CampaignDto> {
    return this.campaigns.updateScoringConfig(id, body);
  }

  @Roles('admin')
  @Post(':id/open')
  @HttpCode(200)
  @ApiOkResponse({ type: CampaignDto })
  @ApiConflictResponse({ description: 'Only a draft can be opened.' })
  openCampaign(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignDto> {
    return this.campaigns.transition(id, 'open');
  }

  @Roles('admin')
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: CampaignDto })
  @ApiConflictResponse({ description: 'Only an open campaign can be closed.' })
  closeCampaign(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignDto> {
    return this.campaigns.transition(id, 'close');
  }

  @Roles('admin')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: CampaignDto })
  @ApiConflictResponse({ description: 'Only a closed campaign can be published.' })
  publishCampaign(@Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignDto> {
    return this.campaigns.transition(id, 'publish');
  }
}
