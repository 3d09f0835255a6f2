import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { prefersEnglish } from '../common/error-body.js';
import { Roles } from '../common/decorators.js';
import { QuestionnaireVersionDto, QuestionnaireVersionSummaryDto, SavedQuestionnaireDto, SaveQuestionnaireDto } from './dto/questionnaire.dto.js';
import { QuestionnairesService } from './questionnaires.service.js';

@ApiTags('questionnaires')
@Controller('evaluations/:id/questionnaires')
export class QuestionnairesController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Roles('admin', 'viewer')
  @Get()
  @ApiOkResponse({ type: [QuestionnaireVersionSummaryDto], description: 'Newest first.' })
  @ApiNotFoundResponse({ description: 'No such evaluation.' })
  listQuestionnaireVersions(@Param('id', new ParseUUIDPipe()) id: string): Promise<QuestionnaireVersionSummaryDto[]> {
    return this.questionnaires.list(id);
  }

  @Roles('admin', 'viewer')
  @Get(':version')
  @ApiOkResponse({ type: QuestionnaireVersionDto })
  @ApiNotFoundResponse({ description: 'No such evaluation, or no such version of its questionnaire.' })
  getQuestionnaireVersion(@Param('id', new ParseUUIDPipe()) id: string, @Param('version', new ParseIntPipe()) version: number): Promise<QuestionnaireVersionDto> {
    return this.questionnaires.get(id, version);
  }

  @Roles('admin')
  @Post()
  @HttpCode(200)
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Check only and say what a save would do; nothing is written.' })
  @ApiOkResponse({ type: SavedQuestionnaireDto })
  @ApiNotFoundResponse({ description: 'No such evaluation.' })
  @ApiConflictResponse({ description: 'The campaign is closed or published.' })
  @ApiPayloadTooLargeResponse({ description: 'The questionnaire is over 256 KB, or nested deeper than any questionnaire.' })
  @ApiUnprocessableEntityResponse({ description: 'The JSON does not compile or breaks the rating structure: `errors: [{ field, message, messages }]`; nothing was written.' })
  saveQuestionnaire(
    @Req() req: Request,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SaveQuestionnaireDto,
    @Query('dryRun') dryRun?: string,
  ): Promise<SavedQuestionnaireDto> {
    return this.questionnaires.save(id, body.survey, { dryRun: dryRun === 'true' || dryRun === '1', english: prefersEnglish(req) });
  }
}
