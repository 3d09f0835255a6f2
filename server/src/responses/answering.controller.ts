import { Body, Controller, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { NotAudited, Public } from '../common/decorators.js';
import { AnsweringService } from './answering.service.js';
import { AnswersDto, ReceiptDto, SavedDraftDto } from './dto/answering.dto.js';

@ApiTags('answering')
@Controller('s/:token/:evaluationId')
@ApiParam({ name: 'token', description: 'The personal link token.' })
@ApiParam({ name: 'evaluationId', format: 'uuid' })
@ApiNotFoundResponse({ description: 'Unknown, revoked or replaced link (LINK_NOT_FOUND), or no such questionnaire behind it (QUESTIONNAIRE_NOT_FOUND).' })
@ApiPayloadTooLargeResponse({ description: 'Answers over 4 MB.' })
export class AnsweringController {
  constructor(private readonly answering: AnsweringService) {}

  /** Drafts are saved every few seconds while a rater types; the draft row is its own record. */
  @Public()
  @NotAudited()
  @Put('draft')
  @HttpCode(200)
  @ApiBody({ type: AnswersDto })
  @ApiOkResponse({ type: SavedDraftDto })
  @ApiConflictResponse({ description: 'The campaign is not open (CAMPAIGN_NOT_OPEN, CAMPAIGN_CLOSED), or the questionnaire is already submitted (ALREADY_SUBMITTED).' })
  @ApiUnprocessableEntityResponse({ description: 'Answers of the wrong shape (BALLOT_INVALID, with one entry per question in `errors`).' })
  saveDraft(@Param('token') token: string, @Param('evaluationId') evaluationId: string, @Body() body: unknown): Promise<SavedDraftDto> {
    return this.answering.saveDraft(token, evaluationId, body);
  }

  /** Raters are anonymous to the audit log, and the response row records each submission and its time. */
  @Public()
  @NotAudited()
  @Post('submit')
  @ApiBody({ type: AnswersDto })
  @ApiCreatedResponse({ type: ReceiptDto, description: 'Submitted.' })
  @ApiOkResponse({ type: ReceiptDto, description: 'The same answers had already been submitted: the same receipt.' })
  @ApiConflictResponse({ description: 'The campaign is not open (any draft is kept), or different answers were already submitted (ALREADY_SUBMITTED).' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid answers (BALLOT_INVALID, with one entry per question in `errors`); nothing is stored.' })
  async submit(
    @Param('token') token: string,
    @Param('evaluationId') evaluationId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptDto> {
    const { created, receipt } = await this.answering.submit(token, evaluationId, body);
    res.status(created ? 201 : 200);
    return receipt;
  }
}
