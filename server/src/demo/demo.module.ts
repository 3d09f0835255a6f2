import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { DemoService } from './demo.service.js';

@Module({
  imports: [DirectoryModule, CampaignsModule, InvitationsModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
