import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { InvitationExportsController, InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { PublicLinkController } from './public-link.controller.js';
import { PublicLinkService } from './public-link.service.js';

@Module({
  imports: [CampaignsModule],
  controllers: [InvitationsController, InvitationExportsController, PublicLinkController],
  providers: [InvitationsService, PublicLinkService],
  exports: [InvitationsService, PublicLinkService],
})
export class InvitationsModule {}
