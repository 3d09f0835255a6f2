import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const DISTRICT_KINDS = ['district', 'county-level-city', 'county', 'development-zone'] as const;
export type DistrictKind = (typeof DISTRICT_KINDS)[number];

export const SIZE_BANDS = ['large', 'medium', 'small', 'micro'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** A city-level department (市级有关部门), rated by enterprises and by district governments. */
@Entity({ name: 'departments' })
@Check('CHK_departments_code', `"code" ~ '^[A-Za-z0-9_.-]{1,32}$'`)
@Index('UQ_departments_code', ['code'], { unique: true })
export class Department {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_departments' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  /** 综合管理类, 执法监督类, 公共服务类 …: units are ranked within their category. */
  @Column({ type: 'text' })
  category: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A district, county, county-level city or development zone (县(市)、区). */
@Entity({ name: 'districts' })
@Check('CHK_districts_code', `"code" ~ '^[A-Za-z0-9_.-]{1,32}$'`)
@Check('CHK_districts_kind', `"kind" IN ('district', 'county-level-city', 'county', 'development-zone')`)
@Check('CHK_districts_division_code', `"division_code" IS NULL OR "division_code" ~ '^[0-9]{6}$'`)
@Index('UQ_districts_code', ['code'], { unique: true })
export class District {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_districts' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  kind: DistrictKind;

  /** The 6-digit administrative division code (行政区划代码), when known. */
  @Column({ name: 'division_code', type: 'text', nullable: true })
  divisionCode: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A foreign-invested enterprise, identified by its 统一社会信用代码. */
@Entity({ name: 'enterprises' })
@Check('CHK_enterprises_uscc', `"uscc" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`)
@Check('CHK_enterprises_size_band', `"size_band" IS NULL OR "size_band" IN ('large', 'medium', 'small', 'micro')`)
@Index('UQ_enterprises_uscc', ['uscc'], { unique: true })
// Response rates by district and the district filter of the console.
@Index('IDX_enterprises_district_id', ['districtId'])
export class Enterprise {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_enterprises' })
  id: string;

  @Column({ type: 'text' })
  uscc: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'FK_enterprises_district' })
  district?: District;

  @Column({ type: 'text', default: '' })
  industry: string;

  @Column({ name: 'investor_country', type: 'text', default: '' })
  investorCountry: string;

  @Column({ name: 'size_band', type: 'text', nullable: true })
  sizeBand: SizeBand | null;

  @Column({ name: 'contact_name', type: 'text', default: '' })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'text', default: '' })
  contactPhone: string;

  @Column({ name: 'contact_email', type: 'text', default: '' })
  contactEmail: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
