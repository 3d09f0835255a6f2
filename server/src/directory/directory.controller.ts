import { Body, Controller, Delete, Get, HttpCode, Param, ParseEnumPipe, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiProduces, ApiQuery, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../common/decorators.js';
import { xlsxDownload, XLSX_TYPE } from '../common/downloads.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { DIRECTORY_KINDS, type DirectoryKind } from './directory-columns.js';
import { DirectoryImportService } from './directory-import.service.js';
import { DirectoryService } from './directory.service.js';
import {
  DepartmentDto,
  DepartmentInputDto,
  DepartmentPageDto,
  DirectoryQueryDto,
  DistrictDto,
  DistrictInputDto,
  DistrictPageDto,
  EnterpriseDto,
  EnterpriseInputDto,
  EnterprisePageDto,
  ImportResultDto,
} from './dto/directory.dto.js';
import { receiveFile } from './upload.js';

const kindPipe = new ParseEnumPipe(Object.fromEntries(DIRECTORY_KINDS.map((k) => [k, k])), {
  exceptionFactory: () => new AppError(ErrorCode.NotFound),
});

const FILE_NAMES: Record<DirectoryKind, string> = { departments: '市级部门名录', districts: '县(市)区名录', enterprises: '外商投资企业名录' };

@ApiTags('directory')
@Controller('directory')
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly imports: DirectoryImportService,
  ) {}

  @Roles('admin', 'viewer')
  @Get('departments')
  @ApiOkResponse({ type: DepartmentPageDto })
  listDepartments(@Query() query: DirectoryQueryDto): Promise<DepartmentPageDto> {
    return this.directory.listDepartments(query);
  }

  @Roles('admin', 'viewer')
  @Get('districts')
  @ApiOkResponse({ type: DistrictPageDto })
  listDistricts(@Query() query: DirectoryQueryDto): Promise<DistrictPageDto> {
    return this.directory.listDistricts(query);
  }

  @Roles('admin', 'viewer')
  @Get('enterprises')
  @ApiOkResponse({ type: EnterprisePageDto })
  listEnterprises(@Query() query: DirectoryQueryDto): Promise<EnterprisePageDto> {
    return this.directory.listEnterprises(query);
  }

  @Roles('admin')
  @Put('departments/:code')
  @ApiOkResponse({ type: DepartmentDto })
  saveDepartment(@Param('code') code: string, @Body() body: DepartmentInputDto) {
    return this.directory.save('departments', code, body) as Promise<DepartmentDto>;
  }

  @Roles('admin')
  @Put('districts/:code')
  @ApiOkResponse({ type: DistrictDto })
  saveDistrict(@Param('code') code: string, @Body() body: DistrictInputDto) {
    return this.directory.save('districts', code, body) as Promise<DistrictDto>;
  }

  @Roles('admin')
  @Put('enterprises/:uscc')
  @ApiOkResponse({ type: EnterpriseDto })
  saveEnterprise(@Param('uscc') uscc: string, @Body() body: EnterpriseInputDto) {
    return this.directory.save('enterprises', uscc, body) as Promise<EnterpriseDto>;
  }

  @Roles('admin')
  @Delete(':kind/:key')
  @ApiParam({ name: 'kind', enum: DIRECTORY_KINDS })
  @ApiParam({ name: 'key', description: 'The code, or the USCC of an enterprise.' })
  @HttpCode(204)
  async deleteDirectoryRecord(@Param('kind', kindPipe) kind: DirectoryKind, @Param('key') key: string): Promise<void> {
    await this.directory.remove(kind, key);
  }

  @Roles('admin', 'viewer')
  @Get(':kind/export')
  @ApiParam({ name: 'kind', enum: DIRECTORY_KINDS })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The whole list as .xlsx.' })
  async exportDirectory(@Param('kind', kindPipe) kind: DirectoryKind, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.directory.exportXlsx(kind), kind, FILE_NAMES[kind]);
  }

  @Roles('admin', 'viewer')
  @Get(':kind/template')
  @ApiParam({ name: 'kind', enum: DIRECTORY_KINDS })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'An empty list with its headers and a sheet explaining each column.' })
  async directoryTemplate(@Param('kind', kindPipe) kind: DirectoryKind, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.directory.templateXlsx(kind), `${kind}-template`, `${FILE_NAMES[kind]}-导入模板`);
  }

  @Roles('admin')
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Check and count only; nothing is written.' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: { file: { type: 'string', format: 'binary' }, kind: { type: 'string', enum: [...DIRECTORY_KINDS] } },
    },
  })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiUnprocessableEntityResponse({ description: 'Errors as `errors: [{ row, column, message }]`; nothing was written.' })
  async importDirectory(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Query('dryRun') dryRun?: string): Promise<ImportResultDto> {
    const file = await receiveFile(req, res);
    const kind = (req.body as { kind?: string } | undefined)?.kind;
    if (!DIRECTORY_KINDS.includes(kind as DirectoryKind)) {
      throw new AppError(ErrorCode.ValidationFailed, {
        errors: [{ field: 'kind', message: `kind must be one of: ${DIRECTORY_KINDS.join(', ')}`, messages: { zh: `kind 应为 ${DIRECTORY_KINDS.join('、')} 之一`, en: `kind must be one of: ${DIRECTORY_KINDS.join(', ')}` } }],
      });
    }
    const isDryRun = dryRun === 'true' || dryRun === '1';
    const counts = await this.imports.importFile(kind as DirectoryKind, file, { dryRun: isDryRun });
    return { ...counts, dryRun: isDryRun };
  }
}
