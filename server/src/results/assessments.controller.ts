import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiOkResponse, ApiParam, ApiProduces, ApiQuery, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../common/decorators.js';
import { xlsxDownload, XLSX_TYPE } from '../common/downloads.js';
import { receiveFile } from '../directory/upload.js';
import { AssessmentsService } from './assessments.service.js';
import { AssessmentDto, AssessmentImportResultDto, SaveAssessmentsDto, SavedAssessmentsDto } from './dto/assessment.dto.js';

/** The office's own inputs to a campaign's results: 责任书检查, 自查, objective indicators, 一票否决. */
@ApiTags('results')
@Controller('campaigns/:id')
@ApiParam({ name: 'id', format: 'uuid' })
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Roles('admin', 'viewer')
  @Get('assessments')
  @ApiOkResponse({ type: [AssessmentDto], description: 'Every department (by code), then every district, with what was entered or nulls.' })
  listAssessments(@Param('id', new ParseUUIDPipe()) id: string): Promise<AssessmentDto[]> {
    return this.assessments.list(id);
  }

  @Roles('admin')
  @Put('assessments')
  @ApiOkResponse({ type: SavedAssessmentsDto })
  @ApiUnprocessableEntityResponse({ description: 'ASSESSMENTS_INVALID with `errors: [{ field: "items[3].inspectionScore", message, messages }]`; nothing was written.' })
  @ApiConflictResponse({ description: 'The campaign is published (RESULTS_FROZEN).' })
  saveAssessments(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SaveAssessmentsDto): Promise<SavedAssessmentsDto> {
    return this.assessments.save(id, body.items);
  }

  @Roles('admin', 'viewer')
  @Get('assessments.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The current values in the import\'s columns, to fill in and import back.' })
  async exportAssessments(@Param('id', new ParseUUIDPipe()) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.assessments.exportXlsx(id), 'assessments', '检查评分');
  }

  @Roles('admin')
  @Post('assessments/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Check and count only; nothing is written.' })
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: AssessmentImportResultDto })
  @ApiUnprocessableEntityResponse({ description: 'IMPORT_INVALID with `errors: [{ row, column, message }]`; nothing was written.' })
  @ApiConflictResponse({ description: 'The campaign is published (RESULTS_FROZEN).' })
  async importAssessments(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query('dryRun') dryRun?: string,
  ): Promise<AssessmentImportResultDto> {
    const file = await receiveFile(req, res);
    const isDryRun = dryRun === 'true' || dryRun === '1';
    return { ...(await this.assessments.importFile(id, file, { dryRun: isDryRun })), dryRun: isDryRun };
  }
}
