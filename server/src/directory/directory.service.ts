import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode, type FieldError } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { likePattern } from '../common/sql.js';
import { writeXlsx } from '../common/tabular.js';
import { DIRECTORY_COLUMNS, DISTRICT_KIND_LABELS, KEY_PROPERTY, parseFields, SIZE_BAND_LABELS, unknownDistrict, type DirectoryKind } from './directory-columns.js';
import { DirectoryImportService } from './directory-import.service.js';
import type { DistrictKind, SizeBand } from './directory.entities.js';
import {
  DepartmentDto,
  DepartmentPageDto,
  DirectoryQueryDto,
  DistrictDto,
  DistrictPageDto,
  EnterpriseDto,
  EnterprisePageDto,
} from './dto/directory.dto.js';

// A record still referred to: 23503 for NO ACTION foreign keys, 23001 for the RESTRICT ones.
const STILL_REFERENCED = new Set(['23503', '23001']);

const pageOf = (query: DirectoryQueryDto) => {
  const pageSize = query.pageSize ?? 20;
  return { limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize };
};


interface DepartmentRow { code: string; name_zh: string; name_en: string; category: string; updated_at: Date }
interface DistrictRow { code: string; name_zh: string; name_en: string; kind: DistrictKind; division_code: string | null; updated_at: Date; enterprise_count: number }
interface EnterpriseRow {
  uscc: string; name_zh: string; name_en: string; district_code: string; district_name_zh: string; district_name_en: string; industry: string;
  investor_country: string; size_band: SizeBand | null; contact_name: string; contact_phone: string; contact_email: string; updated_at: Date;
}

const mapDepartment = (r: DepartmentRow): DepartmentDto => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, category: r.category, updatedAt: r.updated_at.toISOString() });
const mapDistrict = (r: DistrictRow): DistrictDto => ({
  code: r.code, nameZh: r.name_zh, nameEn: r.name_en, kind: r.kind, divisionCode: r.division_code, enterpriseCount: Number(r.enterprise_count), updatedAt: r.updated_at.toISOString(),
});
const mapEnterprise = (r: EnterpriseRow): EnterpriseDto => ({
  uscc: r.uscc, nameZh: r.name_zh, nameEn: r.name_en, districtCode: r.district_code, districtNameZh: r.district_name_zh, districtNameEn: r.district_name_en,
  industry: r.industry, investorCountry: r.investor_country, sizeBand: r.size_band, contactName: r.contact_name, contactPhone: r.contact_phone,
  contactEmail: r.contact_email, updatedAt: r.updated_at.toISOString(),
});

const SELECT_DISTRICT = `SELECT d.code, d.name_zh, d.name_en, d.kind, d.division_code, d.updated_at,
  (SELECT count(*) FROM enterprises e WHERE e.district_id = d.id)::int AS enterprise_count FROM districts d`;
const SELECT_ENTERPRISE = `SELECT e.uscc, e.name_zh, e.name_en, d.code AS district_code, d.name_zh AS district_name_zh, d.name_en AS district_name_en,
  e.industry, e.investor_country, e.size_band, e.contact_name, e.contact_phone, e.contact_email, e.updated_at
  FROM enterprises e JOIN districts d ON d.id = e.district_id`;

/** The three lists of the directory: browsing, single edits and exports. Imports are DirectoryImportService. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: DirectoryImportService,
  ) {}

  async listDepartments(query: DirectoryQueryDto): Promise<DepartmentPageDto> {
    const where = new Conditions();
    if (query.q) where.add('(code ILIKE $? OR name_zh ILIKE $? OR name_en ILIKE $?)', likePattern(query.q));
    if (query.category) where.add('category = $?', query.category);
    const { limit, offset } = pageOf(query);
    const [rows, [{ total }], categories] = await Promise.all([
      this.dataSource.query(`SELECT code, name_zh, name_en, category, updated_at FROM departments ${where.sql} ORDER BY code LIMIT ${limit} OFFSET ${offset}`, where.values),
      this.dataSource.query(`SELECT count(*)::int AS total FROM departments ${where.sql}`, where.values),
      this.dataSource.query('SELECT DISTINCT category FROM departments ORDER BY category'),
    ]);
    return { total, items: rows.map(mapDepartment), categories: categories.map((c: { category: string }) => c.category) };
  }

  async listDistricts(query: DirectoryQueryDto): Promise<DistrictPageDto> {
    const where = new Conditions();
    if (query.q) where.add('(d.code ILIKE $? OR d.name_zh ILIKE $? OR d.name_en ILIKE $?)', likePattern(query.q));
    if (query.kind) where.add('d.kind = $?', query.kind);
    const { limit, offset } = pageOf(query);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`${SELECT_DISTRICT} ${where.sql} ORDER BY d.code LIMIT ${limit} OFFSET ${offset}`, where.values),
      this.dataSource.query(`SELECT count(*)::int AS total FROM districts d ${where.sql}`, where.values),
    ]);
    return { total, items: rows.map(mapDistrict) };
  }

  async listEnterprises(query: DirectoryQueryDto): Promise<EnterprisePageDto> {
    const where = new Conditions();
    if (query.q) where.add('(e.uscc ILIKE $? OR e.name_zh ILIKE $? OR e.name_en ILIKE $? OR e.contact_name ILIKE $?)', likePattern(query.q));
    if (query.district) where.add('d.code = $?', query.district);
    if (query.industry) where.add('e.industry = $?', query.industry);
    if (query.investorCountry) where.add('e.investor_country = $?', query.investorCountry);
    if (query.sizeBand) where.add('e.size_band = $?', query.sizeBand);
    const { limit, offset } = pageOf(query);
    const [rows, [{ total }], industries, countries] = await Promise.all([
      this.dataSource.query(`${SELECT_ENTERPRISE} ${where.sql} ORDER BY e.name_zh, e.uscc LIMIT ${limit} OFFSET ${offset}`, where.values),
      this.dataSource.query(`SELECT count(*)::int AS total FROM enterprises e JOIN districts d ON d.id = e.district_id ${where.sql}`, where.values),
      this.dataSource.query(`SELECT DISTINCT industry AS value FROM enterprises WHERE industry <> '' ORDER BY 1`),
      this.dataSource.query(`SELECT DISTINCT investor_country AS value FROM enterprises WHERE investor_country <> '' ORDER BY 1`),
    ]);
    const values = (list: { value: string }[]) => list.map((v) => v.value);
    return { total, items: rows.map(mapEnterprise), industries: values(industries), investorCountries: values(countries) };
  }

  /** Creates or updates one record by its code/USCC, checked by the same rules as an imported row. */
  async save(kind: DirectoryKind, key: string, input: object): Promise<DepartmentDto | DistrictDto | EnterpriseDto> {
    const keyProperty = KEY_PROPERTY[kind];
    const values = input as Record<string, unknown>;
    const { record, problems } = parseFields(kind, (spec) => (spec.property === keyProperty ? key : stringOrUndefined(values[spec.property])));
    const errors: FieldError[] = problems.map((p) => ({ field: p.spec.property, message: p.messages.en, messages: p.messages }));
    return this.dataSource.transaction(async (manager) => {
      if (kind === 'enterprises' && record.districtCode) {
        const districtId = (await this.imports.districtIdsByCode(manager)).get(record.districtCode);
        if (districtId) record.districtId = districtId;
        else {
          const messages = unknownDistrict(record.districtCode);
          errors.push({ field: 'districtCode', message: messages.en, messages });
        }
      }
      if (errors.length > 0) throw new AppError(ErrorCode.ValidationFailed, { errors });
      const before = await this.findOne(kind, record[keyProperty]!, manager);
      await this.imports.upsert(manager, kind, [record], false);
      const after = (await this.findOne(kind, record[keyProperty]!, manager))!;
      describeMutation({ entity: kind, entityId: record[keyProperty]!, before: before ? { ...before } : null, after: { ...after } });
      return after;
    });
  }

  async remove(kind: DirectoryKind, key: string): Promise<void> {
    const before = await this.findOne(kind, key);
    if (!before) throw new AppError(ErrorCode.NotFound);
    try {
      await this.dataSource.query(`DELETE FROM ${kind} WHERE ${KEY_PROPERTY[kind]} = $1`, [key]);
    } catch (error) {
      if (STILL_REFERENCED.has((error as { driverError?: { code?: string } }).driverError?.code ?? '')) throw new AppError(ErrorCode.InUse);
      throw error;
    }
    describeMutation({ entity: kind, entityId: key, before: { ...before }, after: null });
  }

  async findOne(kind: DirectoryKind, key: string, manager = this.dataSource.manager): Promise<DepartmentDto | DistrictDto | EnterpriseDto | null> {
    if (kind === 'departments') {
      const [row] = await manager.query('SELECT code, name_zh, name_en, category, updated_at FROM departments WHERE code = $1', [key]);
      return row ? mapDepartment(row) : null;
    }
    if (kind === 'districts') {
      const [row] = await manager.query(`${SELECT_DISTRICT} WHERE d.code = $1`, [key]);
      return row ? mapDistrict(row) : null;
    }
    const [row] = await manager.query(`${SELECT_ENTERPRISE} WHERE e.uscc = $1`, [key]);
    return row ? mapEnterprise(row) : null;
  }

  /** The whole list as .xlsx, with the same Chinese headers an import accepts. */
  async exportXlsx(kind: DirectoryKind): Promise<Buffer> {
    const rows = await this.exportRows(kind);
    return writeXlsx([{ name: SHEET_NAMES[kind], columns: this.columns(kind), rows }]);
  }

  /** An empty list with its headers, and a sheet explaining every column. */
  async templateXlsx(kind: DirectoryKind): Promise<Buffer> {
    const explanation = DIRECTORY_COLUMNS[kind].map((spec) => ({
      column: spec.headerZh,
      key: spec.key,
      required: spec.required ? '必填 required' : '选填 optional',
      rule: RULES[spec.key] ?? `最多 ${spec.maxLength} 个字符 / at most ${spec.maxLength} characters`,
    }));
    return writeXlsx([
      { name: SHEET_NAMES[kind], columns: this.columns(kind), rows: [] },
      {
        name: '填写说明 Instructions',
        columns: [
          { header: '列名 Column', key: 'column', width: 22 },
          { header: '英文列名 English header', key: 'key', width: 20 },
          { header: '是否必填 Required', key: 'required', width: 18 },
          { header: '规则 Rule', key: 'rule', width: 80 },
        ],
        rows: explanation,
      },
    ]);
  }

  private columns(kind: DirectoryKind) {
    return DIRECTORY_COLUMNS[kind].map((spec) => ({ header: spec.headerZh, key: spec.key, width: Math.min(40, Math.max(12, spec.maxLength / 3)) }));
  }

  private async exportRows(kind: DirectoryKind): Promise<Record<string, string | null>[]> {
    if (kind === 'departments') {
      const rows: DepartmentRow[] = await this.dataSource.query('SELECT code, name_zh, name_en, category, updated_at FROM departments ORDER BY code');
      return rows.map((r) => ({ code: r.code, name_zh: r.name_zh, name_en: r.name_en, category: r.category }));
    }
    if (kind === 'districts') {
      const rows: DistrictRow[] = await this.dataSource.query(`${SELECT_DISTRICT} ORDER BY d.code`);
      return rows.map((r) => ({ code: r.code, name_zh: r.name_zh, name_en: r.name_en, kind: DISTRICT_KIND_LABELS[r.kind].zh, division_code: r.division_code }));
    }
    const rows: EnterpriseRow[] = await this.dataSource.query(`${SELECT_ENTERPRISE} ORDER BY d.code, e.name_zh`);
    return rows.map((r) => ({
      uscc: r.uscc, name_zh: r.name_zh, name_en: r.name_en, district_code: r.district_code, industry: r.industry, investor_country: r.investor_country,
      size_band: r.size_band ? SIZE_BAND_LABELS[r.size_band].zh : null, contact_name: r.contact_name, contact_phone: r.contact_phone, contact_email: r.contact_email,
    }));
  }
}

const SHEET_NAMES: Record<DirectoryKind, string> = { departments: '市级部门', districts: '县(市)区', enterprises: '外商投资企业' };

const RULES: Record<string, string> = {
  code: '字母、数字和 _ . -，最多 32 位；导入时按编码新增或更新 / letters, digits and _ . -, up to 32; imports add or update by code',
  uscc: '18 位统一社会信用代码，按 GB 32100-2015 校验；导入时按代码新增或更新 / the 18-character unified social credit code, checked per GB 32100-2015; imports add or update by it',
  kind: '区、县级市、县、开发区 / district, county-level-city, county, development-zone',
  size_band: '大型、中型、小型、微型 / large, medium, small, micro',
  district_code: '须为区县名录中已有的编码 / a code from the district list',
  division_code: '6 位数字 / 6 digits',
};

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : value === null || value === undefined ? undefined : String(value);
}

/** Builds a WHERE clause whose `$?` placeholders become numbered parameters. */
class Conditions {
  private readonly parts: string[] = [];
  readonly values: unknown[] = [];

  add(sql: string, value: unknown): void {
    this.values.push(value);
    const n = this.values.length;
    this.parts.push(sql.replace(/\$\?/g, `$${n}`));
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
