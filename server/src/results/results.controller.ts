import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { attachment, xlsxDownload, XLSX_TYPE } from '../common/downloads.js';
import { Public, Roles } from '../common/decorators.js';
import { AppError, ErrorCode } from '../common/errors.js';
import type { AwardUnitType } from './dto/results.dto.js';
import { AwardDto, AwardOverrideDto, ComputationDto, PublicResultsDto, ResultsDto } from './dto/results.dto.js';
import { resultsWorkbook } from './results-workbook.js';
import { ResultsService } from './results.service.js';

export class VoidBallotDto {
  @ApiProperty({ description: 'Why the ballot leaves the scores; kept in the audit log.' })
  @IsString() @MinLength(2, { message: 'reason must say why (at least 2 characters)' }) @MaxLength(2000)
  reason: string;
}

export class VoidedBallotDto {
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty({ format: 'date-time' }) voidedAt: string;
  @ApiProperty() reason: string;
}

const unitType = (value: string): AwardUnitType => {
  if (value === 'department' || value === 'district' || value === 'enterprise') return value;
  throw new AppError(ErrorCode.NotFound);
};

@ApiTags('results')
@Controller()
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Roles('admin', 'viewer', 'department', 'district')
  @Get('campaigns/:id/results')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ResultsDto })
  @ApiNotFoundResponse({ description: 'No such campaign, or its results have not been computed yet (RESULTS_NOT_COMPUTED).' })
  getResults(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: Request): Promise<ResultsDto> {
    return this.results.results(id, req.user!);
  }

  @Roles('admin')
  @Post('campaigns/:id/results/compute')
  @HttpCode(202)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: ComputationDto, description: 'Computing in the background; follow it at results/computation.' })
  @ApiConflictResponse({ description: 'The campaign is a draft or already published.' })
  computeResults(@Param('id', new ParseUUIDPipe()) id: string): Promise<ComputationDto> {
    return this.results.startComputation(id);
  }

  @Roles('admin', 'viewer')
  @Get('campaigns/:id/results/computation')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ComputationDto })
  getComputation(@Param('id', new ParseUUIDPipe()) id: string): Promise<ComputationDto> {
    return this.results.computation(id);
  }

  @Roles('admin', 'viewer')
  @Get('campaigns/:id/results.xlsx')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'A sheet per evaluation, the composite, the awards and the method.' })
  async exportResults(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const results = await this.results.results(id, req.user!);
    return xlsxDownload(res, await resultsWorkbook(results), `results-${results.year}`, `${results.campaignTitle} 评议结果`);
  }

  @Roles('admin', 'viewer')
  @Get('campaigns/:id/ratings.csv')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'evaluation_kind, ballot, target_code, criterion, answer: no rater identity.' })
  async exportRatings(@Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    await this.results.campaign(id);
    res.type('text/csv; charset=utf-8');
    attachment(res, 'ratings.csv');
    await this.results.writeRatingsCsv(id, (chunk) => res.write(chunk));
    res.end();
  }

  @Roles('admin')
  @Put('campaigns/:id/awards/:unitType/:code')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'unitType', enum: ['department', 'district', 'enterprise'] })
  @ApiParam({ name: 'code', description: 'The department or district code, or the enterprise\'s USCC.' })
  @ApiOkResponse({ type: [AwardDto] })
  overrideAward(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('unitType') type: string,
    @Param('code') code: string,
    @Body() body: AwardOverrideDto,
  ): Promise<AwardDto[]> {
    return this.results.override(id, unitType(type), code, body);
  }

  @Roles('admin')
  @Delete('campaigns/:id/awards/:unitType/:code')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'unitType', enum: ['department', 'district', 'enterprise'] })
  @ApiParam({ name: 'code', description: 'The department or district code, or the enterprise\'s USCC.' })
  @ApiOkResponse({ type: [AwardDto] })
  clearAwardOverride(@Param('id', new ParseUUIDPipe()) id: string, @Param('unitType') type: string, @Param('code') code: string): Promise<AwardDto[]> {
    return this.results.clearOverride(id, unitType(type), code);
  }

  @Roles('admin')
  @Post('campaigns/:id/awards/confirm')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ResultsDto })
  @ApiConflictResponse({ description: 'The campaign is still open, the results are outdated or published.' })
  confirmAwards(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: Request): Promise<ResultsDto> {
    return this.results.confirm(id, req.user!);
  }

  @Roles('admin')
  @Post('responses/:responseId/void')
  @HttpCode(200)
  @ApiParam({ name: 'responseId', format: 'uuid' })
  @ApiOkResponse({ type: VoidedBallotDto })
  voidBallot(@Param('responseId', new ParseUUIDPipe()) responseId: string, @Body() body: VoidBallotDto): Promise<VoidedBallotDto> {
    return this.results.voidBallot(responseId, body.reason);
  }

  @Public()
  @Get('public/results/:slug')
  @ApiParam({ name: 'slug' })
  @ApiOkResponse({ type: PublicResultsDto })
  @ApiNotFoundResponse({ description: 'No published campaign with this address.' })
  getPublicResults(@Param('slug') slug: string): Promise<PublicResultsDto> {
    return this.results.publicResults(slug);
  }
}
