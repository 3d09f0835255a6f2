import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from './campaign.entities.js';
import { CampaignEvents } from './campaign-events.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';
import { ScoringMethodController } from './scoring-method.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([Campaign])],
  controllers: [CampaignsController, ScoringMethodController],
  providers: [CampaignsService, CampaignEvents],
  exports: [CampaignsService, CampaignEvents],
})
export class CampaignsModule {}
