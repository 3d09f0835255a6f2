import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Department, District } from '../directory/directory.entities.js';

export const ROLES = ['admin', 'viewer', 'department', 'district'] as const;
export type Role = (typeof ROLES)[number];

@Entity({ name: 'users' })
@Check('CHK_users_role', `"role" IN ('admin', 'viewer', 'department', 'district')`)
@Check('CHK_users_username', `"username" ~ '^[A-Za-z0-9_.@-]{3,64}$'`)
@Check('CHK_users_display_name', `length("display_name") BETWEEN 1 AND 100`)
// A department or district user belongs to its unit; other roles belong to none.
@Check('CHK_users_department_role', `"department_id" IS NULL OR "role" = 'department'`)
@Check('CHK_users_district_role', `"district_id" IS NULL OR "role" = 'district'`)
// An expression index TypeORM cannot describe: unique lower(username), created by the migration.
@Index('UQ_users_username_lower', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** The department a `department` user works for: it sees that unit's results and cases only. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_users_department' })
  department?: Department | null;

  /** The district government a `district` user works for. */
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_users_district' })
  district?: District | null;
}
