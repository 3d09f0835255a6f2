import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiQuery, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../common/decorators.js';
import { xlsxDownload, XLSX_TYPE } from '../common/downloads.js';
import { receiveFile } from '../directory/upload.js';
import { CSR_FIGURE_NAMES } from '../scoring/csr-scoring.js';
import { CsrService } from './csr.service.js';
import { CsrDeclarationDto, CsrFigureCheckDto, CsrFigureDto, CsrImportResultDto } from './dto/csr.dto.js';

/** 社会责任先进企业: the declarations, the office's verification and the authorities' figures. */
@ApiTags('csr')
@ApiExtraModels(CsrFigureDto)
@Controller('campaigns/:id/csr')
@ApiParam({ name: 'id', format: 'uuid' })
export class CsrController {
  constructor(private readonly csr: CsrService) {}

  @Roles('admin', 'viewer')
  @Get('declarations')
  @ApiOkResponse({ type: [CsrDeclarationDto], description: 'Submitted declarations by USCC, each figure as declared and as it counts, with its source.' })
  listDeclarations(@Param('id', new ParseUUIDPipe()) id: string): Promise<CsrDeclarationDto[]> {
    return this.csr.declarations(id);
  }

  @Roles('admin', 'viewer')
  @Get('declarations.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'Every declaration: each figure as it counts, as declared, and its source; and the import\'s columns.' })
  async exportDeclarations(@Param('id', new ParseUUIDPipe()) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.csr.exportXlsx(id), 'csr-declarations', '社会责任申报');
  }

  @Roles('admin', 'viewer')
  @Get('authoritative-template.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The authorities\' file to fill in: the declaring enterprises by USCC, a column per figure, and the rules.' })
  async authoritativeTemplate(@Param('id', new ParseUUIDPipe()) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.csr.templateXlsx(id), 'csr-authoritative-template', '主管部门数据模板');
  }

  @Roles('admin')
  @Put('declarations/:uscc/figures/:figure')
  @ApiParam({ name: 'uscc' })
  @ApiParam({ name: 'figure', enum: CSR_FIGURE_NAMES })
  @ApiOkResponse({ type: CsrDeclarationDto })
  @ApiNotFoundResponse({ description: 'The enterprise submitted no declaration (CSR_DECLARATION_NOT_FOUND).' })
  @ApiUnprocessableEntityResponse({ description: 'CSR_FIGURE_INVALID with `errors: [{ field, message, messages }]`; nothing was saved.' })
  @ApiConflictResponse({ description: 'The campaign is published (RESULTS_FROZEN).' })
  checkFigure(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('uscc') uscc: string,
    @Param('figure') figure: string,
    @Body() body: CsrFigureCheckDto,
    @Req() req: Request,
  ): Promise<CsrDeclarationDto> {
    return this.csr.check(id, uscc, figure, body, req.user!);
  }

  @Roles('admin')
  @Delete('declarations/:uscc/figures/:figure')
  @ApiParam({ name: 'uscc' })
  @ApiParam({ name: 'figure', enum: CSR_FIGURE_NAMES })
  @ApiOkResponse({ type: CsrDeclarationDto, description: 'The declared figure counts again.' })
  @ApiNotFoundResponse({ description: 'The enterprise submitted no declaration (CSR_DECLARATION_NOT_FOUND).' })
  @ApiUnprocessableEntityResponse({ description: 'CSR_FIGURE_INVALID: an unknown figure, or an authority\'s figure, which stays until the office verifies with a reason or corrects.' })
  @ApiConflictResponse({ description: 'The campaign is published (RESULTS_FROZEN).' })
  resetFigure(@Param('id', new ParseUUIDPipe()) id: string, @Param('uscc') uscc: string, @Param('figure') figure: string): Promise<CsrDeclarationDto> {
    return this.csr.reset(id, uscc, figure);
  }

  @Roles('admin')
  @Post('authoritative/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Check and count only; nothing is written.' })
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: CsrImportResultDto })
  @ApiUnprocessableEntityResponse({ description: 'IMPORT_INVALID with `errors: [{ row, column, message }]`; nothing was written.' })
  @ApiConflictResponse({ description: 'The campaign is published (RESULTS_FROZEN).' })
  async importAuthoritative(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query('dryRun') dryRun?: string,
  ): Promise<CsrImportResultDto> {
    const file = await receiveFile(req, res);
    const isDryRun = dryRun === 'true' || dryRun === '1';
    return { ...(await this.csr.importFile(id, file, { dryRun: isDryRun }, req.user!)), dryRun: isDryRun };
  }
}
