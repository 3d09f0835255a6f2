import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { DirectoryImportService } from '../directory/directory-import.service.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { demoDirectory } from './demo-directory.js';
import { ResultsService } from '../results/results.service.js';
import { DemoResponsesService, type DemoAnswersSummary } from './demo-responses.js';

export const DEMO_CAMPAIGN_SLUG = '2026-service-month-demo';
/** The department of the demo whose self-inspection is incomplete, and the one under a veto. */
const DEMO_SELF_INSPECTION_MISSING = 'D18';
const DEMO_VETOED = 'D23';

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
    private readonly results: ResultsService,
  ) {}

  /** `waitForResults`: return once the results are computed (a command that exits next must). */
  async seed({ waitForResults = false }: { waitForResults?: boolean } = {}): Promise<DemoSummary> {
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
    await this.seedAssessments(campaignId);
    // Results ready to look at a few seconds after the first start; later starts keep them.
    const [snapshot] = await this.dataSource.query('SELECT 1 FROM result_snapshots WHERE campaign_id = $1', [campaignId]);
    if (!snapshot) await this.results.startComputation(campaignId, { wait: waitForResults });
    return { departments: city.departments.length, districts: city.districts.length, enterprises: city.enterprises.length, campaignId, invitations: total, answers };
  }

  /**
   * The office's inspection of the departments: scores spread from 72 to 98, every self-inspection
   * complete but one, and one 一票否决, so the composite and the awards have something to weigh.
   */
  private async seedAssessments(campaignId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO unit_assessments (campaign_id, department_id, inspection_score, self_inspection_score, self_inspection_complete, veto_reason)
       SELECT $1, d.id, 72 + (abs(hashtext(d.code || 'inspection')) % 27), 80 + (abs(hashtext(d.code || 'self')) % 20), d.code <> $2,
              CASE WHEN d.code = $3 THEN '年度内发生经查实的严重损害企业合法权益事件' END
         FROM departments d
       ON CONFLICT (campaign_id, department_id) WHERE department_id IS NOT NULL DO NOTHING`,
      [campaignId, DEMO_SELF_INSPECTION_MISSING, DEMO_VETOED],
    );
  }
}
