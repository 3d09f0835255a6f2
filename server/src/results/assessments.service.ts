import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, ErrorCode, type FieldError, type LocalisedText, type RowError } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { instructionsSheet, lockForOfficeInput, officeInputChanged } from './office-inputs.js';
import { writeXlsx, type ColumnSpec } from '../common/tabular.js';
import { locateColumns, MAX_REPORTED_ERRORS, readUploadedTable, rowError, type UploadedFile } from '../directory/upload.js';
import { districtCategory } from '../scoring/scoring-config.js';
import { MAX_VETO_REASON, UNIT_TYPES, type AssessmentCountsDto, type AssessmentDto, type AssessmentItemDto, type UnitType } from './dto/assessment.dto.js';

/** What the office enters for one unit, as stored. */
interface AssessmentValues {
  inspectionScore: number | null;
  selfInspectionScore: number | null;
  selfInspectionComplete: boolean;
  objectiveScore: number | null;
  vetoReason: string | null;
}
type ValueField = keyof AssessmentValues;

const VALUE_FIELDS: readonly ValueField[] = ['inspectionScore', 'selfInspectionScore', 'selfInspectionComplete', 'objectiveScore', 'vetoReason'];
const SCORE_FIELDS = ['inspectionScore', 'selfInspectionScore', 'objectiveScore'] as const;
/** A unit with no row has these values. */
const NOTHING_ENTERED: AssessmentValues = { inspectionScore: null, selfInspectionScore: null, selfInspectionComplete: false, objectiveScore: null, vetoReason: null };

interface DirectoryUnit {
  id: string;
  unitType: UnitType;
  code: string;
}

/** One unit's new values; a field left out keeps what is stored. */
interface AssessmentChange {
  unit: DirectoryUnit;
  values: Partial<AssessmentValues>;
}

interface Problem {
  field: 'unitType' | 'code' | ValueField;
  messages: LocalisedText;
}

const TEXT = {
  notAScore: { zh: '应为 0 到 100 之间的数字', en: 'must be a number from 0 to 100' },
  notABoolean: { zh: '应为“是”或“否”（true 或 false）', en: 'must be true or false' },
  notYesOrNo: { zh: '应为“是”或“否”', en: 'must be yes (是) or no (否)' },
  vetoEmpty: { zh: '一票否决须写明原因；撤销否决请清空原因', en: 'a veto needs a reason; to lift the veto, clear the reason (null)' },
  vetoTooLong: { zh: `否决原因过长（最多 ${MAX_VETO_REASON} 个字符）`, en: `the reason is too long (at most ${MAX_VETO_REASON} characters)` },
  vetoNotText: { zh: '否决原因应为文字', en: 'the reason must be text' },
  objectiveOnDepartment: { zh: '客观指标得分只适用于县(市)区，部门不填', en: 'objective indicators are entered for districts only, not for departments' },
  selfInspectionOnDistrict: { zh: '自查只适用于市级部门，县(市)区不填', en: 'self-inspection applies to departments only, not to districts' },
  unitType: { zh: '类型应为“部门”或“区县”（department 或 district）', en: 'the type must be department or district' },
  codeMissing: { zh: '代码不能为空', en: 'the code is required' },
} satisfies Record<string, LocalisedText>;

const unknownUnit = (unitType: UnitType, code: string): LocalisedText =>
  unitType === 'department'
    ? { zh: `名录中没有代码为“${code}”的市级部门`, en: `there is no department with the code "${code}"` }
    : { zh: `名录中没有代码为“${code}”的县(市)区`, en: `there is no district with the code "${code}"` };

/**
 * What is wrong with one unit's values, typed in the console or read from a file: scores from
 * 0 to 100, a veto with a reason, and each value only on the kind of unit it applies to.
 * Values left out (undefined) are not checked.
 */
function valueProblems(unitType: UnitType, values: Partial<Record<ValueField, unknown>>): Problem[] {
  const problems: Problem[] = [];
  const given = (value: unknown) => value !== undefined && value !== null;
  for (const field of SCORE_FIELDS) {
    const value = values[field];
    if (unitType === 'department' && field === 'objectiveScore' && given(value)) problems.push({ field, messages: TEXT.objectiveOnDepartment });
    else if (unitType === 'district' && field === 'selfInspectionScore' && given(value)) problems.push({ field, messages: TEXT.selfInspectionOnDistrict });
    else if (given(value) && !(typeof value === 'number' && value >= 0 && value <= 100)) problems.push({ field, messages: TEXT.notAScore });
  }
  const complete = values.selfInspectionComplete;
  if (given(complete) && typeof complete !== 'boolean') problems.push({ field: 'selfInspectionComplete', messages: TEXT.notABoolean });
  else if (unitType === 'district' && complete === true) problems.push({ field: 'selfInspectionComplete', messages: TEXT.selfInspectionOnDistrict });
  const veto = values.vetoReason;
  if (given(veto)) {
    if (typeof veto !== 'string') problems.push({ field: 'vetoReason', messages: TEXT.vetoNotText });
    else if (veto.trim() === '') problems.push({ field: 'vetoReason', messages: TEXT.vetoEmpty });
    else if ([...veto.trim()].length > MAX_VETO_REASON) problems.push({ field: 'vetoReason', messages: TEXT.vetoTooLong });
  }
  return problems;
}

/** Checked values as stored: the reason trimmed, null for "not complete", nothing a unit of its type cannot have. */
function normalise(unitType: UnitType, values: Partial<Record<ValueField, unknown>>): Partial<AssessmentValues> {
  const result: Partial<AssessmentValues> = {};
  for (const field of VALUE_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    if (unitType === 'department' && field === 'objectiveScore') continue;
    if (unitType === 'district' && (field === 'selfInspectionScore' || field === 'selfInspectionComplete')) continue;
    if (field === 'selfInspectionComplete') result.selfInspectionComplete = value === true;
    else if (field === 'vetoReason') result.vetoReason = typeof value === 'string' ? value.trim() : null;
    else result[field] = value as number | null;
  }
  return result;
}

const sameValues = (a: AssessmentValues, b: AssessmentValues) => VALUE_FIELDS.every((field) => a[field] === b[field]);

/** The directory's departments and districts by type and code. */
class Directory {
  constructor(private readonly units: Map<string, DirectoryUnit>) {}

  static async load(manager: EntityManager): Promise<Directory> {
    const rows: { id: string; unit_type: UnitType; code: string }[] = await manager.query(
      `SELECT id, 'department' AS unit_type, code FROM departments UNION ALL SELECT id, 'district', code FROM districts`,
    );
    return new Directory(new Map(rows.map((r) => [`${r.unit_type}:${r.code}`, { id: r.id, unitType: r.unit_type, code: r.code }])));
  }

  /** The unit named by a type and a code, or what is wrong with them. */
  find(unitType: unknown, code: unknown): { unit: DirectoryUnit } | { problem: Problem } {
    if (!UNIT_TYPES.includes(unitType as UnitType)) return { problem: { field: 'unitType', messages: TEXT.unitType } };
    if (typeof code !== 'string' || code.trim() === '') return { problem: { field: 'code', messages: TEXT.codeMissing } };
    const unit = this.units.get(`${unitType as UnitType}:${code.trim()}`);
    return unit ? { unit } : { problem: { field: 'code', messages: unknownUnit(unitType as UnitType, code.trim()) } };
  }
}

// ---------------------------------------------------------------------------------------------
// The file the office fills in

interface ImportColumn extends ColumnSpec {
  headerZh: string;
  /** The value the column fills; unit_type and code name the unit. */
  field: 'unitType' | 'code' | ValueField;
  rule: string;
}

const column = (key: string, field: ImportColumn['field'], headerZh: string, labels: string[], required: boolean, rule: string): ImportColumn => ({
  key, field, headerZh, labels: [headerZh, ...labels], required, rule,
});

/** The columns of the import and of the export, English headers or their Chinese equivalents. */
const IMPORT_COLUMNS: readonly ImportColumn[] = [
  column('unit_type', 'unitType', '类型', ['单位类型'], true, 'department（部门）或 district（区县）'),
  column('code', 'code', '代码', ['编码', '单位代码', '单位编码'], true, '名录中的部门编码或区县编码 / the code in the directory'),
  column('inspection_score', 'inspectionScore', '责任书检查得分', ['责任书检查'], false, '0–100；空白表示未录入 / empty: not entered'),
  column('self_inspection_score', 'selfInspectionScore', '自查得分', ['自查'], false, '0–100，仅部门 / departments only'),
  column('self_inspection_complete', 'selfInspectionComplete', '自查材料齐全', ['自查材料齐全(是/否)', '自查材料'], false, '是 / 否，仅部门；空白为否 / yes or no, departments only; empty: no'),
  column('objective_score', 'objectiveScore', '客观指标得分', ['客观指标'], false, '0–100，仅区县；空白表示按案件办理情况计算 / districts only; empty: computed from its cases'),
  column('veto_reason', 'vetoReason', '一票否决原因', ['一票否决', '否决原因'], false, `否决原因，最多 ${MAX_VETO_REASON} 字；空白表示不否决 / empty: no veto`),
];

const normaliseLabel = (text: string) => text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
const lookup = <T>(entries: [T, string[]][]) => new Map(entries.flatMap(([value, labels]) => labels.map((label) => [normaliseLabel(label), value] as const)));

const UNIT_TYPE_LABELS = lookup<UnitType>([
  ['department', ['department', 'departments', '部门', '市级部门', '市级有关部门']],
  ['district', ['district', 'districts', '区县', '县(市)区', '县(市)、区', '县市区', '区']],
]);
const YES_NO_LABELS = lookup<boolean>([
  [true, ['是', '齐全', 'yes', 'y', 'true', '1', '√']],
  [false, ['否', '不齐全', 'no', 'n', 'false', '0', '×']],
]);
const SCORE_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A cell's text as a value for the checks: empty is null, a number is a number, 是/否 is a boolean. */
function cellValue(field: ValueField, text: string): { value: unknown } | { problem: LocalisedText } {
  if (text === '') return { value: null };
  if (field === 'vetoReason') return { value: text };
  if (field === 'selfInspectionComplete') {
    const yes = YES_NO_LABELS.get(normaliseLabel(text));
    return yes === undefined ? { problem: TEXT.notYesOrNo } : { value: yes };
  }
  return SCORE_TEXT.test(text) ? { value: Number(text) } : { problem: TEXT.notAScore };
}

const FILE_FIELDS = new Map(IMPORT_COLUMNS.map((spec) => [spec.field, spec.key]));

@Injectable()
export class AssessmentsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every department (by code), then every district, with what was entered for it or nulls. */
  async list(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<AssessmentDto[]> {
    const [campaign] = await manager.query('SELECT 1 FROM campaigns WHERE id = $1', [campaignId]);
    if (!campaign) throw new AppError(ErrorCode.NotFound);
    const rows: {
      unit_type: UnitType; code: string; name_zh: string; name_en: string; category: string; inspection_score: number | null; self_inspection_score: number | null;
      self_inspection_complete: boolean | null; objective_score: number | null; veto_reason: string | null; updated_at: Date | null;
    }[] = await manager.query(
      `SELECT 'department' AS unit_type, d.code, d.name_zh, d.name_en, d.category,
              a.inspection_score, a.self_inspection_score, COALESCE(a.self_inspection_complete, false) AS self_inspection_complete, NULL::float8 AS objective_score, a.veto_reason, a.updated_at
         FROM departments d LEFT JOIN unit_assessments a ON a.department_id = d.id AND a.campaign_id = $1
       UNION ALL
       SELECT 'district', q.code, q.name_zh, q.name_en, q.kind,
              a.inspection_score, NULL, NULL, a.objective_score, a.veto_reason, a.updated_at
         FROM districts q LEFT JOIN unit_assessments a ON a.district_id = q.id AND a.campaign_id = $1
        ORDER BY unit_type, code`, // 'department' sorts before 'district'
      [campaignId],
    );
    return rows.map((r) => ({
      unitType: r.unit_type,
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      category: r.unit_type === 'district' ? districtCategory(r.category) : r.category,
      inspectionScore: r.inspection_score,
      selfInspectionScore: r.self_inspection_score,
      selfInspectionComplete: r.self_inspection_complete,
      objectiveScore: r.objective_score,
      vetoReason: r.veto_reason,
      updatedAt: r.updated_at ? r.updated_at.toISOString() : null,
    }));
  }

  /** Saves the items in one transaction; any bad item answers 422 naming it and its field, and nothing is written. */
  async save(campaignId: string, items: AssessmentItemDto[]): Promise<AssessmentCountsDto & { assessments: AssessmentDto[] }> {
    return this.dataSource.transaction(async (manager) => {
      await lockForOfficeInput(manager, campaignId);
      const directory = await Directory.load(manager);
      const errors: FieldError[] = [];
      const changes: AssessmentChange[] = [];
      const firstItemOfUnit = new Map<string, number>();
      items.forEach((item, index) => {
        const fieldError = (problem: Problem): FieldError => ({ field: `items[${index}].${problem.field}`, message: problem.messages.en, messages: problem.messages });
        const found = directory.find(item.unitType, item.code);
        if ('problem' in found) return void errors.push(fieldError(found.problem));
        const first = firstItemOfUnit.get(found.unit.id);
        if (first !== undefined) {
          return void errors.push(fieldError({ field: 'code', messages: { zh: `与 items[${first}] 是同一单位（${found.unit.code}）`, en: `names the same unit as items[${first}] (${found.unit.code})` } }));
        }
        firstItemOfUnit.set(found.unit.id, index);
        const values = Object.fromEntries(VALUE_FIELDS.map((field) => [field, item[field]]));
        const problems = valueProblems(found.unit.unitType, values);
        if (problems.length > 0) errors.push(...problems.map(fieldError));
        else changes.push({ unit: found.unit, values: normalise(found.unit.unitType, values) });
      });
      if (errors.length > 0) throw new AppError(ErrorCode.AssessmentsInvalid, { errors });
      const counts = await this.apply(manager, campaignId, changes, { dryRun: false });
      return { ...counts, assessments: await this.list(campaignId, manager) };
    });
  }

  /** Reads the office's file; any bad row answers 422 with every problem, and nothing is written. */
  async importFile(campaignId: string, file: UploadedFile, options: { dryRun: boolean }): Promise<AssessmentCountsDto> {
    const table = await readUploadedTable(file);
    return this.dataSource.transaction(async (manager) => {
      await lockForOfficeInput(manager, campaignId);
      const indexByKey = locateColumns(table, IMPORT_COLUMNS);
      const directory = await Directory.load(manager);
      const errors: RowError[] = [];
      const changes: AssessmentChange[] = [];
      const firstRowOfUnit = new Map<string, number>();
      for (const row of table.rows) {
        const cell = (key: string) => {
          const index = indexByKey.get(key);
          return index === undefined ? undefined : (row.cells[index] ?? '');
        };
        const problem = (field: Problem['field'], messages: LocalisedText) => errors.push(rowError(row.rowNumber, FILE_FIELDS.get(field)!, messages));
        const typeText = cell('unit_type')!;
        const found = directory.find(UNIT_TYPE_LABELS.get(normaliseLabel(typeText)) ?? typeText, cell('code'));
        if ('problem' in found) problem(found.problem.field, found.problem.messages);
        const values: Partial<Record<ValueField, unknown>> = {};
        let readable = true;
        for (const field of VALUE_FIELDS) {
          const text = cell(FILE_FIELDS.get(field)!);
          if (text === undefined) continue;
          const read = cellValue(field, text);
          if ('problem' in read) {
            problem(field, read.problem);
            readable = false;
          } else values[field] = read.value;
        }
        if ('unit' in found) {
          const first = firstRowOfUnit.get(found.unit.id);
          if (first !== undefined) problem('code', { zh: `与第 ${first} 行重复：${found.unit.code}`, en: `duplicates row ${first}: ${found.unit.code}` });
          else firstRowOfUnit.set(found.unit.id, row.rowNumber);
          const problems = valueProblems(found.unit.unitType, values);
          for (const p of problems) problem(p.field, p.messages);
          if (readable && first === undefined && problems.length === 0) changes.push({ unit: found.unit, values: normalise(found.unit.unitType, values) });
        }
        if (errors.length >= MAX_REPORTED_ERRORS) break;
      }
      if (errors.length > 0) throw new AppError(ErrorCode.ImportInvalid, { errors: errors.slice(0, MAX_REPORTED_ERRORS) });
      return this.apply(manager, campaignId, changes, options);
    });
  }

  /** The current values in the import's columns: the file the office fills in and imports back. */
  async exportXlsx(campaignId: string): Promise<Buffer> {
    const units = await this.list(campaignId);
    const rows = units.map((unit) => ({
      unit_type: unit.unitType,
      code: unit.code,
      name: unit.nameZh,
      inspection_score: unit.inspectionScore,
      self_inspection_score: unit.selfInspectionScore,
      self_inspection_complete: unit.unitType === 'department' ? (unit.selfInspectionComplete ? '是' : '否') : null,
      objective_score: unit.objectiveScore,
      veto_reason: unit.vetoReason,
    }));
    const [unitType, code, ...values] = IMPORT_COLUMNS;
    return writeXlsx([
      {
        name: '检查评分',
        columns: [
          { header: unitType!.key, key: unitType!.key, width: 12 },
          { header: code!.key, key: code!.key, width: 12 },
          // Only for reading; the import goes by type and code.
          { header: 'name', key: 'name' },
          ...values.map((spec) => ({ header: spec.key, key: spec.key, width: spec.field === 'vetoReason' ? 40 : 16 })),
        ],
        rows,
      },
      instructionsSheet('填写说明 Instructions', IMPORT_COLUMNS),
    ]);
  }

  /**
   * Writes the changes that change something, with updated_at on each row, and takes back
   * the confirmation of the awards: results computed before are stale.
   */
  private async apply(manager: EntityManager, campaignId: string, changes: AssessmentChange[], options: { dryRun: boolean }): Promise<AssessmentCountsDto> {
    const stored = await this.storedValues(manager, campaignId);
    const inserts: { unit: DirectoryUnit; values: AssessmentValues }[] = [];
    const updates: { id: string; values: AssessmentValues }[] = [];
    const before: Record<string, AssessmentValues | null> = {};
    const after: Record<string, AssessmentValues> = {};
    for (const { unit, values } of changes) {
      const current = stored.get(unit.id);
      const merged = { ...(current?.values ?? NOTHING_ENTERED), ...values };
      if (sameValues(merged, current?.values ?? NOTHING_ENTERED)) continue;
      if (current) updates.push({ id: current.id, values: merged });
      else inserts.push({ unit, values: merged });
      before[`${unit.unitType}:${unit.code}`] = current?.values ?? null;
      after[`${unit.unitType}:${unit.code}`] = merged;
    }
    const updated = inserts.length + updates.length;
    const counts = { updated, unchanged: changes.length - updated };
    if (options.dryRun || updated === 0) return counts;

    const columns = (rows: { values: AssessmentValues }[]) => VALUE_FIELDS.map((field) => rows.map((r) => r.values[field]));
    if (inserts.length > 0) {
      await manager.query(
        `INSERT INTO unit_assessments (campaign_id, department_id, district_id, inspection_score, self_inspection_score, self_inspection_complete, objective_score, veto_reason, updated_at)
         SELECT $1, t.department_id, t.district_id, t.i, t.s, t.c, t.o, t.v, clock_timestamp()
           FROM unnest($2::uuid[], $3::uuid[], $4::float8[], $5::float8[], $6::boolean[], $7::float8[], $8::text[]) AS t(department_id, district_id, i, s, c, o, v)`,
        [
          campaignId,
          inserts.map((r) => (r.unit.unitType === 'department' ? r.unit.id : null)),
          inserts.map((r) => (r.unit.unitType === 'district' ? r.unit.id : null)),
          ...columns(inserts),
        ],
      );
    }
    if (updates.length > 0) {
      await manager.query(
        `UPDATE unit_assessments AS a
            SET inspection_score = t.i, self_inspection_score = t.s, self_inspection_complete = t.c, objective_score = t.o, veto_reason = t.v, updated_at = clock_timestamp()
           FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::boolean[], $5::float8[], $6::text[]) AS t(id, i, s, c, o, v)
          WHERE a.id = t.id`,
        [updates.map((r) => r.id), ...columns(updates)],
      );
    }
    await officeInputChanged(manager, campaignId);
    describeMutation({ entity: 'campaign.assessments', entityId: campaignId, before, after });
    return counts;
  }

  private async storedValues(manager: EntityManager, campaignId: string): Promise<Map<string, { id: string; values: AssessmentValues }>> {
    const rows: {
      id: string; unit_id: string; inspection_score: number | null; self_inspection_score: number | null; self_inspection_complete: boolean; objective_score: number | null; veto_reason: string | null;
    }[] = await manager.query(
      `SELECT id, COALESCE(department_id, district_id) AS unit_id, inspection_score, self_inspection_score, self_inspection_complete, objective_score, veto_reason
         FROM unit_assessments WHERE campaign_id = $1`,
      [campaignId],
    );
    return new Map(rows.map((r) => [r.unit_id, {
      id: r.id,
      values: { inspectionScore: r.inspection_score, selfInspectionScore: r.self_inspection_score, selfInspectionComplete: r.self_inspection_complete, objectiveScore: r.objective_score, vetoReason: r.veto_reason },
    }]));
  }
}
