import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { CasesController, RaterCasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [InvitationsModule],
  controllers: [CasesController, RaterCasesController],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
