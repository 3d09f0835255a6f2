import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { AnsweringController } from './answering.controller.js';
import { AnsweringService } from './answering.service.js';
import { CompiledQuestionnaires } from './compiled-questionnaires.js';
import { ProgressController } from './progress.controller.js';
import { ProgressService } from './progress.service.js';

@Module({
  imports: [CampaignsModule, InvitationsModule],
  controllers: [ProgressController, AnsweringController],
  providers: [ProgressService, AnsweringService, CompiledQuestionnaires],
})
export class ResponsesModule {}
