import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed logins, kept in the database rather than in memory so that every instance
 * behind a load balancer counts the same attempts.
 */
@Entity({ name: 'login_failures' })
@Index('IDX_login_failures_client_key_at', ['clientKey', 'at'])
@Index('IDX_login_failures_username_at', ['username', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'PK_login_failures' })
  id: string;

  @Column({ name: 'client_key', type: 'text' })
  clientKey: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
