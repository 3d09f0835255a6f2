import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entities.js';
import { Enterprise } from '../directory/directory.entities.js';
import { User } from '../users/user.entity.js';

export const CSR_CHECK_SOURCES = ['verified', 'corrected', 'authoritative'] as const;
export type CsrCheckSource = (typeof CSR_CHECK_SOURCES)[number];

/**
 * What the office made of one declared figure of one enterprise in one campaign: confirmed as
 * declared, corrected (with a reason), or replaced by an authority's figure imported from a file
 * (tax bureau, social insurance, environment). No row: the figure stands as declared. The value
 * it replaced is kept beside it; every change is also in the audit log.
 */
@Entity({ name: 'csr_figure_checks' })
@Check('CHK_csr_figure_checks_source', `"source" IN ('verified', 'corrected', 'authoritative')`)
@Check('CHK_csr_figure_checks_reason', `"source" <> 'corrected' OR length("reason") > 0`)
@Check('CHK_csr_figure_checks_authority', `("source" = 'authoritative') = ("authority" IS NOT NULL)`)
@Index('UQ_csr_figure_checks_figure', ['campaignId', 'enterpriseId', 'figure'], { unique: true })
export class CsrFigureCheck {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_csr_figure_checks' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_csr_figure_checks_campaign' })
  campaign?: Campaign;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => Enterprise, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_csr_figure_checks_enterprise' })
  enterprise?: Enterprise;

  /** A question of the csr-declaration questionnaire (tax_paid, env_penalty, …). */
  @Column({ type: 'text' })
  figure: string;

  /** The figure as it now counts: a number, a yes/no, or a list of certification codes. */
  @Column({ type: 'jsonb' })
  value: unknown;

  @Column({ type: 'text' })
  source: CsrCheckSource;

  /** What counted before this change (the declaration, or an earlier check); null: nothing. */
  @Column({ type: 'jsonb', nullable: true })
  previous: unknown;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The authority whose record this is, as the file names it (e.g. 市税务局). */
  @Column({ type: 'text', nullable: true })
  authority: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'FK_csr_figure_checks_user' })
  user?: User | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
