import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { likePattern } from '../common/sql.js';
import { writeCsv, writeXlsx } from '../common/tabular.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { GenerateInvitationsResultDto, InvitationDto, InvitationPageDto, InvitationQueryDto, type InvitationStatus } from './dto/invitation.dto.js';
import { LinkTokens } from './link-tokens.js';

interface InvitationRow {
  id: string;
  rater_type: 'enterprise' | 'district';
  rater_code: string;
  rater_name_zh: string;
  rater_name_en: string;
  district_code: string;
  token_generation: number;
  revoked_at: Date | null;
  first_opened_at: Date | null;
  status: InvitationStatus;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
}

/**
 * How far a rater got with its rating questionnaires (the social-responsibility
 * declaration is voluntary and does not count as responding).
 */
export const RATING_PROGRESS = `
  SELECT count(*) FILTER (WHERE r.status = 'submitted')::int AS submitted, count(*) FILTER (WHERE r.status = 'draft')::int AS drafts
    FROM responses r JOIN evaluations ev ON ev.id = r.evaluation_id
   WHERE r.invitation_id = i.id AND ev.kind <> 'csr-declaration' AND r.voided_at IS NULL`;

/** A rater's furthest step: revoked, submitted, draft, opened or not opened. */
export const RATER_STATUS = `CASE WHEN i.revoked_at IS NOT NULL THEN 'revoked' WHEN p.submitted > 0 THEN 'submitted'
  WHEN p.drafts > 0 THEN 'draft' WHEN i.first_opened_at IS NOT NULL THEN 'opened' ELSE 'not-opened' END`;

/** Rater identity and progress of every invitation, enterprise or district government. */
const SELECT_INVITATIONS = `
  SELECT i.id, i.rater_type, i.token_generation, i.revoked_at, i.first_opened_at, ${RATER_STATUS} AS status,
         COALESCE(e.uscc, d.code) AS rater_code,
         COALESCE(e.name_zh, d.name_zh) AS rater_name_zh,
         COALESCE(e.name_en, d.name_en) AS rater_name_en,
         COALESCE(ed.code, d.code) AS district_code,
         COALESCE(e.contact_name, '') AS contact_name, COALESCE(e.contact_phone, '') AS contact_phone, COALESCE(e.contact_email, '') AS contact_email
    FROM invitations i
    LEFT JOIN enterprises e ON e.id = i.enterprise_id
    LEFT JOIN districts ed ON ed.id = e.district_id
    LEFT JOIN districts d ON d.id = i.district_id
    LEFT JOIN LATERAL (${RATING_PROGRESS}) p ON true`;


@Injectable()
export class InvitationsService {
  readonly tokens: LinkTokens;

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tokens = new LinkTokens(config.appSecret);
  }

  /**
   * One link per enterprise and per district government; raters added to the directory
   * since the last call get theirs, nobody gets a second one.
   */
  async generate(campaignId: string): Promise<GenerateInvitationsResultDto> {
    const campaign = await this.campaigns.load(campaignId);
    if (campaign.status === 'closed' || campaign.status === 'published') throw new AppError(ErrorCode.CampaignTransition);
    const created = await this.dataSource.transaction(async (manager) => {
      // Serialises concurrent calls for one campaign, so counts add up.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`invitations:${campaignId}`]);
      const enterprises: { id: string }[] = await manager.query(
        'SELECT e.id FROM enterprises e WHERE NOT EXISTS (SELECT 1 FROM invitations i WHERE i.campaign_id = $1 AND i.enterprise_id = e.id)',
        [campaignId],
      );
      const districts: { id: string }[] = await manager.query(
        'SELECT d.id FROM districts d WHERE NOT EXISTS (SELECT 1 FROM invitations i WHERE i.campaign_id = $1 AND i.district_id = d.id)',
        [campaignId],
      );
      const rows = [
        ...enterprises.map((r) => ({ type: 'enterprise', enterpriseId: r.id, districtId: null })),
        ...districts.map((r) => ({ type: 'district', enterpriseId: null, districtId: r.id })),
      ].map((r) => {
        const id = randomUUID();
        return { ...r, id, hash: LinkTokens.hash(this.tokens.tokenFor(id, 1)) };
      });
      if (rows.length > 0) {
        await manager.query(
          `INSERT INTO invitations (id, campaign_id, rater_type, enterprise_id, district_id, token_hash)
           SELECT v.id, $1, v.rater_type, v.enterprise_id, v.district_id, v.token_hash
             FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::bytea[]) AS v(id, rater_type, enterprise_id, district_id, token_hash)`,
          [campaignId, rows.map((r) => r.id), rows.map((r) => r.type), rows.map((r) => r.enterpriseId), rows.map((r) => r.districtId), rows.map((r) => r.hash)],
        );
      }
      return rows.length;
    });
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM invitations WHERE campaign_id = $1', [campaignId]);
    if (created > 0) describeMutation({ entity: 'campaign.invitations', entityId: campaignId, before: null, after: { created, total } });
    return { created, total };
  }

  async list(campaignId: string, query: InvitationQueryDto): Promise<InvitationPageDto> {
    await this.campaigns.load(campaignId);
    const { sql, values } = this.filter(campaignId, query);
    const pageSize = query.pageSize ?? 50;
    const offset = ((query.page ?? 1) - 1) * pageSize;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`${SELECT_INVITATIONS} ${sql} ORDER BY i.rater_type DESC, district_code, rater_name_zh LIMIT ${pageSize} OFFSET ${offset}`, values),
      this.dataSource.query(`SELECT count(*)::int AS total FROM (${SELECT_INVITATIONS} ${sql}) AS matched`, values),
    ]);
    return { total, items: rows.map((r: InvitationRow) => this.toDto(r)) };
  }

  /** invitations.csv per the public contract: rater_type, rater_code, rater_name, link, status. */
  async exportCsv(campaignId: string): Promise<string> {
    const items = await this.all(campaignId);
    return writeCsv(EXPORT_COLUMNS.map(({ header, key }) => ({ header, key })), items.map(exportRow));
  }

  async exportXlsx(campaignId: string): Promise<Buffer> {
    const items = await this.all(campaignId);
    return writeXlsx([
      {
        name: '评议链接 Links',
        columns: [
          ...EXPORT_COLUMNS,
          { header: 'rater_name_en', key: 'rater_name_en', width: 40 },
          { header: 'district_code', key: 'district_code', width: 12 },
          { header: 'contact_name', key: 'contact_name', width: 12 },
          { header: 'contact_phone', key: 'contact_phone', width: 16 },
          { header: 'contact_email', key: 'contact_email', width: 28 },
        ],
        rows: items.map(exportRow),
      },
    ]);
  }

  /** The old link stops working at once; the invitation keeps its history. */
  async revoke(campaignId: string, invitationId: string): Promise<InvitationDto> {
    return this.change(campaignId, invitationId, 'revoke');
  }

  /** A new link for the same rater; the previous one stops working at once. */
  async reissue(campaignId: string, invitationId: string): Promise<InvitationDto> {
    return this.change(campaignId, invitationId, 'reissue');
  }

  async get(campaignId: string, invitationId: string): Promise<InvitationDto> {
    const [row] = await this.dataSource.query(`${SELECT_INVITATIONS} WHERE i.campaign_id = $1 AND i.id = $2`, [campaignId, invitationId]);
    if (!row) throw new AppError(ErrorCode.NotFound);
    return this.toDto(row);
  }

  linkFor(invitationId: string, generation: number): string {
    return `${this.config.publicUrl}/s/${this.tokens.tokenFor(invitationId, generation)}`;
  }

  private async change(campaignId: string, invitationId: string, action: 'revoke' | 'reissue'): Promise<InvitationDto> {
    const before = await this.get(campaignId, invitationId);
    if (action === 'revoke') {
      await this.dataSource.query('UPDATE invitations SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [invitationId]);
    } else {
      await this.dataSource.transaction(async (manager) => {
        const [{ token_generation: current }] = await manager.query('SELECT token_generation FROM invitations WHERE id = $1 FOR UPDATE', [invitationId]);
        const next = current + 1;
        await manager.query('UPDATE invitations SET token_generation = $2, token_hash = $3, revoked_at = NULL WHERE id = $1', [
          invitationId,
          next,
          LinkTokens.hash(this.tokens.tokenFor(invitationId, next)),
        ]);
      });
    }
    const after = await this.get(campaignId, invitationId);
    describeMutation({ entity: 'invitation', entityId: invitationId, before: { status: before.status }, after: { status: after.status, action } });
    return after;
  }

  private async all(campaignId: string): Promise<InvitationDto[]> {
    await this.campaigns.load(campaignId);
    const rows: InvitationRow[] = await this.dataSource.query(`${SELECT_INVITATIONS} WHERE i.campaign_id = $1 ORDER BY i.rater_type DESC, district_code, rater_name_zh`, [campaignId]);
    return rows.map((r) => this.toDto(r));
  }

  private filter(campaignId: string, query: InvitationQueryDto): { sql: string; values: unknown[] } {
    const parts = ['i.campaign_id = $1'];
    const values: unknown[] = [campaignId];
    if (query.raterType) {
      values.push(query.raterType);
      parts.push(`i.rater_type = $${values.length}`);
    }
    if (query.status) {
      values.push(query.status);
      parts.push(`${RATER_STATUS} = $${values.length}`);
    }
    if (query.q) {
      values.push(likePattern(query.q));
      const n = values.length;
      parts.push(`(COALESCE(e.uscc, d.code) ILIKE $${n} OR COALESCE(e.name_zh, d.name_zh) ILIKE $${n} OR COALESCE(e.name_en, d.name_en) ILIKE $${n})`);
    }
    return { sql: `WHERE ${parts.join(' AND ')}`, values };
  }

  private toDto(row: InvitationRow): InvitationDto {
    return {
      id: row.id,
      raterType: row.rater_type,
      raterCode: row.rater_code,
      raterNameZh: row.rater_name_zh,
      raterNameEn: row.rater_name_en,
      districtCode: row.district_code,
      link: row.revoked_at ? null : this.linkFor(row.id, row.token_generation),
      status: row.status,
      firstOpenedAt: row.first_opened_at ? row.first_opened_at.toISOString() : null,
      contactName: row.contact_name,
      contactPhone: row.contact_phone,
      contactEmail: row.contact_email,
    };
  }
}

const EXPORT_COLUMNS = [
  { header: 'rater_type', key: 'rater_type', width: 12 },
  { header: 'rater_code', key: 'rater_code', width: 22 },
  { header: 'rater_name', key: 'rater_name', width: 36 },
  { header: 'link', key: 'link', width: 50 },
  { header: 'status', key: 'status', width: 12 },
];

function exportRow(item: InvitationDto): Record<string, string> {
  return {
    rater_type: item.raterType,
    rater_code: item.raterCode,
    rater_name: item.raterNameZh,
    rater_name_en: item.raterNameEn,
    link: item.link ?? '',
    status: item.status,
    district_code: item.districtCode,
    contact_name: item.contactName,
    contact_phone: item.contactPhone,
    contact_email: item.contactEmail,
  };
}
