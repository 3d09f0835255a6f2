import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/decorators.js';
import { xlsxDownload, XLSX_TYPE } from '../common/downloads.js';
import { ProgressDto } from './dto/progress.dto.js';
import { ProgressService } from './progress.service.js';

@ApiTags('progress')
@Controller('campaigns/:id')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Roles('admin', 'viewer')
  @Get('progress')
  @ApiOkResponse({ type: ProgressDto })
  getProgress(@Param('id', new ParseUUIDPipe()) id: string): Promise<ProgressDto> {
    return this.progress.progress(id);
  }

  @Roles('admin')
  @Get('non-responders.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'Raters who have submitted nothing yet, with contacts and links, for reminders.' })
  async exportNonResponders(@Param('id', new ParseUUIDPipe()) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.progress.nonRespondersXlsx(id), 'non-responders', '未提交名单');
  }
}
