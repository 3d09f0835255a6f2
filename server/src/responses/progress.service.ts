import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { writeXlsx } from '../common/tabular.js';
import { SIZE_BAND_LABELS } from '../directory/directory-columns.js';
import type { SizeBand } from '../directory/directory.entities.js';
import { InvitationsService, RATER_STATUS, RATING_PROGRESS } from '../invitations/invitations.service.js';
import { EvaluationProgressDto, GroupProgressDto, ProgressCountsDto, ProgressDto } from './dto/progress.dto.js';

interface CountsRow {
  invited: number;
  opened: number;
  draft: number;
  submitted: number;
}

/** Counts of a set of raters by their furthest step; revoked links are not counted as invited. */
const COUNTS = `
  count(*) FILTER (WHERE s.status <> 'revoked')::int AS invited,
  count(*) FILTER (WHERE s.status IN ('opened', 'draft', 'submitted'))::int AS opened,
  count(*) FILTER (WHERE s.status = 'draft')::int AS draft,
  count(*) FILTER (WHERE s.status = 'submitted')::int AS submitted`;

const counts = (row: CountsRow): ProgressCountsDto => ({
  invited: row.invited, opened: row.opened, draft: row.draft, submitted: row.submitted, rate: row.invited ? row.submitted / row.invited : 0,
});

/** Response rates of a campaign, overall, per evaluation and by the enterprises' groups. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly invitations: InvitationsService,
  ) {}

  async progress(campaignId: string): Promise<ProgressDto> {
    await this.campaigns.load(campaignId);
    // One row per rater with its status and the enterprise's attributes, shared by every figure below.
    const raters = `
      SELECT i.rater_type, ${RATER_STATUS} AS status, d.code AS district_code, d.name_zh AS district_zh, d.name_en AS district_en,
             e.industry, e.investor_country, e.size_band
        FROM invitations i
        LEFT JOIN enterprises e ON e.id = i.enterprise_id
        LEFT JOIN districts d ON d.id = COALESCE(e.district_id, i.district_id)
        LEFT JOIN LATERAL (${RATING_PROGRESS}) p ON true
       WHERE i.campaign_id = $1`;
    const group = (key: string) =>
      this.dataSource.query(`SELECT ${key} AS key, ${COUNTS} FROM (${raters}) s WHERE s.rater_type = 'enterprise' GROUP BY 1 ORDER BY 1`, [campaignId]);
    const [[overall], byType, byDistrict, byIndustry, byCountry, bySize, byEvaluation] = await Promise.all([
      this.dataSource.query(`SELECT ${COUNTS} FROM (${raters}) s`, [campaignId]),
      this.dataSource.query(`SELECT s.rater_type, ${COUNTS} FROM (${raters}) s GROUP BY 1`, [campaignId]),
      this.dataSource.query(
        `SELECT s.district_code AS key, min(s.district_zh) AS label_zh, min(s.district_en) AS label_en, ${COUNTS}
           FROM (${raters}) s WHERE s.rater_type = 'enterprise' GROUP BY 1 ORDER BY 1`,
        [campaignId],
      ),
      group(`COALESCE(s.industry, '')`),
      group(`COALESCE(s.investor_country, '')`),
      group(`COALESCE(s.size_band, '')`),
      this.dataSource.query(
        `SELECT ev.id, ev.kind, ev.title_zh, ev.title_en,
                count(i.id) FILTER (WHERE i.revoked_at IS NULL)::int AS invited,
                count(i.id) FILTER (WHERE i.revoked_at IS NULL AND (i.first_opened_at IS NOT NULL OR r.id IS NOT NULL))::int AS opened,
                count(r.id) FILTER (WHERE i.revoked_at IS NULL AND r.status = 'draft')::int AS draft,
                count(r.id) FILTER (WHERE i.revoked_at IS NULL AND r.status = 'submitted')::int AS submitted
           FROM evaluations ev
           LEFT JOIN invitations i ON i.campaign_id = ev.campaign_id AND i.rater_type = ev.rater_group
           LEFT JOIN responses r ON r.invitation_id = i.id AND r.evaluation_id = ev.id AND r.voided_at IS NULL
          WHERE ev.campaign_id = $1
          GROUP BY ev.id ORDER BY ev.position`,
        [campaignId],
      ),
    ]);
    const ofType = (type: string) => counts(byType.find((r: { rater_type: string }) => r.rater_type === type) ?? { invited: 0, opened: 0, draft: 0, submitted: 0 });
    const labelled = (rows: (CountsRow & { key: string })[], label: (key: string) => { zh: string; en: string }): GroupProgressDto[] =>
      rows.map((r) => ({ key: r.key, labelZh: label(r.key).zh, labelEn: label(r.key).en, ...counts(r) }));
    const asIs = (key: string) => (key ? { zh: key, en: key } : { zh: '未填写', en: 'Not given' });
    return {
      overall: counts(overall),
      enterprises: ofType('enterprise'),
      districtGovernments: ofType('district'),
      byEvaluation: byEvaluation.map((r: CountsRow & { id: string; kind: EvaluationProgressDto['kind']; title_zh: string; title_en: string }) => ({
        evaluationId: r.id, kind: r.kind, titleZh: r.title_zh, titleEn: r.title_en, ...counts(r),
      })),
      byDistrict: byDistrict.map((r: CountsRow & { key: string; label_zh: string; label_en: string }) => ({ key: r.key, labelZh: r.label_zh, labelEn: r.label_en, ...counts(r) })),
      byIndustry: labelled(byIndustry, asIs),
      byInvestorCountry: labelled(byCountry, asIs),
      bySizeBand: labelled(bySize, (key) => (key ? SIZE_BAND_LABELS[key as SizeBand] : asIs(key))),
      computedAt: new Date().toISOString(),
    };
  }

  /** Raters with a working link who have submitted nothing yet, with contacts and links, for reminders. */
  async nonRespondersXlsx(campaignId: string): Promise<Buffer> {
    const everyone = await this.invitations.list(campaignId, { pageSize: 100_000 });
    const pending = everyone.items.filter((i) => i.status !== 'submitted' && i.status !== 'revoked');
    const statusZh: Record<string, string> = { 'not-opened': '未打开', opened: '已打开未填写', draft: '填写中（未提交）' };
    return writeXlsx([
      {
        name: '未提交 Not submitted',
        columns: [
          { header: '类型 Type', key: 'type', width: 12 },
          { header: '代码 Code', key: 'code', width: 22 },
          { header: '名称 Name', key: 'name', width: 36 },
          { header: 'English name', key: 'nameEn', width: 36 },
          { header: '所属区县 District', key: 'district', width: 12 },
          { header: '状态 Status', key: 'status', width: 18 },
          { header: '联系人 Contact', key: 'contact', width: 12 },
          { header: '电话 Phone', key: 'phone', width: 16 },
          { header: '邮箱 E-mail', key: 'email', width: 28 },
          { header: '链接 Link', key: 'link', width: 50 },
        ],
        rows: pending.map((i) => ({
          type: i.raterType === 'enterprise' ? '企业' : '区县政府', code: i.raterCode, name: i.raterNameZh, nameEn: i.raterNameEn, district: i.districtCode,
          status: statusZh[i.status] ?? i.status, contact: i.contactName, phone: i.contactPhone, email: i.contactEmail, link: i.link,
        })),
      },
    ]);
  }
}
