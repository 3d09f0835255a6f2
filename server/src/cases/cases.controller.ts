import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { xlsxDownload, XLSX_TYPE } from '../common/downloads.js';
import { Public, Roles } from '../common/decorators.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { CASE_ACTIONS, type CaseAction } from './case-workflow.js';
import { CasesService } from './cases.service.js';
import { CaseActionDto, CaseDetailDto, CaseDto, CaseListQueryDto, CaseFiguresDto, CaseFiguresQueryDto, ComplaintDto, CreateCaseDto, HandlingRatingDto, RaterCaseDto } from './dto/case.dto.js';

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Roles('admin')
  @Post('campaigns/:id/cases')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: CaseDetailDto, description: 'A case the office received by phone, letter or visit.' })
  createCase(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateCaseDto, @Req() req: Request): Promise<CaseDetailDto> {
    return this.cases.create(id, body, req.user!) as Promise<CaseDetailDto>;
  }

  @Roles('admin', 'viewer', 'department', 'district')
  @Get('campaigns/:id/cases')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: [CaseDto], description: 'All cases for the office and leadership; a department or district user gets its own.' })
  listCases(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: CaseListQueryDto, @Req() req: Request): Promise<CaseDto[]> {
    return this.cases.list(id, query, req.user!);
  }

  @Roles('admin', 'viewer', 'department', 'district')
  @Get('campaigns/:id/case-figures')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CaseFiguresDto, description: '结案率, on-time share, 整改率, satisfaction with handling and overdue cases per unit for a period; a unit user gets its own line.' })
  getCaseFigures(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: CaseFiguresQueryDto, @Req() req: Request): Promise<CaseFiguresDto> {
    return this.cases.figures(id, query, req.user!);
  }

  @Roles('admin', 'viewer', 'department', 'district')
  @Get('campaigns/:id/cases.xlsx')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The cases and the figures per unit (period as for case-figures).' })
  async exportCases(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: CaseFiguresQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.cases.exportXlsx(id, query, req.user!), 'cases', '案件督办');
  }

  @Roles('admin', 'viewer', 'department', 'district')
  @Get('cases/:caseId')
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiForbiddenResponse({ description: 'Another unit\'s case.' })
  getCase(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Req() req: Request): Promise<CaseDetailDto> {
    return this.cases.get(caseId, req.user!);
  }

  @Roles('admin', 'department', 'district')
  @Post('cases/:caseId/:action')
  @HttpCode(200)
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiParam({ name: 'action', enum: CASE_ACTIONS })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiForbiddenResponse({ description: 'Another unit\'s case, or an action that is the office\'s (or the unit\'s).' })
  @ApiConflictResponse({ description: 'Not possible from the current status; `errors[0].message` names the changes that are.' })
  actOnCase(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Param('action') action: string, @Body() body: CaseActionDto, @Req() req: Request): Promise<CaseDetailDto> {
    if (!(CASE_ACTIONS as readonly string[]).includes(action)) throw new AppError(ErrorCode.NotFound);
    return this.cases.act(caseId, action as CaseAction, body, req.user!);
  }
}

/** An enterprise's own cases behind its personal link: raise a complaint, follow it, rate the handling. */
@ApiTags('answering')
@Controller('s/:token/cases')
@ApiParam({ name: 'token', description: 'The personal link token.' })
@ApiNotFoundResponse({ description: 'Unknown, revoked or replaced link (LINK_NOT_FOUND).' })
export class RaterCasesController {
  constructor(private readonly cases: CasesService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: [RaterCaseDto] })
  listRaterCases(@Param('token') token: string): Promise<RaterCaseDto[]> {
    return this.cases.raterCases(token);
  }

  @Public()
  @Post()
  @ApiCreatedResponse({ type: RaterCaseDto })
  @ApiConflictResponse({ description: 'The campaign is not open (CAMPAIGN_NOT_OPEN, CAMPAIGN_CLOSED).' })
  raiseComplaint(@Param('token') token: string, @Body() body: ComplaintDto): Promise<RaterCaseDto> {
    return this.cases.complain(token, body);
  }

  @Public()
  @Post(':caseId/rating')
  @HttpCode(200)
  @ApiParam({ name: 'caseId', format: 'uuid' })
  @ApiOkResponse({ type: RaterCaseDto })
  @ApiConflictResponse({ description: 'Not replied yet.' })
  rateHandling(@Param('token') token: string, @Param('caseId', new ParseUUIDPipe()) caseId: string, @Body() body: HandlingRatingDto): Promise<RaterCaseDto> {
    return this.cases.rate(token, caseId, body);
  }
}
