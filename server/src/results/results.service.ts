import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.types.js';
import type { CampaignStatus } from '../campaigns/campaign.entities.js';
import { CampaignEvents } from '../campaigns/campaign-events.js';
import { CasesService } from '../cases/cases.service.js';
import { beijingDate } from '../cases/working-days.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { csvRows, csvStart } from '../common/tabular.js';
import { describeMutation } from '../common/request-context.js';
import { projectRoot } from '../config/app-config.js';
import { loadCsrInputs, type CsrInputs } from '../csr/csr.service.js';
import type { CsrResultsDto } from '../csr/dto/csr.dto.js';
import { CSR_INDICATORS, scoreCsr } from '../scoring/csr-scoring.js';
import type { QualityFlag } from '../scoring/data-quality.js';
import { canonicalJson, resolveScoringConfig, type ScoringConfig } from '../scoring/scoring-config.js';
import { bootstrapBlocks, configHash, resamplesIn, type BootstrapTallies } from '../scoring/scoring-engine.js';
import type { CompositeResult, ScoringOutput, UnitType } from '../scoring/scoring-types.js';
import {
  CSR_CATEGORY, type AwardDto, type AwardKind, type AwardOverrideDto, type AwardUnitType, type CompositeResultDto, type ComputationDto, type EvaluationResultDto, type PublicResultsDto, type QualityFlagDto, type ResultsDto, type TargetResultDto,
} from './dto/results.dto.js';
import { clearAwardsConfirmation, officeInputChanged } from './office-inputs.js';
import { loadScoringInputs, type LoadedInputs, type UnitName } from './scoring-inputs.js';
import type { EvaluationQuality, WorkerData, WorkerJob, WorkerMessage, WorkerRequest } from './scoring-worker.js';

/** What a snapshot keeps: everything the pages show except the office's later decisions. */
export interface SnapshotBody {
  configHash: string;
  config: ScoringConfig;
  evaluations: EvaluationResultDto[];
  composite: CompositeResultDto[];
  categories: ScoringOutput['categories'];
  dataQuality: Omit<QualityFlagDto, 'voided'>[];
  previousCampaign: string | null;
  /** 社会责任先进企业; null where the campaign has no declaration. */
  csr: CsrResultsDto | null;
}

const AWARD_OF: Record<AwardUnitType, AwardKind> = { department: 'service-unit', district: 'investment-district', enterprise: 'csr-enterprise' };
const OVERRIDE_COLUMN: Record<AwardUnitType, string> = { department: 'department_id', district: 'district_id', enterprise: 'enterprise_id' };
/** A per-criterion breakdown is shown only where at least this many ballots back it. */
const BREAKDOWN_MIN_BALLOTS = 5;
/** A computation that has not finished in this long is taken to have died with its process. */
const STALE_MINUTES = 5;
/** Ballots per query when writing the ratings CSV. */
const CSV_BATCH = 500;

/**
 * A campaign's results: computed from the ballots and the office's inputs by the pure engine in
 * a worker thread, kept as one snapshot, read by the pages, the exports and the public page.
 */
@Injectable()
export class ResultsService {
  private readonly logger = new Logger('results');

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    events: CampaignEvents,
  ) {
    // Closing computes the results once, so the office finds them ready.
    events.onClosed((campaignId) => void this.startComputation(campaignId).catch((error: unknown) => this.logger.error({ err: error, campaignId }, 'computing results at close failed')));
  }

  /**
   * Starts computing unless a computation is already under way; returns its progress, or with
   * `wait` the finished computation (for a command that exits when it is done).
   */
  async startComputation(campaignId: string, { wait = false }: { wait?: boolean } = {}): Promise<ComputationDto> {
    const campaign = await this.campaign(campaignId);
    if (campaign.status === 'published') throw new AppError(ErrorCode.ResultsFrozen);
    if (campaign.status === 'draft') throw new AppError(ErrorCode.ResultsNotAvailable);
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO result_computations (campaign_id, status, phase, done, total, started_at) VALUES ($1, 'running', 'loading', 0, 0, now())
       ON CONFLICT (campaign_id) DO UPDATE SET status = 'running', phase = 'loading', done = 0, total = 0, started_at = now(), finished_at = NULL, error = NULL
        WHERE result_computations.status <> 'running' OR result_computations.started_at < now() - make_interval(mins => $2)
       RETURNING campaign_id`,
      [campaignId, STALE_MINUTES],
    );
    if (claimed.length > 0) {
      const running = this.run(campaignId);
      if (wait) await running;
      else void running.catch((error: unknown) => this.logger.error({ err: error, campaignId }, 'computing results failed'));
    }
    return this.computationState(campaignId);
  }

  async computation(campaignId: string): Promise<ComputationDto> {
    await this.campaign(campaignId);
    return this.computationState(campaignId);
  }

  private async computationState(campaignId: string): Promise<ComputationDto> {
    const [row] = await this.dataSource.query('SELECT status, phase, done, total, started_at, finished_at, error FROM result_computations WHERE campaign_id = $1', [campaignId]);
    if (!row) return { status: 'idle', phase: '', done: 0, total: 0, startedAt: null, finishedAt: null, error: null };
    return { status: row.status, phase: row.phase, done: row.done, total: row.total, startedAt: iso(row.started_at), finishedAt: iso(row.finished_at), error: row.error };
  }

  private async run(campaignId: string): Promise<void> {
    try {
      const started = performance.now();
      const campaign = await this.campaign(campaignId);
      const config = resolveScoringConfig(campaign.scoring_config);
      const cutoff = campaign.closed_at ?? new Date();
      const figures = await this.cases.figures(campaignId, { to: beijingDate(cutoff) }, null);
      // The results are as of the moment the ballots were read: a ballot voided while the engine
      // runs must still make them outdated.
      const { loaded, csrInputs, readAt, inputsVersion } = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
        const [{ now, inputs_version }]: { now: Date; inputs_version: number }[] = await manager.query('SELECT now(), inputs_version FROM campaigns WHERE id = $1', [campaignId]);
        return { loaded: await loadScoringInputs(manager, campaignId, config, figures), csrInputs: await loadCsrInputs(manager, campaignId), readAt: now, inputsVersion: inputs_version };
      });
      const hash = configHash(config);
      loaded.input.seed = `${campaignId}:${hash}`;
      const loadedAt = performance.now();
      await this.progress(campaignId, 'resampling', 0, config.uncertainty.resamples);
      const { output, quality } = await this.inWorker(
        { input: loaded.input, quality: loaded.evaluations.map((e) => ({ evaluationId: e.evaluationId, ballots: e.quality })) },
        (done, total) => this.progress(campaignId, 'resampling', done, total),
      );
      const csr = csrInputs && csrSection(config, csrInputs);
      const scoredAt = performance.now();
      await this.progress(campaignId, 'saving', config.uncertainty.resamples, config.uncertainty.resamples);
      const body = await this.snapshotBody(campaign, config, loaded, output, quality, csr);
      const text = canonicalJson(body);
      await this.dataSource.transaction(async (manager) => {
        const [locked] = await manager.query('SELECT status FROM campaigns WHERE id = $1 FOR SHARE', [campaignId]);
        if (locked.status === 'published') throw new AppError(ErrorCode.ResultsFrozen);
        // The same results again keep the office's confirmation; different ones need it anew.
        await manager.query(
          `INSERT INTO result_snapshots (campaign_id, config_hash, body_hash, computed_at, body, inputs_version) VALUES ($1, $2, $3, $5, $4::jsonb, $6)
           ON CONFLICT (campaign_id) DO UPDATE SET config_hash = EXCLUDED.config_hash, body_hash = EXCLUDED.body_hash, computed_at = EXCLUDED.computed_at, body = EXCLUDED.body,
             inputs_version = EXCLUDED.inputs_version,
             awards_confirmed_at = CASE WHEN result_snapshots.body_hash = EXCLUDED.body_hash THEN result_snapshots.awards_confirmed_at END,
             awards_confirmed_by = CASE WHEN result_snapshots.body_hash = EXCLUDED.body_hash THEN result_snapshots.awards_confirmed_by END`,
          [campaignId, hash, sha256(text), text, readAt, inputsVersion],
        );
        await manager.query(`UPDATE result_computations SET status = 'done', phase = 'done', finished_at = now() WHERE campaign_id = $1`, [campaignId]);
      });
      const ms = (from: number, to: number) => Math.round(to - from);
      this.logger.log({ campaignId, loadMs: ms(started, loadedAt), scoreMs: ms(loadedAt, scoredAt), saveMs: ms(scoredAt, performance.now()) }, 'results computed');
    } catch (error) {
      const message = error instanceof AppError ? error.message : 'The computation failed; the server log has the details.';
      await this.dataSource.query(`UPDATE result_computations SET status = 'failed', finished_at = now(), error = $2 WHERE campaign_id = $1`, [campaignId, message]);
      throw error;
    }
  }

  private lastProgress = new Map<string, number>();

  /** Progress for the console, written at most twice a second. */
  private async progress(campaignId: string, phase: string, done: number, total: number): Promise<void> {
    const now = Date.now();
    if (phase === 'resampling' && done > 0 && done < total && now - (this.lastProgress.get(campaignId) ?? 0) < 500) return;
    this.lastProgress.set(campaignId, now);
    await this.dataSource.query('UPDATE result_computations SET phase = $2, done = $3, total = $4 WHERE campaign_id = $1', [campaignId, phase, done, total]);
  }

  /**
   * Scores in worker threads, so the server keeps answering: min(2, cores) workers take jobs one
   * at a time — the data-quality flags first, then the bootstrap block by block, so a thread that
   * the machine slows down takes fewer blocks — and the last one to finish a job turns the tallies
   * of all blocks into the output. Tallies add up, so the output does not depend on which thread
   * drew which block.
   */
  private inWorker(request: WorkerRequest, onProgress: (done: number, total: number) => Promise<void>): Promise<{ output: ScoringOutput; quality: EvaluationQuality[] }> {
    const { config } = request.input;
    const blocks = bootstrapBlocks(config);
    const total = resamplesIn(config, 0, blocks);
    const jobs: WorkerJob[] = [{ type: 'quality', quality: request.quality }];
    for (let block = 0; block < blocks; block++) jobs.push({ type: 'tally', from: block, to: block + 1 });
    // Two threads halve the wait; more would take the cores the database and the requests need.
    const threads = Math.min(2, availableParallelism(), jobs.length);
    return new Promise((resolve, reject) => {
      const tallies: BootstrapTallies[] = [];
      let quality: EvaluationQuality[] = [];
      let out = 0;
      let done = 0;
      let settled = false;
      const workers = new Set<Worker>();
      const stop = (worker: Worker) => {
        workers.delete(worker);
        void worker.terminate();
      };
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        for (const worker of [...workers]) stop(worker);
        outcome();
      };
      const next = (worker: Worker) => {
        const job = jobs.shift();
        try {
          if (job) {
            out++;
            worker.postMessage(job);
          } else if (out > 0) {
            // The others are still at work; the last of them finishes.
            stop(worker);
          } else {
            worker.postMessage({ type: 'finish', tallies } satisfies WorkerJob, tallies.flatMap((t) => [t.counts.buffer, t.inQuota.buffer]));
          }
        } catch (error) {
          settle(() => reject(error));
        }
      };
      const onMessage = (worker: Worker, message: WorkerMessage) => {
        if (message.type === 'result') {
          settle(() => resolve({ output: message.output, quality }));
          return;
        }
        out--;
        if (message.type === 'quality') quality = message.quality;
        else {
          tallies.push(message.tallies);
          done += resamplesIn(config, message.tallies.from, message.tallies.to);
          void onProgress(done, total).catch(() => undefined);
        }
        next(worker);
      };
      try {
        for (let i = 0; i < threads; i++) {
          const worker: Worker = scoringWorker(request.input, {
            onMessage: (message) => onMessage(worker, message),
            onError: (error) => settle(() => reject(error)),
            stopped: () => !workers.has(worker),
          });
          workers.add(worker);
          next(worker);
        }
      } catch (error) {
        settle(() => reject(error));
      }
    });
  }

  private async snapshotBody(
    campaign: CampaignRow,
    config: ScoringConfig,
    loaded: LoadedInputs,
    output: ScoringOutput,
    quality: { evaluationId: string; flags: QualityFlag[] }[],
    csr: CsrResultsDto | null,
  ): Promise<SnapshotBody> {
    const names = new Map<string, UnitName>([...loaded.departments.map((u) => [`department:${u.code}`, u] as const), ...loaded.districts.map((u) => [`district:${u.code}`, u] as const)]);
    const previous = await this.previousScores(campaign);
    const evaluations: EvaluationResultDto[] = output.evaluations.map((evaluation) => {
      const meta = loaded.evaluations.find((e) => e.evaluationId === evaluation.evaluationId)!;
      const input = loaded.input.evaluations.find((e) => e.evaluationId === evaluation.evaluationId)!;
      const criteria = input.criteria;
      return {
        evaluationId: evaluation.evaluationId, kind: evaluation.kind, titleZh: meta.titleZh, titleEn: meta.titleEn, raterGroup: evaluation.raterGroup, targetGroup: evaluation.targetGroup,
        invited: meta.invited, ballots: evaluation.ballots, voided: meta.voided, quorumMet: evaluation.quorumMet, k: evaluation.k, kEstimated: evaluation.kEstimated,
        withinSd: pooledSd(input.targets.map((t) => t.ballotScores.primary)), criteria,
        targets: evaluation.targets.map((t): TargetResultDto => {
          const unit = names.get(`${evaluation.targetGroup}:${t.code}`);
          return {
            ...t, nameZh: unit?.nameZh ?? t.code, nameEn: unit?.nameEn ?? t.code, answerCounts: meta.answerCounts[t.code] ?? {},
            previousScore: previous?.scores.get(`${evaluation.kind}:${t.code}`) ?? null,
          };
        }),
      };
    });
    const composite = output.composite.map((c: CompositeResult): CompositeResultDto => {
      const unit = names.get(`${c.unitType}:${c.code}`);
      return { ...c, nameZh: unit?.nameZh ?? c.code, nameEn: unit?.nameEn ?? c.code };
    });
    const dataQuality = quality.flatMap(({ evaluationId, flags }) => {
      const receipts = loaded.evaluations.find((e) => e.evaluationId === evaluationId)!.receipts;
      return flags.map((f) => ({
        evaluationId, responseId: f.ballotId, receipt: receipts[f.ballotId] ?? '', kind: f.kind, share: f.detail.share ?? null, seconds: f.detail.seconds ?? null,
        medianSeconds: f.detail.medianSeconds ?? null, otherReceipt: f.detail.otherBallotId ? (receipts[f.detail.otherBallotId] ?? null) : null,
      }));
    });
    return { configHash: output.configHash, config, evaluations, composite, categories: output.categories, dataQuality, previousCampaign: previous?.title ?? null, csr };
  }

  /** S of every target in the newest earlier campaign that has results, for the change on the detail page. */
  private async previousScores(campaign: CampaignRow): Promise<{ title: string; scores: Map<string, number> } | null> {
    const [previous] = await this.dataSource.query(
      `SELECT c.id, c.title FROM campaigns c JOIN result_snapshots s ON s.campaign_id = c.id WHERE c.year < $1 ORDER BY c.year DESC, c.created_at DESC LIMIT 1`,
      [campaign.year],
    );
    if (!previous) return null;
    const rows: { kind: string; code: string; score: number | null }[] = await this.dataSource.query(
      `SELECT e->>'kind' AS kind, t->>'code' AS code, (t->>'score')::float8 AS score
         FROM result_snapshots s, jsonb_array_elements(s.body->'evaluations') e, jsonb_array_elements(e->'targets') t WHERE s.campaign_id = $1`,
      [previous.id],
    );
    return { title: previous.title, scores: new Map(rows.filter((r) => r.score !== null).map((r) => [`${r.kind}:${r.code}`, r.score!])) };
  }

  /** The results as the pages read them; department and district users see their own unit only. */
  async results(campaignId: string, principal: Principal): Promise<ResultsDto> {
    const campaign = await this.campaign(campaignId);
    const snapshot = await this.snapshot(campaignId);
    const body = snapshot.body;
    const awards = await this.awards(campaignId, body);
    const voided = await this.voidedAmong(body.dataQuality.map((f) => f.responseId));
    const own = await this.ownUnit(principal);
    const visible = (unitType: AwardUnitType, code: string) => !own || (own.unitType === unitType && own.code === code);
    // A unit learns whether it is awarded when everyone does: on publication.
    const awardsHidden = own !== null && campaign.status !== 'published';
    const withoutAwards = <T extends { awarded?: boolean; inQuota?: boolean; pInQuota: number | null }>(row: T): T =>
      awardsHidden ? { ...row, pInQuota: null, ...('awarded' in row ? { awarded: false } : {}), ...('inQuota' in row ? { inQuota: false } : {}) } : row;
    return {
      campaignId, campaignTitle: campaign.title, year: campaign.year, campaignStatus: campaign.status, configHash: snapshot.config_hash, computedAt: snapshot.computed_at.toISOString(),
      config: body.config as unknown as Record<string, unknown>,
      evaluations: body.evaluations.map((e) => ({ ...e, targets: e.targets.filter((t) => visible(e.targetGroup, t.code)).map((t) => withoutAwards(withBreakdownRule(t))) })),
      composite: body.composite.filter((c) => visible(c.unitType, c.code)).map(withoutAwards),
      categories: categoriesOf(body),
      awards: awardsHidden ? [] : own ? awards.filter((a) => visible(a.unitType, a.code) && a.awarded) : awards,
      awardsConfirmedAt: iso(snapshot.awards_confirmed_at),
      dataQuality: own ? [] : body.dataQuality.map((f) => ({ ...f, voided: voided.has(f.responseId) })),
      previousCampaign: body.previousCampaign,
      // Enterprises' declarations are for the office's eyes.
      csr: own ? null : (body.csr ?? null),
    };
  }

  /** The awards of a published campaign, for everyone. */
  async publicResults(slug: string): Promise<PublicResultsDto> {
    const [campaign] = await this.dataSource.query(`SELECT id, slug, title, year, published_at FROM campaigns WHERE slug = $1 AND status = 'published'`, [slug]);
    if (!campaign) throw new AppError(ErrorCode.NotFound);
    const snapshot = await this.snapshot(campaign.id);
    const body = snapshot.body;
    const awards = (await this.awards(campaign.id, body)).filter((a) => a.awarded);
    return {
      slug: campaign.slug, title: campaign.title, year: campaign.year, publishedAt: campaign.published_at.toISOString(),
      awards: awards.map(({ award, code, nameZh, nameEn, category, rank, composite }) => ({ award, code, nameZh, nameEn, category, rank, composite })),
      categories: categoriesOf(body),
    };
  }

  /** The rules' proposals and the office's overrides, in ranking order. */
  private async awards(campaignId: string, body: SnapshotBody): Promise<AwardDto[]> {
    const overrides: { unit_type: AwardUnitType; code: string; awarded: boolean; reason: string }[] = await this.dataSource.query(
      `SELECT CASE WHEN o.department_id IS NOT NULL THEN 'department' WHEN o.district_id IS NOT NULL THEN 'district' ELSE 'enterprise' END AS unit_type,
              COALESCE(d.code, q.code, e.uscc) AS code, o.awarded, o.reason
         FROM award_overrides o LEFT JOIN departments d ON d.id = o.department_id LEFT JOIN districts q ON q.id = o.district_id LEFT JOIN enterprises e ON e.id = o.enterprise_id
        WHERE o.campaign_id = $1`,
      [campaignId],
    );
    const byUnit = new Map(overrides.map((o) => [`${o.unit_type}:${o.code}`, o]));
    const decided = (unitType: AwardUnitType, code: string, proposed: boolean) => {
      const override = byUnit.get(`${unitType}:${code}`);
      return { proposed, awarded: override ? override.awarded : proposed, overrideReason: override?.reason ?? null };
    };
    const units = body.composite
      .filter((c) => c.inQuota || byUnit.has(`${c.unitType}:${c.code}`))
      .map((c): AwardDto => ({
        award: AWARD_OF[c.unitType], unitType: c.unitType, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, category: c.category, rank: c.rank, composite: c.composite,
        pInQuota: c.pInQuota, ...decided(c.unitType, c.code, c.inQuota), flags: c.flags,
      }));
    const enterprises = (body.csr?.enterprises ?? [])
      .filter((e) => e.proposed || byUnit.has(`enterprise:${e.uscc}`))
      .map((e): AwardDto => ({
        award: 'csr-enterprise', unitType: 'enterprise', code: e.uscc, nameZh: e.nameZh, nameEn: e.nameEn, category: CSR_CATEGORY, rank: e.rank, composite: e.composite,
        pInQuota: null, ...decided('enterprise', e.uscc, e.proposed), flags: [...e.vetoReasons, ...e.flags],
      }));
    const order: Record<AwardUnitType, number> = { department: 0, district: 1, enterprise: 2 };
    return [...units, ...enterprises]
      .sort((a, b) => order[a.unitType] - order[b.unitType] || a.category.localeCompare(b.category) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.code.localeCompare(b.code));
  }

  /** The office awards a unit the rules did not propose, or withholds one they did; a reason is required. */
  async override(campaignId: string, unitType: AwardUnitType, code: string, input: AwardOverrideDto): Promise<AwardDto[]> {
    code = unitKey(unitType, code);
    const body = await this.dataSource.transaction(async (manager) => {
      await this.lockEditable(manager, campaignId);
      const unit = await this.unitId(manager, unitType, code);
      const { body } = await this.snapshot(campaignId);
      if (unitType === 'enterprise') checkCsrOverride(body, code, input.awarded);
      const column = OVERRIDE_COLUMN[unitType];
      const [before] = await manager.query(`SELECT awarded, reason FROM award_overrides WHERE campaign_id = $1 AND ${column} = $2`, [campaignId, unit]);
      await manager.query(
        `INSERT INTO award_overrides (campaign_id, ${column}, awarded, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT (campaign_id, ${column}) WHERE ${column} IS NOT NULL DO UPDATE SET awarded = EXCLUDED.awarded, reason = EXCLUDED.reason, updated_at = now()`,
        [campaignId, unit, input.awarded, input.reason.trim()],
      );
      await clearAwardsConfirmation(manager, campaignId);
      describeMutation({ entity: 'award', entityId: `${campaignId}:${unitType}:${code}`, before: before ?? null, after: { awarded: input.awarded, reason: input.reason.trim() } });
      return body;
    });
    return this.awards(campaignId, body);
  }

  /** Back to what the rules propose. */
  async clearOverride(campaignId: string, unitType: AwardUnitType, code: string): Promise<AwardDto[]> {
    code = unitKey(unitType, code);
    await this.dataSource.transaction(async (manager) => {
      await this.lockEditable(manager, campaignId);
      const unit = await this.unitId(manager, unitType, code);
      const column = OVERRIDE_COLUMN[unitType];
      // TypeORM answers a DELETE … RETURNING with [rows, count].
      const [removed]: [{ awarded: boolean; reason: string }[], number] = await manager.query(`DELETE FROM award_overrides WHERE campaign_id = $1 AND ${column} = $2 RETURNING awarded, reason`, [campaignId, unit]);
      if (removed.length > 0) {
        await clearAwardsConfirmation(manager, campaignId);
        describeMutation({ entity: 'award', entityId: `${campaignId}:${unitType}:${code}`, before: removed[0], after: null });
      }
    });
    return this.awards(campaignId, (await this.snapshot(campaignId)).body);
  }

  /**
   * The office confirms the awards of the current results; publishing needs it. Refused while the
   * campaign is open or when inputs changed after the results were computed.
   */
  async confirm(campaignId: string, principal: Principal): Promise<ResultsDto> {
    await this.dataSource.transaction(async (manager) => {
      const campaign = await this.lockEditable(manager, campaignId);
      if (campaign.status !== 'closed') throw new AppError(ErrorCode.AwardsNeedClosedCampaign);
      const [snapshot] = await manager.query(
        'SELECT s.computed_at, s.inputs_version <> c.inputs_version AS inputs_changed FROM result_snapshots s JOIN campaigns c ON c.id = s.campaign_id WHERE s.campaign_id = $1 FOR UPDATE OF s',
        [campaignId],
      );
      if (!snapshot) throw new AppError(ErrorCode.ResultsNotComputed);
      // The office's inputs (voided ballots among them) count their changes; new ballots and the
      // directory (names, categories, the declaring enterprises' size bands) are compared by time.
      const [{ outdated }] = await manager.query(
        `SELECT $3::boolean
             OR EXISTS (SELECT 1 FROM responses s JOIN evaluations e ON e.id = s.evaluation_id
                         WHERE e.campaign_id = $1 AND s.submitted_at > $2)
             OR EXISTS (SELECT 1 FROM departments WHERE updated_at > $2)
             OR EXISTS (SELECT 1 FROM districts WHERE updated_at > $2)
             OR EXISTS (SELECT 1 FROM responses s JOIN evaluations e ON e.id = s.evaluation_id AND e.kind = 'csr-declaration'
                          JOIN invitations i ON i.id = s.invitation_id JOIN enterprises x ON x.id = i.enterprise_id
                         WHERE e.campaign_id = $1 AND s.status = 'submitted' AND x.updated_at > $2) AS outdated`,
        [campaignId, snapshot.computed_at, snapshot.inputs_changed],
      );
      if (outdated) throw new AppError(ErrorCode.ResultsOutdated);
      await manager.query('UPDATE result_snapshots SET awards_confirmed_at = now(), awards_confirmed_by = $2 WHERE campaign_id = $1', [campaignId, principal.id]);
      describeMutation({ entity: 'campaign', entityId: campaignId, before: { awardsConfirmed: false }, after: { awardsConfirmed: true } });
    });
    return this.results(campaignId, principal);
  }

  /** A ballot leaves every score (SCORING.md §5); the reason is kept and audited. */
  async voidBallot(responseId: string, reason: string): Promise<{ responseId: string; voidedAt: string; reason: string }> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT s.id, s.status, s.voided_at, s.void_reason, e.campaign_id FROM responses s JOIN evaluations e ON e.id = s.evaluation_id WHERE s.id = $1 FOR UPDATE OF s`,
        [responseId],
      );
      if (!row || row.status !== 'submitted') throw new AppError(ErrorCode.ResponseNotFound);
      await this.lockEditable(manager, row.campaign_id);
      if (row.voided_at) return { responseId, voidedAt: row.voided_at.toISOString(), reason: row.void_reason };
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [[updated]]: [{ voided_at: Date }[], number] = await manager.query('UPDATE responses SET voided_at = now(), void_reason = $2 WHERE id = $1 RETURNING voided_at', [responseId, reason.trim()]);
      await officeInputChanged(manager, row.campaign_id);
      describeMutation({ entity: 'response', entityId: responseId, before: { voided: false }, after: { voided: true, reason: reason.trim() } });
      return { responseId, voidedAt: updated.voided_at.toISOString(), reason: reason.trim() };
    });
  }

  /**
   * Every valid answer in long format, one line per ballot, target and criterion; a ballot is a
   * number within its evaluation, never the rater. Written in parts so memory stays flat.
   */
  async writeRatingsCsv(campaignId: string, write: (chunk: string) => void): Promise<void> {
    await this.campaign(campaignId);
    const columns = ['evaluation_kind', 'ballot', 'target_code', 'criterion', 'answer'].map((key) => ({ header: key, key }));
    write(csvStart(columns));
    const evaluations: { id: string; kind: string; target_group: UnitType }[] = await this.dataSource.query(
      `SELECT id, kind, target_group FROM evaluations WHERE campaign_id = $1 AND target_group IS NOT NULL ORDER BY position`,
      [campaignId],
    );
    for (const evaluation of evaluations) {
      const ballots: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM responses WHERE evaluation_id = $1 AND status = 'submitted' AND voided_at IS NULL ORDER BY id`,
        [evaluation.id],
      );
      const number = new Map(ballots.map((b, i) => [b.id, i + 1]));
      const table = evaluation.target_group === 'department' ? 'departments' : 'districts';
      const column = evaluation.target_group === 'department' ? 'department_id' : 'district_id';
      for (let from = 0; from < ballots.length; from += CSV_BATCH) {
        const ids = ballots.slice(from, from + CSV_BATCH).map((b) => b.id);
        const rows: { response_id: string; code: string; criterion: string; answer: string }[] = await this.dataSource.query(
          `SELECT r.response_id, u.code, r.criterion, r.answer
             FROM response_ratings r JOIN evaluation_targets t ON t.id = r.target_id JOIN ${table} u ON u.id = t.${column}
            WHERE r.response_id = ANY($1::uuid[]) ORDER BY r.response_id, u.code, r.criterion`,
          [ids],
        );
        write(csvRows(columns, rows.map((r) => ({ evaluation_kind: evaluation.kind, ballot: number.get(r.response_id)!, target_code: r.code, criterion: r.criterion, answer: r.answer }))));
      }
    }
  }

  private async lockEditable(manager: EntityManager, campaignId: string): Promise<CampaignRow> {
    const [campaign] = await manager.query('SELECT id, status, title, year, scoring_config, closed_at FROM campaigns WHERE id = $1 FOR UPDATE', [campaignId]);
    if (!campaign) throw new AppError(ErrorCode.NotFound);
    if (campaign.status === 'published') throw new AppError(ErrorCode.ResultsFrozen);
    return campaign;
  }

  private async unitId(manager: EntityManager, unitType: AwardUnitType, code: string): Promise<string> {
    const [unit] = unitType === 'enterprise'
      ? await manager.query('SELECT id FROM enterprises WHERE uscc = $1', [code])
      : await manager.query(`SELECT id FROM ${unitType === 'department' ? 'departments' : 'districts'} WHERE code = $1`, [code]);
    if (!unit) throw new AppError(ErrorCode.NotFound);
    return unit.id;
  }

  private async voidedAmong(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM responses WHERE id = ANY($1::uuid[]) AND voided_at IS NOT NULL', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  private async ownUnit(principal: Principal): Promise<{ unitType: UnitType; code: string } | null> {
    if (principal.role === 'department' || principal.role === 'district') {
      const table = principal.role === 'department' ? 'departments' : 'districts';
      const [unit] = await this.dataSource.query(`SELECT code FROM ${table} WHERE id = $1`, [principal.departmentId ?? principal.districtId]);
      return { unitType: principal.role, code: unit?.code ?? '' };
    }
    return null;
  }

  async snapshot(campaignId: string): Promise<{ config_hash: string; computed_at: Date; body: SnapshotBody; awards_confirmed_at: Date | null }> {
    const [snapshot] = await this.dataSource.query('SELECT config_hash, computed_at, body, awards_confirmed_at FROM result_snapshots WHERE campaign_id = $1', [campaignId]);
    if (!snapshot) throw new AppError(ErrorCode.ResultsNotComputed);
    return snapshot;
  }

  async campaign(campaignId: string): Promise<CampaignRow> {
    const [campaign] = await this.dataSource.query('SELECT id, slug, status, title, year, scoring_config, closed_at FROM campaigns WHERE id = $1', [campaignId]);
    if (!campaign) throw new AppError(ErrorCode.NotFound);
    return campaign;
  }
}

export interface CampaignRow {
  id: string;
  slug: string;
  status: CampaignStatus;
  title: string;
  year: number;
  scoring_config: unknown;
  closed_at: Date | null;
}

/**
 * An enterprise's award is decided among the applicants the results ranked or vetoed, and a
 * veto excludes it (SCORING.md §4): an override of anyone else would be a decision without effect.
 */
function checkCsrOverride(body: SnapshotBody, uscc: string, awarded: boolean): void {
  const applicant = body.csr?.enterprises.find((e) => e.uscc === uscc);
  const refuse = (field: string, messages: { zh: string; en: string }) => new AppError(ErrorCode.AwardOverrideInvalid, { errors: [{ field, message: messages.en, messages }] });
  if (!applicant) {
    throw refuse('code', {
      zh: '该企业不在本次社会责任先进企业的评选名单中（未申报、申报已作废或名录中缺少规模）',
      en: 'this enterprise is not among the applicants for the CSR award (no declaration, a voided one, or no size band in the directory)',
    });
  }
  if (awarded && applicant.vetoReasons.length > 0) {
    throw refuse('awarded', {
      zh: `该企业被一票否决（${applicant.vetoReasons.join('、')}），不能授予社会责任先进企业`,
      en: 'this enterprise is vetoed and cannot receive the CSR award',
    });
  }
}

/** A unit's code as stored: a USCC in capitals, without the spaces a pasted one may bring. */
const unitKey = (unitType: AwardUnitType, code: string) => (unitType === 'enterprise' ? code.trim().toUpperCase() : code);

/** The categories with their quotas; the CSR selection is one ranking over every size band. */
function categoriesOf(body: SnapshotBody): ResultsDto['categories'] {
  if (!body.csr) return body.categories;
  return [...body.categories, { unitType: 'enterprise', category: CSR_CATEGORY, eligible: body.csr.ranked, quota: body.csr.proposal.count }];
}

/** 社会责任先进企业 from the declarations as they count, with the enterprises' names. */
function csrSection(config: ScoringConfig, inputs: CsrInputs): CsrResultsDto {
  const output = scoreCsr({ config, enterprises: inputs.enterprises });
  return {
    evaluationId: inputs.evaluationId, declarations: inputs.declarations, ranked: output.ranked, proposal: output.proposal, bands: output.bands,
    enterprises: output.enterprises.map(({ id, figures, ...e }) => ({
      ...e,
      // The declared ones are in the declarations; the snapshot keeps only what the office changed.
      figures: Object.fromEntries(Object.entries(figures).filter(([, figure]) => figure.source !== 'declared')),
      nameZh: inputs.names.get(id)!.nameZh,
      nameEn: inputs.names.get(id)!.nameEn,
    })),
    unplaced: inputs.unplaced, indicators: [...CSR_INDICATORS],
  };
}

/** Per-criterion figures only where at least five ballots back them (DESIGN.md, privacy). */
function withBreakdownRule(stored: TargetResultDto): TargetResultDto {
  // Results computed before the S* interval existed have none.
  const target = { ...stored, shrunkScoreInterval: stored.shrunkScoreInterval ?? null };
  return target.n >= BREAKDOWN_MIN_BALLOTS ? target : { ...target, criteria: {}, answerCounts: {} };
}

/** The compiled worker: next to this file in the build, from the build when running the sources (tests). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = path.join(path.dirname(here), 'scoring-worker.js');
  if (existsSync(beside)) return beside;
  const built = path.join(projectRoot, 'server', 'dist', 'server', 'src', 'results', 'scoring-worker.js');
  if (existsSync(built)) return built;
  throw new Error(`the scoring worker is not built (${built}); run npm run build`);
}

/**
 * A scoring worker. `onError` hears of its failure, and of its exit unless it was `stopped`.
 * A server shutting down does not wait for a computation; it runs again on request.
 */
function scoringWorker(
  input: WorkerData['input'],
  handlers: { onMessage: (message: WorkerMessage) => void; onError: (error: Error) => void; stopped: () => boolean },
): Worker {
  // The bootstrap allocates next to nothing; V8's default young generation, grown in each worker
  // while the model is built, would hold some 20 MB apiece for nothing (no slower at 8 MB).
  const resourceLimits = { maxYoungGenerationSizeMb: 8 };
  const worker = new Worker(workerFile(), { workerData: { input } satisfies WorkerData, resourceLimits });
  worker.unref();
  worker.on('message', handlers.onMessage);
  worker.on('error', handlers.onError);
  worker.on('messageerror', handlers.onError);
  worker.on('exit', (code) => {
    if (!handlers.stopped()) handlers.onError(new Error(`the scoring worker stopped with code ${code}`));
  });
  return worker;
}

/** √(Σ_t Σ_i (x_ti − x̄_t)² / Σ_t (n_t − 1)) over targets with at least two ballots. */
function pooledSd(groups: number[][]): number | null {
  let squares = 0;
  let freedom = 0;
  for (const scores of groups) {
    if (scores.length < 2) continue;
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    for (const x of scores) squares += (x - mean) ** 2;
    freedom += scores.length - 1;
  }
  return freedom > 0 ? Math.sqrt(squares / freedom) : null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
