import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { ProgressController } from './progress.controller.js';
import { ProgressService } from './progress.service.js';

@Module({
  imports: [CampaignsModule, InvitationsModule],
  controllers: [ProgressController],
  providers: [ProgressService],
})
export class ResponsesModule {}
