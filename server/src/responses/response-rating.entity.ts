import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EvaluationTarget } from '../campaigns/campaign.entities.js';
import { Response } from './response.entity.js';

/**
 * One answer of a submitted ballot to one criterion about one target, written in the
 * same transaction as the ballot. Scores are aggregated in SQL from these rows; the
 * ballot's jsonb stays the record of what was sent. Drafts have none.
 */
@Entity({ name: 'response_ratings' })
@Check('CHK_response_ratings_answer', `length("answer") BETWEEN 1 AND 64`)
export class ResponseRating {
  @PrimaryColumn({ name: 'response_id', type: 'uuid', primaryKeyConstraintName: 'PK_response_ratings' })
  responseId: string;

  @ManyToOne(() => Response, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'response_id', foreignKeyConstraintName: 'FK_response_ratings_response' })
  response?: Response;

  @PrimaryColumn({ name: 'target_id', type: 'uuid', primaryKeyConstraintName: 'PK_response_ratings' })
  targetId: string;

  @ManyToOne(() => EvaluationTarget, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'FK_response_ratings_target' })
  target?: EvaluationTarget;

  /** The criterion question's name in the questionnaire (`attitude`, `efficiency`, …). */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_response_ratings' })
  criterion: string;

  /** The stable choice code (`satisfied`, `basically`, `dissatisfied`, `na`). */
  @Column({ type: 'text' })
  answer: string;
}
