import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CampaignStatus, EvaluationKind, TargetGroup } from '../campaigns/campaign.entities.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { RATINGS_VALUE } from '../questionnaires/questionnaire-rules.js';
import { loadTargets, withTargets } from '../responses/served-questionnaire.js';
import { PublicLinkDto, PublicQuestionnaireDto } from './dto/public-link.dto.js';
import { InvitationsService } from './invitations.service.js';
import { LinkTokens } from './link-tokens.js';

export interface ResolvedInvitation {
  id: string;
  campaign_id: string;
  campaign_status: CampaignStatus;
  /** Null for a district government's link. */
  enterprise_id: string | null;
  rater_type: 'enterprise' | 'district';
  token_generation: number;
  rater_code: string;
  rater_name_zh: string;
  rater_name_en: string;
  rater_district_code: string;
}

/** What a rater sees behind a personal link. */
@Injectable()
export class PublicLinkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
  ) {}

  /**
   * The invitation behind a token, or 404 — the same answer for a token that never
   * existed, a revoked one and a replaced one, so the answer reveals nothing.
   */
  async resolve(token: string): Promise<ResolvedInvitation> {
    if (!LinkTokens.looksLikeToken(token)) throw new AppError(ErrorCode.LinkNotFound);
    const [row]: ResolvedInvitation[] = await this.dataSource.query(
      `SELECT i.id, i.campaign_id, c.status AS campaign_status, i.enterprise_id, i.rater_type, i.token_generation,
              COALESCE(e.uscc, d.code) AS rater_code, COALESCE(e.name_zh, d.name_zh) AS rater_name_zh,
              COALESCE(e.name_en, d.name_en) AS rater_name_en, COALESCE(ed.code, d.code) AS rater_district_code
         FROM invitations i
         JOIN campaigns c ON c.id = i.campaign_id
         LEFT JOIN enterprises e ON e.id = i.enterprise_id
         LEFT JOIN districts ed ON ed.id = e.district_id
         LEFT JOIN districts d ON d.id = i.district_id
        WHERE i.token_hash = $1 AND i.revoked_at IS NULL`,
      [LinkTokens.hash(token)],
    );
    if (!row || !this.invitations.tokens.matches(token, row.id, row.token_generation)) throw new AppError(ErrorCode.LinkNotFound);
    return row;
  }

  async open(token: string): Promise<PublicLinkDto> {
    const invitation = await this.resolve(token);
    await this.dataSource.query('UPDATE invitations SET first_opened_at = COALESCE(first_opened_at, now()), last_opened_at = now() WHERE id = $1', [invitation.id]);
    const [campaign] = await this.dataSource.query('SELECT title, slug, status, opens_at, closes_at FROM campaigns WHERE id = $1', [invitation.campaign_id]);
    // A rater who has started keeps the version they started on; others get the newest.
    const evaluations: {
      id: string; kind: EvaluationKind; title_zh: string; title_en: string; target_group: TargetGroup | null; survey: Record<string, unknown>;
      status: 'draft' | 'submitted' | null; data: Record<string, unknown> | null; receipt: string | null; updated_at: Date | null; submitted_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.kind, e.title_zh, e.title_en, e.target_group, q.survey, r.status, r.data, r.receipt, r.updated_at, r.submitted_at
         FROM evaluations e
         LEFT JOIN responses r ON r.evaluation_id = e.id AND r.invitation_id = $3
         JOIN LATERAL (
           SELECT survey FROM questionnaire_versions q
            WHERE q.evaluation_id = e.id AND (r.id IS NULL OR q.id = r.questionnaire_version_id)
            ORDER BY version DESC LIMIT 1
         ) q ON true
        WHERE e.campaign_id = $1 AND e.rater_group = $2 ORDER BY e.position`,
      [invitation.campaign_id, invitation.rater_type, invitation.id],
    );
    const questionnaires: PublicQuestionnaireDto[] = [];
    for (const evaluation of evaluations) {
      const targets = evaluation.target_group ? await loadTargets(this.dataSource, evaluation.id, evaluation.target_group) : [];
      const survey = evaluation.target_group ? withTargets(evaluation.survey, targets) : evaluation.survey;
      // An enterprise rating districts starts with its own district ticked.
      const prefill = evaluation.kind === 'enterprise-rates-districts' && targets.some((t) => t.code === invitation.rater_district_code)
        ? { [RATINGS_VALUE]: [{ target: invitation.rater_district_code }] }
        : null;
      questionnaires.push({
        evaluationId: evaluation.id,
        kind: evaluation.kind,
        title: evaluation.title_zh,
        titleEn: evaluation.title_en,
        status: evaluation.status ?? 'not-started',
        survey,
        data: evaluation.data ?? prefill,
        receipt: evaluation.receipt,
        savedAt: evaluation.updated_at ? evaluation.updated_at.toISOString() : null,
        submittedAt: evaluation.submitted_at ? evaluation.submitted_at.toISOString() : null,
      });
    }
    return {
      campaign: {
        title: campaign.title, slug: campaign.slug, status: campaign.status,
        opensAt: campaign.opens_at ? campaign.opens_at.toISOString() : null, closesAt: campaign.closes_at ? campaign.closes_at.toISOString() : null,
      },
      rater: { type: invitation.rater_type, code: invitation.rater_code, name: invitation.rater_name_zh, nameEn: invitation.rater_name_en || invitation.rater_name_zh },
      questionnaires,
    };
  }
}
