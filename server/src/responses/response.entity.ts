import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Evaluation, QuestionnaireVersion } from '../campaigns/campaign.entities.js';
import { Invitation } from '../invitations/invitation.entity.js';

export const RESPONSE_STATUSES = ['draft', 'submitted'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/**
 * One rater's answers to one evaluation: a draft saved as they go, then submitted once.
 * No IP address or user agent is kept with answers.
 */
@Entity({ name: 'responses' })
@Check('CHK_responses_status', `"status" IN ('draft', 'submitted')`)
@Check('CHK_responses_submitted', `("status" = 'submitted') = ("submitted_at" IS NOT NULL)`)
@Check('CHK_responses_void_reason', `"voided_at" IS NULL OR length("void_reason") > 0`)
@Index('UQ_responses_invitation_evaluation', ['invitationId', 'evaluationId'], { unique: true })
@Index('UQ_responses_receipt', ['receipt'], { unique: true, where: '"receipt" IS NOT NULL' })
// Response rates per evaluation and the results' scans of submitted ballots.
@Index('IDX_responses_evaluation_status', ['evaluationId', 'status'])
export class Response {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_responses' })
  id: string;

  @Column({ name: 'invitation_id', type: 'uuid' })
  invitationId: string;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'FK_responses_invitation' })
  invitation?: Invitation;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId: string;

  @ManyToOne(() => Evaluation, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_responses_evaluation' })
  evaluation?: Evaluation;

  /** The questionnaire version answered; a version in use is frozen. */
  @Column({ name: 'questionnaire_version_id', type: 'uuid' })
  questionnaireVersionId: string;

  @ManyToOne(() => QuestionnaireVersion, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'questionnaire_version_id', foreignKeyConstraintName: 'FK_responses_questionnaire_version' })
  questionnaireVersion?: QuestionnaireVersion;

  @Column({ type: 'text', default: 'draft' })
  status: ResponseStatus;

  /** The SurveyJS answers keyed by question name. */
  @Column({ type: 'jsonb' })
  data: Record<string, any>;

  /** Shown to the rater after submitting; the same submission again gets the same receipt. */
  @Column({ type: 'text', nullable: true })
  receipt: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** Voided ballots (with a reason, audited) leave every score. */
  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason: string | null;
}
