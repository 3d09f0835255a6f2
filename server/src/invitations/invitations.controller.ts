import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import QRCode from 'qrcode';
import { Roles } from '../common/decorators.js';
import { attachment, xlsxDownload, XLSX_TYPE } from '../common/downloads.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { GenerateInvitationsResultDto, InvitationDto, InvitationPageDto, InvitationQueryDto } from './dto/invitation.dto.js';
import { InvitationsService } from './invitations.service.js';

const uuid = () => new ParseUUIDPipe();

@ApiTags('invitations')
@Controller('campaigns/:id/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Roles('admin')
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: GenerateInvitationsResultDto, description: 'Idempotent: raters already invited keep their link.' })
  generateInvitations(@Param('id', uuid()) id: string): Promise<GenerateInvitationsResultDto> {
    return this.invitations.generate(id);
  }

  @Roles('admin')
  @Get()
  @ApiOkResponse({ type: InvitationPageDto })
  listInvitations(@Param('id', uuid()) id: string, @Query() query: InvitationQueryDto): Promise<InvitationPageDto> {
    return this.invitations.list(id, query);
  }

  @Roles('admin')
  @Post(':invitationId/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationDto })
  revokeInvitation(@Param('id', uuid()) id: string, @Param('invitationId', uuid()) invitationId: string): Promise<InvitationDto> {
    return this.invitations.revoke(id, invitationId);
  }

  @Roles('admin')
  @Post(':invitationId/reissue')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationDto })
  reissueInvitation(@Param('id', uuid()) id: string, @Param('invitationId', uuid()) invitationId: string): Promise<InvitationDto> {
    return this.invitations.reissue(id, invitationId);
  }

  @Roles('admin')
  @Get(':invitationId/qr.svg')
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'The QR code of the link, as SVG.' })
  async invitationQrCode(@Param('id', uuid()) id: string, @Param('invitationId', uuid()) invitationId: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const invitation = await this.invitations.get(id, invitationId);
    if (!invitation.link) throw new AppError(ErrorCode.NotFound);
    res.type('image/svg+xml');
    return QRCode.toString(invitation.link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }
}

/** The exports sit beside the collection: /campaigns/:id/invitations.csv and .xlsx. */
@ApiTags('invitations')
@Controller('campaigns/:id')
export class InvitationExportsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Roles('admin')
  @Get('invitations.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'rater_type, rater_code, rater_name, link, status (UTF-8 with BOM, for Excel).' })
  async exportInvitationsCsv(@Param('id', uuid()) id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const csv = await this.invitations.exportCsv(id);
    res.type('text/csv; charset=utf-8');
    attachment(res, 'invitations.csv');
    return csv;
  }

  @Roles('admin')
  @Get('invitations.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportInvitationsXlsx(@Param('id', uuid()) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return xlsxDownload(res, await this.invitations.exportXlsx(id), 'invitations', '评议链接');
  }
}
