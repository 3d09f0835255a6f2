import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { CasesController, RaterCasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { WorkingDayCalendarsController } from './working-day-calendars.controller.js';
import { WorkingDayCalendarsService } from './working-day-calendars.service.js';

@Module({
  imports: [InvitationsModule],
  controllers: [CasesController, RaterCasesController, WorkingDayCalendarsController],
  providers: [CasesService, WorkingDayCalendarsService],
  exports: [CasesService],
})
export class CasesModule {}
