import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { WorkingDayCalendarsService } from '../cases/working-day-calendars.service.js';
import { DemoResponsesService } from './demo-responses.js';
import { DemoService } from './demo.service.js';
import { ResultsModule } from '../results/results.module.js';

@Module({
  imports: [DirectoryModule, CampaignsModule, InvitationsModule, ResultsModule],
  // The calendar service holds no state: case deadlines of the demo count on the office's calendar.
  providers: [DemoService, DemoResponsesService, WorkingDayCalendarsService],
  exports: [DemoService],
})
export class DemoModule {}
