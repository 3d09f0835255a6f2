import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { writeXlsx } from '../common/tabular.js';
import { SIZE_BAND_LABELS } from '../directory/directory-columns.js';
import type { SizeBand } from '../directory/directory.entities.js';
import type { InvitationStatus } from '../invitations/dto/invitation.dto.js';
import { InvitationsService, RATER_STATUS, RATING_PROGRESS } from '../invitations/invitations.service.js';
import { EvaluationProgressDto, GroupProgressDto, ProgressCountsDto, ProgressDto } from './dto/progress.dto.js';

interface CountsRow {
  invited: number;
  opened: number;
  draft: number;
  submitted: number;
}

interface RaterRow {
  rater_type: 'enterprise' | 'district';
  status: InvitationStatus;
  district_code: string;
  district_zh: string;
  district_en: string;
  industry: string;
  investor_country: string;
  size_band: string;
}

/** Counts of a set of raters by their furthest step; revoked links are not counted as invited. */
function tally(rows: RaterRow[]): ProgressCountsDto {
  const live = rows.filter((r) => r.status !== 'revoked');
  const inStatus = (...statuses: InvitationStatus[]) => live.filter((r) => statuses.includes(r.status)).length;
  return counts({ invited: live.length, opened: inStatus('opened', 'draft', 'submitted'), draft: inStatus('draft'), submitted: inStatus('submitted') });
}

/** Rows grouped by a key, in the key's code-point order. */
function groupBy(rows: RaterRow[], key: (r: RaterRow) => string): [string, RaterRow[]][] {
  const groups = new Map<string, RaterRow[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

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
    // One row per rater with its status and the enterprise's attributes, read once and counted below.
    const [raters, byEvaluation]: [RaterRow[], (CountsRow & { id: string; kind: EvaluationProgressDto['kind']; title_zh: string; title_en: string })[]] = await Promise.all([
      this.dataSource.query(
        `SELECT i.rater_type, ${RATER_STATUS} AS status, d.code AS district_code, d.name_zh AS district_zh, d.name_en AS district_en,
                COALESCE(e.industry, '') AS industry, COALESCE(e.investor_country, '') AS investor_country, COALESCE(e.size_band, '') AS size_band
           FROM invitations i
           LEFT JOIN enterprises e ON e.id = i.enterprise_id
           LEFT JOIN districts d ON d.id = COALESCE(e.district_id, i.district_id)
           LEFT JOIN LATERAL (${RATING_PROGRESS}) p ON true
          WHERE i.campaign_id = $1`,
        [campaignId],
      ),
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
    const enterprises = raters.filter((r) => r.rater_type === 'enterprise');
    const districtNames = new Map(enterprises.map((r) => [r.district_code, { zh: r.district_zh, en: r.district_en }]));
    const asIs = (key: string) => (key ? { zh: key, en: key } : { zh: '未填写', en: 'Not given' });
    const by = (key: (r: RaterRow) => string, label: (key: string) => { zh: string; en: string }): GroupProgressDto[] =>
      groupBy(enterprises, key).map(([value, rows]) => ({ key: value, labelZh: label(value).zh, labelEn: label(value).en, ...tally(rows) }));
    return {
      overall: tally(raters),
      enterprises: tally(enterprises),
      districtGovernments: tally(raters.filter((r) => r.rater_type === 'district')),
      byEvaluation: byEvaluation.map((r) => ({ evaluationId: r.id, kind: r.kind, titleZh: r.title_zh, titleEn: r.title_en, ...counts(r) })),
      byDistrict: by((r) => r.district_code, (code) => districtNames.get(code)!),
      byIndustry: by((r) => r.industry, asIs),
      byInvestorCountry: by((r) => r.investor_country, asIs),
      bySizeBand: by((r) => r.size_band, (key) => (key ? SIZE_BAND_LABELS[key as SizeBand] : asIs(key))),
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
