import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { DirectoryImportService } from '../directory/directory-import.service.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { demoDirectory } from './demo-directory.js';
import { DemoResponsesService, type DemoAnswersSummary } from './demo-responses.js';

export const DEMO_CAMPAIGN_SLUG = '2026-service-month-demo';

export interface DemoSummary {
  departments: number;
  districts: number;
  enterprises: number;
  campaignId: string;
  invitations: number;
  /** What the simulated raters and the office added this time; null when the campaign already had answers. */
  answers: DemoAnswersSummary | null;
}

/**
 * The fictional city of the demo: its directory, and an open campaign with a link for
 * every rater, six weeks in, with the answers and cases of those weeks. Running it again
 * changes nothing that is already there.
 */
@Injectable()
export class DemoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryImportService,
    private readonly campaigns: CampaignsService,
    private readonly invitations: InvitationsService,
    private readonly answers: DemoResponsesService,
  ) {}

  async seed(): Promise<DemoSummary> {
    const city = demoDirectory();
    await this.dataSource.transaction(async (manager) => {
      await this.directory.upsert(manager, 'departments', city.departments.map((d) => ({ ...d })), false);
      await this.directory.upsert(manager, 'districts', city.districts.map((d) => ({ ...d })), false);
      const districtIds = await this.directory.districtIdsByCode(manager);
      await this.directory.upsert(
        manager,
        'enterprises',
        city.enterprises.map(({ districtCode, ...e }) => ({ ...e, districtId: districtIds.get(districtCode)! })),
        false,
      );
    });

    const [existing] = await this.dataSource.query('SELECT id FROM campaigns WHERE slug = $1', [DEMO_CAMPAIGN_SLUG]);
    let campaignId: string = existing?.id;
    if (!campaignId) {
      const opensAt = new Date();
      const closesAt = new Date(opensAt.getTime() + 30 * 24 * 3600 * 1000);
      const campaign = await this.campaigns.create({
        title: '2026 外商投资企业服务月（演示）',
        year: 2026,
        template: 'service-month',
        slug: DEMO_CAMPAIGN_SLUG,
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
      });
      campaignId = campaign.id;
    }
    const { total } = await this.invitations.generate(campaignId);
    const campaign = await this.campaigns.load(campaignId);
    if (campaign.status === 'draft') await this.campaigns.transition(campaignId, 'open');
    const answers = await this.answers.seed(campaignId);
    return { departments: city.departments.length, districts: city.districts.length, enterprises: city.enterprises.length, campaignId, invitations: total, answers };
  }
}
