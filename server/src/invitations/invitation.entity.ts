import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Campaign, type RaterGroup } from '../campaigns/campaign.entities.js';
import { District, Enterprise } from '../directory/directory.entities.js';

/**
 * One rater's personal link to a campaign. The token is never stored: it is an HMAC of
 * the id and generation with the server secret, so links can be exported again while a
 * database dump alone cannot answer a survey. Only its SHA-256 is kept, for look-up.
 */
@Entity({ name: 'invitations' })
@Check('CHK_invitations_rater', `("rater_type" = 'enterprise' AND "enterprise_id" IS NOT NULL AND "district_id" IS NULL) OR ("rater_type" = 'district' AND "district_id" IS NOT NULL AND "enterprise_id" IS NULL)`)
@Check('CHK_invitations_generation', `"token_generation" >= 1`)
@Index('UQ_invitations_token_hash', ['tokenHash'], { unique: true })
@Index('UQ_invitations_campaign_enterprise', ['campaignId', 'enterpriseId'], { unique: true, where: '"enterprise_id" IS NOT NULL' })
@Index('UQ_invitations_campaign_district', ['campaignId', 'districtId'], { unique: true, where: '"district_id" IS NOT NULL' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_invitations' })
  id: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'FK_invitations_campaign' })
  campaign?: Campaign;

  @Column({ name: 'rater_type', type: 'text' })
  raterType: RaterGroup;

  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @ManyToOne(() => Enterprise, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_invitations_enterprise' })
  enterprise?: Enterprise | null;

  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_invitations_district' })
  district?: District | null;

  /** Raised by a reissue: the token of the previous generation stops working at once. */
  @Column({ name: 'token_generation', type: 'integer', default: 1 })
  tokenGeneration: number;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'first_opened_at', type: 'timestamptz', nullable: true })
  firstOpenedAt: Date | null;

  @Column({ name: 'last_opened_at', type: 'timestamptz', nullable: true })
  lastOpenedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
