import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { defaultScoringConfig, resolveScoringConfig } from '../scoring/scoring-config.js';
import { scoringConfigProblems } from '../scoring/scoring-config-rules.js';
import { Campaign, Evaluation, QuestionnaireVersion, type CampaignStatus } from './campaign.entities.js';
import { CampaignEvents } from './campaign-events.js';
import { questionnaireTemplate, SERVICE_MONTH } from './campaign-template.js';
import { CampaignDto, CreateCampaignDto, EvaluationDto, UpdateCampaignDto } from './dto/campaign.dto.js';

const UNIQUE_VIOLATION = '23505';

/** The life cycle: which status each action leads from and to. */
export const TRANSITIONS = {
  open: { from: 'draft', to: 'open', stamp: 'openedAt' },
  close: { from: 'open', to: 'closed', stamp: 'closedAt' },
  publish: { from: 'closed', to: 'published', stamp: 'publishedAt' },
} as const satisfies Record<string, { from: CampaignStatus; to: CampaignStatus; stamp: keyof Campaign }>;
export type CampaignAction = keyof typeof TRANSITIONS;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly events: CampaignEvents,
  ) {}

  /** Creates the campaign with its four evaluations over the directory as it is now. */
  async create(input: CreateCampaignDto): Promise<CampaignDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [{ departments, districts }] = await manager.query(
        'SELECT (SELECT count(*) FROM departments)::int AS departments, (SELECT count(*) FROM districts)::int AS districts',
      );
      if (departments === 0 || districts === 0) throw new AppError(ErrorCode.CampaignEmptyDirectory);
      const campaign = manager.create(Campaign, {
        slug: input.slug ?? (await this.freeSlug(manager, `${input.year}-service-month`)),
        title: input.title.trim(),
        year: input.year,
        status: 'draft',
        opensAt: input.opensAt ? new Date(input.opensAt) : null,
        closesAt: input.closesAt ? new Date(input.closesAt) : null,
        scoringConfig: defaultScoringConfig() as unknown as Record<string, unknown>,
        openedAt: null,
        closedAt: null,
        publishedAt: null,
      });
      this.assertWindow(campaign);
      try {
        await manager.insert(Campaign, campaign);
      } catch (error) {
        if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) throw new AppError(ErrorCode.SlugTaken);
        throw error;
      }
      for (const [position, template] of SERVICE_MONTH.entries()) {
        const evaluation = manager.create(Evaluation, { campaignId: campaign.id, position, ...template });
        await manager.insert(Evaluation, evaluation);
        await this.fillTargets(manager, evaluation);
        await manager.insert(QuestionnaireVersion, { evaluationId: evaluation.id, version: 1, survey: questionnaireTemplate(template.kind), frozenAt: null });
      }
      return campaign.id;
    });
    const created = await this.get(id);
    describeMutation({ entity: 'campaign', entityId: id, before: null, after: { slug: created.slug, title: created.title, year: created.year } });
    return created;
  }

  async list(): Promise<CampaignDto[]> {
    const campaigns = await this.campaigns.find({ order: { year: 'DESC', createdAt: 'DESC' } });
    return Promise.all(campaigns.map((c) => this.toDto(c)));
  }

  async get(id: string): Promise<CampaignDto> {
    return this.toDto(await this.load(id));
  }

  async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<Campaign> {
    const campaign = await manager.findOne(Campaign, { where: { id } });
    if (!campaign) throw new AppError(ErrorCode.NotFound);
    return campaign;
  }

  /** Title and window may change while the campaign is a draft; after that it is frozen. */
  async update(id: string, input: UpdateCampaignDto): Promise<CampaignDto> {
    await this.dataSource.transaction(async (manager) => {
      const campaign = await manager.findOne(Campaign, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!campaign) throw new AppError(ErrorCode.NotFound);
      if (campaign.status !== 'draft') throw new AppError(ErrorCode.CampaignNotDraft);
      const before = { title: campaign.title, opensAt: iso(campaign.opensAt), closesAt: iso(campaign.closesAt) };
      if (input.title !== undefined) campaign.title = input.title.trim();
      if (input.opensAt !== undefined) campaign.opensAt = input.opensAt ? new Date(input.opensAt) : null;
      if (input.closesAt !== undefined) campaign.closesAt = input.closesAt ? new Date(input.closesAt) : null;
      this.assertWindow(campaign);
      await manager.save(campaign);
      describeMutation({ entity: 'campaign', entityId: id, before, after: { title: campaign.title, opensAt: iso(campaign.opensAt), closesAt: iso(campaign.closesAt) } });
    });
    return this.get(id);
  }

  /**
   * The office's scoring configuration, completed with the defaults; editable only while the
   * campaign is a draft, so every ballot is scored by the rules announced when it opened.
   */
  async updateScoringConfig(id: string, candidate: unknown): Promise<CampaignDto> {
    const problems = scoringConfigProblems(candidate);
    if (problems.length > 0) {
      throw new AppError(ErrorCode.ScoringConfigInvalid, { errors: problems.map((p) => ({ field: p.field, message: p.en, messages: { zh: p.zh, en: p.en } })) });
    }
    await this.dataSource.transaction(async (manager) => {
      const campaign = await manager.findOne(Campaign, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!campaign) throw new AppError(ErrorCode.NotFound);
      if (campaign.status !== 'draft') throw new AppError(ErrorCode.CampaignNotDraft);
      const before = campaign.scoringConfig;
      campaign.scoringConfig = resolveScoringConfig(candidate) as unknown as Record<string, unknown>;
      await manager.save(campaign);
      describeMutation({ entity: 'campaign', entityId: id, before: { scoringConfig: before }, after: { scoringConfig: campaign.scoringConfig } });
    });
    return this.get(id);
  }

  /** Moves the campaign one step along draft → open → closed → published, and only that way. */
  async transition(id: string, action: CampaignAction): Promise<CampaignDto> {
    const step = TRANSITIONS[action];
    await this.dataSource.transaction(async (manager) => {
      const campaign = await manager.findOne(Campaign, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!campaign) throw new AppError(ErrorCode.NotFound);
      if (campaign.status !== step.from) throw new AppError(ErrorCode.CampaignTransition);
      if (action === 'publish') {
        const [snapshot] = await manager.query('SELECT awards_confirmed_at FROM result_snapshots WHERE campaign_id = $1 FOR SHARE', [id]);
        if (!snapshot?.awards_confirmed_at) throw new AppError(ErrorCode.AwardsNotConfirmed);
      }
      const before = campaign.status;
      campaign.status = step.to;
      campaign[step.stamp] = new Date();
      await manager.save(campaign);
      describeMutation({ entity: 'campaign', entityId: id, before: { status: before }, after: { status: step.to } });
    });
    if (action === 'close') this.events.emitClosed(id);
    return this.get(id);
  }

  private async fillTargets(manager: EntityManager, evaluation: Evaluation): Promise<void> {
    if (evaluation.targetGroup === 'department') {
      await manager.query('INSERT INTO evaluation_targets (evaluation_id, department_id) SELECT $1, id FROM departments', [evaluation.id]);
    } else if (evaluation.targetGroup === 'district') {
      await manager.query('INSERT INTO evaluation_targets (evaluation_id, district_id) SELECT $1, id FROM districts', [evaluation.id]);
    }
  }

  private async freeSlug(manager: EntityManager, base: string): Promise<string> {
    const taken = new Set(
      (await manager.query('SELECT slug FROM campaigns WHERE slug = $1 OR slug LIKE $2', [base, `${base}-%`])).map((r: { slug: string }) => r.slug),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  private assertWindow(campaign: Campaign): void {
    if (campaign.opensAt && campaign.closesAt && campaign.closesAt <= campaign.opensAt) {
      throw new AppError(ErrorCode.ValidationFailed, {
        errors: [{ field: 'closesAt', message: 'closesAt must be after opensAt', messages: { zh: '截止时间应晚于开始时间', en: 'closesAt must be after opensAt' } }],
      });
    }
  }

  private async toDto(campaign: Campaign): Promise<CampaignDto> {
    const rows: (Evaluation & { target_count: number; questionnaire_version: number })[] = await this.dataSource.query(
      `SELECT e.id, e.kind, e.title_zh AS "titleZh", e.title_en AS "titleEn", e.rater_group AS "raterGroup", e.target_group AS "targetGroup",
              (SELECT count(*) FROM evaluation_targets t WHERE t.evaluation_id = e.id)::int AS target_count,
              (SELECT max(version) FROM questionnaire_versions q WHERE q.evaluation_id = e.id) AS questionnaire_version
         FROM evaluations e WHERE e.campaign_id = $1 ORDER BY e.position`,
      [campaign.id],
    );
    const evaluations: EvaluationDto[] = rows.map((r) => ({
      id: r.id, kind: r.kind, titleZh: r.titleZh, titleEn: r.titleEn, raterGroup: r.raterGroup, targetGroup: r.targetGroup,
      targetCount: r.target_count, questionnaireVersion: r.questionnaire_version,
    }));
    return {
      id: campaign.id, slug: campaign.slug, title: campaign.title, year: campaign.year, status: campaign.status,
      opensAt: iso(campaign.opensAt), closesAt: iso(campaign.closesAt), openedAt: iso(campaign.openedAt), closedAt: iso(campaign.closedAt),
      publishedAt: iso(campaign.publishedAt), createdAt: campaign.createdAt.toISOString(), evaluations,
      // Completed with today's defaults: a setting added since the campaign was created shows its default.
      scoringConfig: resolveScoringConfig(campaign.scoringConfig) as unknown as Record<string, unknown>,
    };
  }
}
