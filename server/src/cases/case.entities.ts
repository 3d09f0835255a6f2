import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entities.js';
import { Department, District, Enterprise } from '../directory/directory.entities.js';
import { Invitation } from '../invitations/invitation.entity.js';
import { Response } from '../responses/response.entity.js';
import { User } from '../users/user.entity.js';
import type { CaseStatus } from './case-workflow.js';

export const CASE_SOURCES = ['ballot', 'complaint', 'office'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const HANDLING_RATINGS = ['satisfied', 'basically', 'dissatisfied'] as const;

/** The office's list of case categories (用地, 用工, 审批 …), editable; a category in use is deactivated, not deleted. */
@Entity({ name: 'case_categories' })
@Check('CHK_case_categories_code', `"code" ~ '^[a-z0-9-]{1,32}$'`)
@Index('UQ_case_categories_code', ['code'], { unique: true })
export class CaseCategory {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_categories' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'boolean' })
  active: boolean;
}

/**
 * A problem or complaint of an enterprise, tracked to closure (督办). It comes from a ballot's
 * "problems met" answer, from the complaint form behind a personal link, or from the office
 * (phone, letter, visit).
 */
@Entity({ name: 'cases' })
@Check('CHK_cases_source', `"source" IN ('ballot', 'complaint', 'office')`)
@Check('CHK_cases_status', `"status" IN ('new', 'accepted', 'rejected', 'merged', 'assigned', 'in-progress', 'replied', 'closed', 'reopened')`)
@Check('CHK_cases_text', `length("text") BETWEEN 1 AND 20000`)
@Check('CHK_cases_one_unit', `num_nonnulls("department_id", "district_id") <= 1`)
@Check('CHK_cases_handling_rating', `"handling_rating" IS NULL OR "handling_rating" IN ('satisfied', 'basically', 'dissatisfied')`)
@Check('CHK_cases_ballot', `("source" = 'ballot') = ("response_id" IS NOT NULL)`)
@Check('CHK_cases_rejected', `"status" <> 'rejected' OR length("reject_reason") > 0`)
@Check('CHK_cases_merged', `("status" = 'merged') = ("merged_into_id" IS NOT NULL)`)
@Index('UQ_cases_campaign_number', ['campaignId', 'number'], { unique: true })
// A ballot's problems become one case, once.
@Index('UQ_cases_response', ['responseId'], { unique: true, where: '"response_id" IS NOT NULL' })
// The office's list of a campaign's cases by status; a unit's own cases.
@Index('IDX_cases_campaign_status', ['campaignId', 'status'])
@Index('IDX_cases_department', ['departmentId'], { where: '"department_id" IS NOT NULL' })
@Index('IDX_cases_district', ['districtId'], { where: '"district_id" IS NOT NULL' })
export class Case {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cases' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_cases_campaign' })
  campaign?: Campaign;

  /** Shown as 2026-0042: numbered within the campaign in the order cases arrive. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  source: CaseSource;

  @Column({ name: 'response_id', type: 'uuid', nullable: true })
  responseId: string | null;

  // Responses are voided, never deleted, except with their whole campaign, which takes its cases too.
  @ManyToOne(() => Response, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'FK_cases_response' })
  response?: Response | null;

  /** The link it came through: the enterprise sees its status and reply there, and rates the handling. */
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  invitationId: string | null;

  @ManyToOne(() => Invitation, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_cases_invitation' })
  invitation?: Invitation | null;

  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_cases_enterprise' })
  enterprise?: Enterprise | null;

  /** The enterprise's choice: may the unit handling it see who raised it? Otherwise the text only. */
  @Column({ name: 'identity_shared', type: 'boolean' })
  identityShared: boolean;

  /** How the office received it: phone, letter, visit … (office entries). */
  @Column({ name: 'received_via', type: 'text', nullable: true })
  receivedVia: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => CaseCategory, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'FK_cases_category' })
  category?: CaseCategory | null;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_cases_department' })
  department?: Department | null;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_cases_district' })
  district?: District | null;

  /** The end of the last working day allowed, in Beijing time. */
  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'FK_cases_merged_into' })
  mergedInto?: Case | null;

  @Column({ name: 'reject_reason', type: 'text', nullable: true })
  rejectReason: string | null;

  @Column({ type: 'text', nullable: true })
  reply: string | null;

  /** Whether the problem was put right, as the office records when closing; null where it does not apply. */
  @Column({ type: 'boolean', nullable: true })
  rectified: boolean | null;

  /** The enterprise's rating of the handling (回访). */
  @Column({ name: 'handling_rating', type: 'text', nullable: true })
  handlingRating: (typeof HANDLING_RATINGS)[number] | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true })
  repliedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One step in a case's timeline: who did what, from which status to which, when. */
@Entity({ name: 'case_events' })
@Check('CHK_case_events_actor', `"actor_kind" IN ('office', 'unit', 'enterprise')`)
@Index('IDX_case_events_case', ['caseId', 'at'])
export class CaseEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_case_events' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_case_events_case' })
  case?: Case;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: 'office' | 'unit' | 'enterprise';

  /** The signed-in user; null when the enterprise acted through its link. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_case_events_actor' })
  actor?: User | null;

  /** `create`, `rate`, or a workflow action (`accept`, `assign`, …). */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** The office's version of a year's working-day calendar, replacing the built-in one for that year. */
@Entity({ name: 'working_day_calendars' })
@Check('CHK_working_day_calendars_year', `"year" BETWEEN 2000 AND 2100`)
export class WorkingDayCalendarYear {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_working_day_calendars' })
  year: number;

  /** Days off on weekdays, 'YYYY-MM-DD'. */
  @Column({ type: 'text', array: true })
  holidays: string[];

  /** 调休 working weekend days, 'YYYY-MM-DD'. */
  @Column({ type: 'text', array: true })
  workdays: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
