import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { TargetGroup } from '../campaigns/campaign.entities.js';
import { compileQuestionnaire, type CompiledQuestionnaire } from '../questionnaires/compiled-validator.js';
import { referenceValidate } from '../questionnaires/reference-validator.js';
import { loadTargets, ratingCriteria, withTargets } from './served-questionnaire.js';

export interface PreparedQuestionnaire {
  validator: CompiledQuestionnaire;
  /** Criterion question names whose answers become rating rows; empty for the declaration. */
  criteria: string[];
  /** Target code → evaluation_targets.id. */
  targetIds: Map<string, string>;
}

/** Versions compiled at once on a busy server; a campaign has four. */
const CAPACITY = 64;

/**
 * Each questionnaire version compiled once per process, from the JSON as served (targets
 * filled in). Only derived data is kept, so any instance can rebuild it: a version's JSON
 * never changes once it is in use, and targets are fixed when the campaign opens.
 */
@Injectable()
export class CompiledQuestionnaires {
  private readonly logger = new Logger(CompiledQuestionnaires.name);
  private readonly prepared = new Map<string, Promise<PreparedQuestionnaire>>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get(versionId: string, evaluationId: string, targetGroup: TargetGroup | null): Promise<PreparedQuestionnaire> {
    let entry = this.prepared.get(versionId);
    if (entry) {
      // Most recently used last, so the oldest is the one evicted.
      this.prepared.delete(versionId);
      this.prepared.set(versionId, entry);
      return entry;
    }
    entry = this.prepare(versionId, evaluationId, targetGroup);
    entry.catch(() => this.prepared.delete(versionId));
    this.prepared.set(versionId, entry);
    if (this.prepared.size > CAPACITY) this.prepared.delete(this.prepared.keys().next().value!);
    return entry;
  }

  private async prepare(versionId: string, evaluationId: string, targetGroup: TargetGroup | null): Promise<PreparedQuestionnaire> {
    const started = performance.now();
    const [version]: { survey: Record<string, unknown> }[] = await this.dataSource.query('SELECT survey FROM questionnaire_versions WHERE id = $1', [versionId]);
    if (!version) throw new Error(`questionnaire version ${versionId} does not exist`);
    const targets = targetGroup ? await loadTargets(this.dataSource, evaluationId, targetGroup) : [];
    const served = targetGroup ? withTargets(version.survey, targets) : version.survey;
    const prepared = {
      validator: this.config.ballotValidator === 'survey-core' ? surveyCoreValidator(served) : compileQuestionnaire(served),
      criteria: targetGroup ? ratingCriteria(version.survey) : [],
      targetIds: new Map(targets.map((t) => [t.code, t.id])),
    };
    this.logger.log({ versionId, ms: Math.round(performance.now() - started) }, 'questionnaire compiled');
    return prepared;
  }
}

/** survey-core itself on every ballot: what the compiled validator is proven against, and what it saves. */
function surveyCoreValidator(served: Record<string, unknown>): CompiledQuestionnaire {
  compileQuestionnaire(served);
  return {
    validateSubmission: (data) => referenceValidate(served, data, 'submission'),
    validateDraft: (data) => referenceValidate(served, data, 'draft'),
  };
}
