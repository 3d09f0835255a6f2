import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Department, District } from '../directory/directory.entities.js';

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const EVALUATION_KINDS = ['enterprise-rates-departments', 'enterprise-rates-districts', 'district-rates-departments', 'csr-declaration'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export type RaterGroup = 'enterprise' | 'district';
export type TargetGroup = 'department' | 'district';

/** One year's service month ("2026 外商投资企业服务月"): draft → open → closed → published. */
@Entity({ name: 'campaigns' })
@Check('CHK_campaigns_slug', `"slug" ~ '^[a-z0-9][a-z0-9-]{2,63}$'`)
@Check('CHK_campaigns_status', `"status" IN ('draft', 'open', 'closed', 'published')`)
@Check('CHK_campaigns_year', `"year" BETWEEN 2000 AND 2100`)
@Check('CHK_campaigns_window', `"opens_at" IS NULL OR "closes_at" IS NULL OR "closes_at" > "opens_at"`)
@Index('UQ_campaigns_slug', ['slug'], { unique: true })
export class Campaign {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_campaigns' })
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text', default: 'draft' })
  status: CampaignStatus;

  /** Planned window shown to raters; the status decides whether answers are accepted. */
  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  /** SCORING.md's defaults, editable while the campaign is a draft and frozen when it opens. */
  @Column({ name: 'scoring_config', type: 'jsonb' })
  // jsonb: `any` because TypeORM's insert types cannot take `unknown` members.
  scoringConfig: Record<string, any>;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /**
   * Counts the changes to the office's inputs to the results (inspection scores, CSR figures,
   * voided ballots), each made in the transaction of the change: results computed from an older
   * count are outdated, whichever order the change and the computation committed in.
   */
  @Column({ name: 'inputs_version', type: 'integer', default: 0 })
  inputsVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A rater group × a target group × a questionnaire within a campaign. */
@Entity({ name: 'evaluations' })
@Check('CHK_evaluations_kind', `"kind" IN ('enterprise-rates-departments', 'enterprise-rates-districts', 'district-rates-departments', 'csr-declaration')`)
@Check('CHK_evaluations_rater_group', `"rater_group" IN ('enterprise', 'district')`)
@Check('CHK_evaluations_target_group', `"target_group" IS NULL OR "target_group" IN ('department', 'district')`)
@Index('UQ_evaluations_campaign_kind', ['campaignId', 'kind'], { unique: true })
export class Evaluation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evaluations' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_evaluations_campaign' })
  campaign?: Campaign;

  @Column({ type: 'text' })
  kind: EvaluationKind;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Column({ name: 'rater_group', type: 'text' })
  raterGroup: RaterGroup;

  /** Null for the social-responsibility declaration, which rates no unit. */
  @Column({ name: 'target_group', type: 'text', nullable: true })
  targetGroup: TargetGroup | null;

  @Column({ type: 'smallint' })
  position: number;
}

/** The units an evaluation rates, fixed from the directory while the campaign is a draft. */
@Entity({ name: 'evaluation_targets' })
@Check('CHK_evaluation_targets_one_unit', `num_nonnulls("department_id", "district_id") = 1`)
@Index('UQ_evaluation_targets_department', ['evaluationId', 'departmentId'], { unique: true, where: '"department_id" IS NOT NULL' })
@Index('UQ_evaluation_targets_district', ['evaluationId', 'districtId'], { unique: true, where: '"district_id" IS NOT NULL' })
export class EvaluationTarget {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evaluation_targets' })
  id: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId: string;

  @ManyToOne(() => Evaluation, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_evaluation_targets_evaluation' })
  evaluation?: Evaluation;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_evaluation_targets_department' })
  department?: Department | null;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_evaluation_targets_district' })
  district?: District | null;
}

/** A SurveyJS questionnaire of an evaluation; frozen once any draft or response uses it. */
@Entity({ name: 'questionnaire_versions' })
@Check('CHK_questionnaire_versions_version', `"version" >= 1`)
@Index('UQ_questionnaire_versions_evaluation_version', ['evaluationId', 'version'], { unique: true })
export class QuestionnaireVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_questionnaire_versions' })
  id: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId: string;

  @ManyToOne(() => Evaluation, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_questionnaire_versions_evaluation' })
  evaluation?: Evaluation;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  survey: Record<string, any>;

  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true })
  frozenAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
