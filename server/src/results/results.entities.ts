import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entities.js';
import { Department, District, Enterprise } from '../directory/directory.entities.js';
import { User } from '../users/user.entity.js';

/**
 * The office's own assessment of a department or district in a campaign: 责任书检查 and 自查
 * scores, a district's objective indicators when entered rather than computed, and 一票否决.
 */
@Entity({ name: 'unit_assessments' })
@Check('CHK_unit_assessments_one_unit', `num_nonnulls("department_id", "district_id") = 1`)
@Check('CHK_unit_assessments_inspection', `"inspection_score" IS NULL OR "inspection_score" BETWEEN 0 AND 100`)
@Check('CHK_unit_assessments_self_inspection', `"self_inspection_score" IS NULL OR "self_inspection_score" BETWEEN 0 AND 100`)
@Check('CHK_unit_assessments_objective', `"objective_score" IS NULL OR "objective_score" BETWEEN 0 AND 100`)
@Check('CHK_unit_assessments_veto', `"veto_reason" IS NULL OR length("veto_reason") > 0`)
@Index('UQ_unit_assessments_department', ['campaignId', 'departmentId'], { unique: true, where: '"department_id" IS NOT NULL' })
@Index('UQ_unit_assessments_district', ['campaignId', 'districtId'], { unique: true, where: '"district_id" IS NOT NULL' })
export class UnitAssessment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_unit_assessments' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_unit_assessments_campaign' })
  campaign?: Campaign;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_unit_assessments_department' })
  department?: Department | null;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_unit_assessments_district' })
  district?: District | null;

  @Column({ name: 'inspection_score', type: 'double precision', nullable: true })
  inspectionScore: number | null;

  @Column({ name: 'self_inspection_score', type: 'double precision', nullable: true })
  selfInspectionScore: number | null;

  @Column({ name: 'self_inspection_complete', type: 'boolean', default: false })
  selfInspectionComplete: boolean;

  /** A district's objective indicators as a score the office entered; null = computed from its cases. */
  @Column({ name: 'objective_score', type: 'double precision', nullable: true })
  objectiveScore: number | null;

  @Column({ name: 'veto_reason', type: 'text', nullable: true })
  vetoReason: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The latest results of a campaign: what the engine gave, with the configuration hash, kept
 * until the next computation replaces them; frozen once the campaign is published. The office's
 * confirmation of the awards belongs to these results and goes with them.
 */
@Entity({ name: 'result_snapshots' })
@Check('CHK_result_snapshots_confirmed', `("awards_confirmed_at" IS NULL) = ("awards_confirmed_by" IS NULL)`)
export class ResultSnapshot {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid', primaryKeyConstraintName: 'PK_result_snapshots' })
  campaignId: string;

  @OneToOne(() => Campaign, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_result_snapshots_campaign' })
  campaign?: Campaign;

  @Column({ name: 'config_hash', type: 'text' })
  configHash: string;

  /** sha256 of `body`: equal bodies, equal hashes. */
  @Column({ name: 'body_hash', type: 'text' })
  bodyHash: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;

  /** The campaign's inputs_version the results were computed from. */
  @Column({ name: 'inputs_version', type: 'integer', default: 0 })
  inputsVersion: number;

  @Column({ type: 'jsonb' })
  // jsonb: `any` because TypeORM's insert types cannot take `unknown` members.
  body: Record<string, any>;

  @Column({ name: 'awards_confirmed_at', type: 'timestamptz', nullable: true })
  awardsConfirmedAt: Date | null;

  @Column({ name: 'awards_confirmed_by', type: 'uuid', nullable: true })
  awardsConfirmedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'awards_confirmed_by', foreignKeyConstraintName: 'FK_result_snapshots_confirmed_by' })
  confirmedBy?: User | null;
}

/** A computation of a campaign's results under way or finished, so any instance can show its progress. */
@Entity({ name: 'result_computations' })
@Check('CHK_result_computations_status', `"status" IN ('running', 'done', 'failed')`)
export class ResultComputation {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid', primaryKeyConstraintName: 'PK_result_computations' })
  campaignId: string;

  @OneToOne(() => Campaign, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_result_computations_campaign' })
  campaign?: Campaign;

  @Column({ type: 'text' })
  status: 'running' | 'done' | 'failed';

  /** What it is doing: loading, resampling, saving. */
  @Column({ type: 'text' })
  phase: string;

  @Column({ type: 'integer' })
  done: number;

  @Column({ type: 'integer' })
  total: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}

/**
 * The office's decision against the rules' proposal for one unit: award it although the rules
 * did not, or not although they did. A reason is required; the change is audited.
 */
@Entity({ name: 'award_overrides' })
@Check('CHK_award_overrides_one_unit', `num_nonnulls("department_id", "district_id", "enterprise_id") = 1`)
@Check('CHK_award_overrides_reason', `length("reason") BETWEEN 1 AND 2000`)
@Index('UQ_award_overrides_department', ['campaignId', 'departmentId'], { unique: true, where: '"department_id" IS NOT NULL' })
@Index('UQ_award_overrides_district', ['campaignId', 'districtId'], { unique: true, where: '"district_id" IS NOT NULL' })
@Index('UQ_award_overrides_enterprise', ['campaignId', 'enterpriseId'], { unique: true, where: '"enterprise_id" IS NOT NULL' })
export class AwardOverride {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_award_overrides' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_award_overrides_campaign' })
  campaign?: Campaign;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_award_overrides_department' })
  department?: Department | null;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_award_overrides_district' })
  district?: District | null;

  /** 社会责任先进企业: the enterprise. */
  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @ManyToOne(() => Enterprise, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_award_overrides_enterprise' })
  enterprise?: Enterprise | null;

  @Column({ type: 'boolean' })
  awarded: boolean;

  @Column({ type: 'text' })
  reason: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
