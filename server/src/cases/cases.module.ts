import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { CaseCategoriesController, CaseCategoriesService } from './case-categories.js';
import { CasesController, RaterCasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { WorkingDayCalendarsController } from './working-day-calendars.controller.js';
import { WorkingDayCalendarsService } from './working-day-calendars.service.js';

@Module({
  imports: [InvitationsModule],
  controllers: [CasesController, RaterCasesController, WorkingDayCalendarsController, CaseCategoriesController],
  providers: [CasesService, WorkingDayCalendarsService, CaseCategoriesService],
  exports: [CasesService],
})
export class CasesModule {}
