import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.types.js';
import { AppError, ErrorCode, type FieldError, type LocalisedText, type RowError } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { instructionsSheet, lockForOfficeInput, officeInputChanged } from '../results/office-inputs.js';
import { writeXlsx, type ColumnSpec } from '../common/tabular.js';
import { locateColumns, MAX_REPORTED_ERRORS, readUploadedTable, rowError, type UploadedFile } from '../directory/upload.js';
import { validateUscc } from '../directory/uscc.js';
import { CSR_FIGURE_NAMES, type CsrEnterpriseInput, type CsrFigureName, type CsrFigures, type FigureSource, type SizeBand } from '../scoring/csr-scoring.js';
import type { CsrCheckSource } from './csr.entities.js';
import { CERTIFICATIONS, FIGURE_BY_NAME, FIGURES, figureText, SIZE_BAND_NAMES, SOURCE_NAMES, figureValueProblem, normaliseFigureValue, readFigureCell, type FigureSpec, type FigureValue } from './csr-figures.js';
import type { CsrDeclarationDto, CsrFigureCheckDto, CsrFigureStateDto, CsrImportResultDto } from './dto/csr.dto.js';

interface DeclarationRow {
  response_id: string;
  enterprise_id: string;
  uscc: string;
  name_zh: string;
  name_en: string;
  district_code: string | null;
  size_band: SizeBand | null;
  receipt: string;
  submitted_at: Date;
  voided: boolean;
  data: Record<string, unknown>;
}

interface CheckRow {
  enterprise_id: string;
  figure: CsrFigureName;
  value: FigureValue;
  source: CsrCheckSource;
  previous: FigureValue | null;
  reason: string | null;
  authority: string | null;
  updated_at: Date;
}

/** What the scoring needs of a campaign's declarations, read in the caller's transaction. */
export interface CsrInputs {
  evaluationId: string;
  /** Submitted, not voided. */
  declarations: number;
  enterprises: CsrEnterpriseInput[];
  names: Map<string, { uscc: string; nameZh: string; nameEn: string }>;
  /** Declarations of enterprises the directory gives no size band. */
  unplaced: { uscc: string; nameZh: string; nameEn: string }[];
}

const DECLARATIONS_SQL = `
  SELECT r.id AS response_id, e.id AS enterprise_id, e.uscc, e.name_zh, e.name_en, q.code AS district_code, e.size_band,
         r.receipt, r.submitted_at, r.voided_at IS NOT NULL AS voided, r.data
    FROM evaluations ev
    JOIN responses r ON r.evaluation_id = ev.id AND r.status = 'submitted'
    JOIN invitations i ON i.id = r.invitation_id
    JOIN enterprises e ON e.id = i.enterprise_id
    LEFT JOIN districts q ON q.id = e.district_id
   WHERE ev.campaign_id = $1 AND ev.kind = 'csr-declaration'`;

/** A declared answer as the figure it is: absent answers are null, anything else is kept for the checks. */
const declaredValue = (data: Record<string, unknown>, figure: CsrFigureName): FigureValue | null => {
  const value = data[figure];
  return value === undefined || value === null || value === '' ? null : (value as FigureValue);
};

const TEXT = {
  unknownFigure: { zh: '没有这一申报项', en: 'there is no such figure in the declaration' },
  nothingDeclared: { zh: '企业未申报此项，无法确认；请填写更正值并说明理由', en: 'the enterprise did not declare this figure, so it cannot be verified; correct it with a value and a reason' },
  declaredInvalid: { zh: '申报值不是有效数据，无法确认；请填写更正值并说明理由', en: 'the declared value is not a valid figure, so it cannot be verified; correct it with a value and a reason' },
  reasonRequired: { zh: '更正须说明理由', en: 'a correction needs a reason' },
  reasonForOverride: { zh: '此项现按主管部门数据计，改回申报值须说明理由', en: 'this figure now counts as the authority\'s record; going back to the declared value needs a reason' },
  authoritativeKept: {
    zh: '主管部门数据不能直接撤销；如申报值属实，请“核实”并说明理由，或“更正”为正确数值',
    en: 'an authority\'s figure cannot simply be taken back: verify the declared value with a reason, or correct it',
  },
  valueRequired: { zh: '请填写更正后的数值', en: 'the corrected value is required' },
} satisfies Record<string, LocalisedText>;

// ---------------------------------------------------------------------------------------------
// The authorities' file

interface ImportColumn extends ColumnSpec {
  headerZh: string;
  figure: FigureSpec | null;
  rule: string;
}

const RULES: Record<FigureSpec['kind'], string> = {
  amount: '数字，≥ 0（万元）/ a number of at least 0 (10,000 CNY)',
  count: '整数，≥ 0 / a whole number of at least 0',
  percent: '0–100 的数字 / a number from 0 to 100',
  'yes-no': '是 / 否（yes / no）',
  certifications: `${CERTIFICATIONS.map((c) => `${c.code}（${c.zh}）`).join('、')}，代码或名称，逗号分隔；无 / none`,
};

const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'uscc', headerZh: '统一社会信用代码', labels: ['统一社会信用代码', '信用代码', '社会信用代码'], required: true, figure: null, rule: '名录中企业的统一社会信用代码 / the USCC of an enterprise in the directory' },
  { key: 'authority', headerZh: '数据来源', labels: ['数据来源', '来源', '来源部门', 'source'], required: false, figure: null, rule: '提供数据的部门；空白时按各项默认部门 / the authority; empty: the usual one for each figure' },
  ...FIGURES.map((spec) => ({ key: spec.name, headerZh: spec.labelZh, labels: [spec.labelZh, spec.labelEn, ...spec.aliases], required: false, figure: spec, rule: `${RULES[spec.kind]}；空白表示无此项数据 / empty: no record` })),
];

/** One enterprise's figures from the file. */
interface ImportedRow {
  rowNumber: number;
  enterpriseId: string;
  uscc: string;
  authority: string | null;
  figures: { spec: FigureSpec; value: FigureValue }[];
}

const MAX_AUTHORITY = 100;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * 社会责任先进企业: the declarations as submitted, the office's checks of each figure, and the
 * authorities' figures that override them. The figure that counts is the office's check where
 * there is one (verified, corrected or authoritative), else the declaration.
 */
@Injectable()
export class CsrService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every submitted declaration of the campaign, by USCC, with each figure declared and as it counts. */
  async declarations(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<CsrDeclarationDto[]> {
    await this.campaign(manager, campaignId);
    const rows: DeclarationRow[] = await manager.query(`${DECLARATIONS_SQL} ORDER BY e.uscc`, [campaignId]);
    const checks = await this.checks(manager, campaignId);
    return rows.map((row) => declarationDto(row, checks));
  }

  /** One declaration as it stands now, after a change to it. */
  private async declarationNow(manager: EntityManager, campaignId: string, row: DeclarationRow): Promise<CsrDeclarationDto> {
    return declarationDto(row, await this.checks(manager, campaignId, row.enterprise_id));
  }

  /** The office confirms a declared figure, or corrects it with a reason; audited, and the awards need confirming again. */
  async check(campaignId: string, uscc: string, figure: string, input: CsrFigureCheckDto, principal: Principal): Promise<CsrDeclarationDto> {
    return this.dataSource.transaction(async (manager) => {
      await lockForOfficeInput(manager, campaignId);
      const spec = FIGURE_BY_NAME.get(figure as CsrFigureName);
      if (!spec) throw invalid('figure', TEXT.unknownFigure);
      const declaration = await this.declaration(manager, campaignId, uscc);
      const declared = declaredValue(declaration.data, spec.name);
      const [current]: CheckRow[] = await manager.query(
        'SELECT value, source, previous, reason, authority, updated_at FROM csr_figure_checks WHERE campaign_id = $1 AND enterprise_id = $2 AND figure = $3 FOR UPDATE',
        [campaignId, declaration.enterprise_id, spec.name],
      );
      const now = current ? current.value : declared;
      const reason = input.reason?.trim() || null;
      let value: FigureValue;
      let source: CsrCheckSource;
      if (input.action === 'verify') {
        if (declared === null) throw invalid('action', TEXT.nothingDeclared);
        if (figureValueProblem(spec, declared)) throw invalid('action', TEXT.declaredInvalid);
        // Setting an authority's record aside is a decision to explain; the office's own correction it may simply undo.
        if (current?.source === 'authoritative' && !same(current.value, declared) && !reason) throw invalid('reason', TEXT.reasonForOverride);
        value = normaliseFigureValue(spec, declared);
        source = 'verified';
      } else {
        if (input.value === undefined || input.value === null) throw invalid('value', TEXT.valueRequired);
        const problem = figureValueProblem(spec, input.value);
        if (problem) throw invalid('value', problem);
        if (!reason) throw invalid('reason', TEXT.reasonRequired);
        value = normaliseFigureValue(spec, input.value as FigureValue);
        source = 'corrected';
      }
      if (current && current.source === source && same(current.value, value) && (source === 'verified' || current.reason === reason)) {
        return this.declarationNow(manager, campaignId, declaration);
      }
      await manager.query(
        `INSERT INTO csr_figure_checks (campaign_id, enterprise_id, figure, value, source, previous, reason, authority, updated_by, updated_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, NULL, $8, clock_timestamp())
         ON CONFLICT (campaign_id, enterprise_id, figure) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, previous = EXCLUDED.previous,
           reason = EXCLUDED.reason, authority = NULL, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [campaignId, declaration.enterprise_id, spec.name, JSON.stringify(value), source, now === null ? null : JSON.stringify(now), reason, principal.id],
      );
      await officeInputChanged(manager, campaignId);
      describeMutation({
        entity: 'csr.figure', entityId: `${campaignId}:${declaration.uscc}:${spec.name}`,
        before: { value: now, source: current?.source ?? 'declared' }, after: { value, source, reason },
      });
      return this.declarationNow(manager, campaignId, declaration);
    });
  }

  /**
   * Takes back the office's own check: the declaration counts again. An authority's figure stays
   * until the office verifies the declaration with a reason or corrects it.
   */
  async reset(campaignId: string, uscc: string, figure: string): Promise<CsrDeclarationDto> {
    return this.dataSource.transaction(async (manager) => {
      await lockForOfficeInput(manager, campaignId);
      const spec = FIGURE_BY_NAME.get(figure as CsrFigureName);
      if (!spec) throw invalid('figure', TEXT.unknownFigure);
      const declaration = await this.declaration(manager, campaignId, uscc);
      const [current]: { source: CsrCheckSource }[] = await manager.query(
        'SELECT source FROM csr_figure_checks WHERE campaign_id = $1 AND enterprise_id = $2 AND figure = $3 FOR UPDATE',
        [campaignId, declaration.enterprise_id, spec.name],
      );
      if (current?.source === 'authoritative') throw invalid('figure', TEXT.authoritativeKept);
      // TypeORM answers a DELETE … RETURNING with [rows, count].
      const [removed]: [CheckRow[], number] = await manager.query(
        'DELETE FROM csr_figure_checks WHERE campaign_id = $1 AND enterprise_id = $2 AND figure = $3 RETURNING value, source, reason, authority',
        [campaignId, declaration.enterprise_id, spec.name],
      );
      if (removed.length > 0) {
        await officeInputChanged(manager, campaignId);
        describeMutation({
          entity: 'csr.figure', entityId: `${campaignId}:${declaration.uscc}:${spec.name}`,
          before: { value: removed[0]!.value, source: removed[0]!.source }, after: { value: declaredValue(declaration.data, spec.name), source: 'declared' },
        });
      }
      return this.declarationNow(manager, campaignId, declaration);
    });
  }

  /**
   * The authorities' figures (tax bureau, social insurance, environment…): one row per enterprise,
   * a column per figure, blanks for "no record". Any bad row answers 422 with every problem and
   * nothing is written. Figures of enterprises that have not declared are kept for when they do.
   */
  async importFile(campaignId: string, file: UploadedFile, options: { dryRun: boolean }, principal: Principal): Promise<Omit<CsrImportResultDto, 'dryRun'>> {
    const table = await readUploadedTable(file);
    return this.dataSource.transaction(async (manager) => {
      await lockForOfficeInput(manager, campaignId);
      const indexByKey = locateColumns(table, IMPORT_COLUMNS);
      if (!IMPORT_COLUMNS.some((spec) => spec.figure && indexByKey.has(spec.key))) {
        throw new AppError(ErrorCode.ImportInvalid, {
          errors: [rowError(table.headerRowNumber, '', {
            zh: `文件中没有可识别的数据列，应至少有一列为：${FIGURES.map((f) => f.labelZh).join('、')}`,
            en: `no figure column found; expected at least one of ${FIGURES.map((f) => f.name).join(', ')}`,
          })],
        });
      }
      const enterprises = new Map<string, string>(
        (await manager.query('SELECT id, uscc FROM enterprises') as { id: string; uscc: string }[]).map((e) => [e.uscc, e.id]),
      );
      const errors: RowError[] = [];
      const rows: ImportedRow[] = [];
      const firstRowOf = new Map<string, number>();
      for (const row of table.rows) {
        const cell = (key: string) => {
          const index = indexByKey.get(key);
          return index === undefined ? '' : (row.cells[index] ?? '').trim();
        };
        const problem = (column: string, messages: LocalisedText) => errors.push(rowError(row.rowNumber, column, messages));
        const usccText = cell('uscc').toUpperCase();
        let enterpriseId: string | undefined;
        if (usccText === '') problem('uscc', { zh: '统一社会信用代码不能为空', en: 'the USCC is required' });
        else if (!validateUscc(usccText).ok) problem('uscc', { zh: `“${usccText}”不是有效的统一社会信用代码`, en: `"${usccText}" is not a valid USCC` });
        else if (!(enterpriseId = enterprises.get(usccText))) problem('uscc', { zh: `名录中没有统一社会信用代码为“${usccText}”的企业`, en: `there is no enterprise with the USCC "${usccText}" in the directory` });
        else if (firstRowOf.has(usccText)) problem('uscc', { zh: `与第 ${firstRowOf.get(usccText)} 行是同一企业（${usccText}）`, en: `the same enterprise as row ${firstRowOf.get(usccText)} (${usccText})` });
        else firstRowOf.set(usccText, row.rowNumber);
        const authority = cell('authority');
        if ([...authority].length > MAX_AUTHORITY) problem('authority', { zh: `数据来源过长（最多 ${MAX_AUTHORITY} 个字符）`, en: `the source is too long (at most ${MAX_AUTHORITY} characters)` });
        const figures: ImportedRow['figures'] = [];
        for (const spec of FIGURES) {
          const text = cell(spec.name);
          if (text === '') continue;
          const read = readFigureCell(spec, text);
          if ('problem' in read) problem(spec.name, read.problem);
          else figures.push({ spec, value: read.value });
        }
        if (enterpriseId && errors.length === 0) rows.push({ rowNumber: row.rowNumber, enterpriseId, uscc: usccText, authority: authority || null, figures });
        if (errors.length >= MAX_REPORTED_ERRORS) break;
      }
      if (errors.length > 0) throw new AppError(ErrorCode.ImportInvalid, { errors: errors.slice(0, MAX_REPORTED_ERRORS) });
      return this.applyImport(manager, campaignId, rows, options, principal);
    });
  }

  private async applyImport(manager: EntityManager, campaignId: string, rows: ImportedRow[], options: { dryRun: boolean }, principal: Principal): Promise<Omit<CsrImportResultDto, 'dryRun'>> {
    // A voided declaration is still the enterprise's: its figures do not wait for another.
    const declared = new Map((await manager.query(DECLARATIONS_SQL, [campaignId]) as DeclarationRow[]).map((d) => [d.enterprise_id, d]));
    const checks = await this.checks(manager, campaignId);
    const changes: { enterpriseId: string; figure: CsrFigureName; value: FigureValue; previous: FigureValue | null; authority: string }[] = [];
    let figures = 0;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const row of rows) {
      for (const { spec, value } of row.figures) {
        figures += 1;
        const authority = row.authority ?? spec.authority;
        const check = checks.get(`${row.enterpriseId}:${spec.name}`);
        const declaration = declared.get(row.enterpriseId);
        const now = check ? check.value : declaration ? declaredValue(declaration.data, spec.name) : null;
        if (check?.source === 'authoritative' && same(check.value, value) && check.authority === authority) continue;
        changes.push({ enterpriseId: row.enterpriseId, figure: spec.name, value, previous: now, authority });
        before[`${row.uscc}:${spec.name}`] = { value: now, source: check?.source ?? 'declared' };
        after[`${row.uscc}:${spec.name}`] = { value, source: 'authoritative', authority };
      }
    }
    const withoutDeclaration = rows.filter((r) => !declared.has(r.enterpriseId)).map((r) => r.uscc);
    const result = { enterprises: rows.length, figures, changed: changes.length, unchanged: figures - changes.length, withoutDeclaration };
    if (options.dryRun || changes.length === 0) return result;
    await manager.query(
      `INSERT INTO csr_figure_checks (campaign_id, enterprise_id, figure, value, source, previous, reason, authority, updated_by, updated_at)
       SELECT $1, t.enterprise_id, t.figure, t.value, 'authoritative', t.previous, NULL, t.authority, $2, clock_timestamp()
         FROM unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[]) AS t(enterprise_id, figure, value, previous, authority)
       ON CONFLICT (campaign_id, enterprise_id, figure) DO UPDATE SET value = EXCLUDED.value, source = 'authoritative', previous = EXCLUDED.previous,
         reason = NULL, authority = EXCLUDED.authority, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [
        campaignId, principal.id, changes.map((c) => c.enterpriseId), changes.map((c) => c.figure), changes.map((c) => JSON.stringify(c.value)),
        changes.map((c) => (c.previous === null ? null : JSON.stringify(c.previous))), changes.map((c) => c.authority),
      ],
    );
    await officeInputChanged(manager, campaignId);
    describeMutation({ entity: 'csr.authoritative', entityId: campaignId, before, after });
    return result;
  }

  /** The declarations with each figure as declared and as it counts, and the import's columns to fill in. */
  async exportXlsx(campaignId: string): Promise<Buffer> {
    const declarations = await this.declarations(campaignId);
    const rows = declarations.map((d) => {
      const row: Record<string, string | number | null> = { uscc: d.uscc, name: d.nameZh, size_band: d.sizeBand && SIZE_BAND_NAMES[d.sizeBand], voided: d.voided ? '是' : '否' };
      for (const f of d.figures) {
        row[f.figure] = figureText(f.value);
        row[`${f.figure}__declared`] = figureText(f.declared);
        row[`${f.figure}__source`] = f.authority ? `${SOURCE_NAMES[f.source]}：${f.authority}` : SOURCE_NAMES[f.source]!;
      }
      return row;
    });
    return writeXlsx([
      {
        name: '社会责任申报',
        columns: [
          { header: 'uscc', key: 'uscc', width: 22 },
          { header: 'name', key: 'name', width: 30 },
          { header: 'size_band', key: 'size_band', width: 10 },
          { header: 'voided', key: 'voided', width: 8 },
          ...FIGURES.flatMap((spec) => [
            // Headers the import does not read: exporting and importing back must not turn declarations into authorities' figures.
            { header: `${spec.labelZh}·计分 counts`, key: spec.name, width: 14 },
            { header: `${spec.labelZh}·申报 declared`, key: `${spec.name}__declared`, width: 14 },
            { header: `${spec.labelZh}·来源`, key: `${spec.name}__source`, width: 16 },
          ]),
        ],
        rows,
      },
      instructionsSheet('导入说明 Import', IMPORT_COLUMNS),
    ]);
  }

  /** The authorities' file to fill in: every declaring enterprise by USCC, the figure columns empty. */
  async templateXlsx(campaignId: string): Promise<Buffer> {
    const declarations = await this.declarations(campaignId);
    return writeXlsx([
      {
        name: '主管部门数据',
        columns: [
          { header: 'uscc', key: 'uscc', width: 22 },
          // Only for reading; the import goes by USCC.
          { header: 'name', key: 'name', width: 30 },
          ...IMPORT_COLUMNS.slice(1).map((spec) => ({ header: spec.key, key: spec.key, width: spec.figure ? 14 : 18 })),
        ],
        rows: declarations.filter((d) => !d.voided).map((d) => ({ uscc: d.uscc, name: d.nameZh })),
      },
      instructionsSheet('填写说明 Instructions', IMPORT_COLUMNS),
    ]);
  }

  private async campaign(manager: EntityManager, campaignId: string): Promise<void> {
    const [campaign] = await manager.query('SELECT 1 FROM campaigns WHERE id = $1', [campaignId]);
    if (!campaign) throw new AppError(ErrorCode.NotFound);
  }

  private async declaration(manager: EntityManager, campaignId: string, uscc: string): Promise<DeclarationRow> {
    const [row]: DeclarationRow[] = await manager.query(`${DECLARATIONS_SQL} AND e.uscc = $2`, [campaignId, uscc.trim().toUpperCase()]);
    if (!row) throw new AppError(ErrorCode.CsrDeclarationNotFound);
    return row;
  }

  /** The office's checks of the campaign, or of one enterprise, by `${enterprise_id}:${figure}`. */
  private async checks(manager: EntityManager, campaignId: string, enterpriseId?: string): Promise<Map<string, CheckRow>> {
    const rows: CheckRow[] = await manager.query(
      `SELECT enterprise_id, figure, value, source, previous, reason, authority, updated_at FROM csr_figure_checks
        WHERE campaign_id = $1 ${enterpriseId ? 'AND enterprise_id = $2' : ''}`,
      enterpriseId ? [campaignId, enterpriseId] : [campaignId],
    );
    return new Map(rows.map((r) => [`${r.enterprise_id}:${r.figure}`, r]));
  }
}

function invalid(field: string, messages: LocalisedText): AppError {
  const error: FieldError = { field, message: messages.en, messages };
  return new AppError(ErrorCode.CsrFigureInvalid, { errors: [error] });
}

function declarationDto(row: DeclarationRow, checks: Map<string, CheckRow>): CsrDeclarationDto {
  return {
    uscc: row.uscc, nameZh: row.name_zh, nameEn: row.name_en, districtCode: row.district_code, sizeBand: row.size_band,
    responseId: row.response_id, receipt: row.receipt, submittedAt: row.submitted_at.toISOString(), voided: row.voided,
    figures: CSR_FIGURE_NAMES.map((figure) => figureState(figure, declaredValue(row.data, figure), checks.get(`${row.enterprise_id}:${figure}`))),
  };
}

function figureState(figure: CsrFigureName, declared: FigureValue | null, check: CheckRow | undefined): CsrFigureStateDto {
  return {
    figure, declared,
    value: check ? check.value : declared,
    source: check ? check.source : 'declared',
    previous: check?.previous ?? null,
    reason: check?.reason ?? null,
    authority: check?.authority ?? null,
    updatedAt: check ? check.updated_at.toISOString() : null,
  };
}

/**
 * The campaign's declarations as the scoring reads them: submitted and not voided, each figure
 * as it counts, with its source. Run inside the results' REPEATABLE READ transaction.
 */
export async function loadCsrInputs(manager: EntityManager, campaignId: string): Promise<CsrInputs | null> {
  const [evaluation]: { id: string }[] = await manager.query(`SELECT id FROM evaluations WHERE campaign_id = $1 AND kind = 'csr-declaration'`, [campaignId]);
  if (!evaluation) return null;
  const rows: DeclarationRow[] = await manager.query(`${DECLARATIONS_SQL} AND r.voided_at IS NULL ORDER BY e.uscc`, [campaignId]);
  const checkRows: CheckRow[] = await manager.query(
    `SELECT c.enterprise_id, c.figure, c.value, c.source FROM csr_figure_checks c WHERE c.campaign_id = $1`,
    [campaignId],
  );
  const checks = new Map(checkRows.map((r) => [`${r.enterprise_id}:${r.figure}`, r]));
  const enterprises: CsrEnterpriseInput[] = [];
  const names = new Map<string, { uscc: string; nameZh: string; nameEn: string }>();
  const unplaced: CsrInputs['unplaced'] = [];
  for (const row of rows) {
    const name = { uscc: row.uscc, nameZh: row.name_zh, nameEn: row.name_en };
    if (!row.size_band) {
      unplaced.push(name);
      continue;
    }
    names.set(row.enterprise_id, name);
    const figures = {} as Record<CsrFigureName, { value: unknown; source: FigureSource }>;
    for (const figure of CSR_FIGURE_NAMES) {
      const check = checks.get(`${row.enterprise_id}:${figure}`);
      figures[figure] = check ? { value: check.value, source: check.source } : { value: declaredValue(row.data, figure), source: 'declared' };
    }
    enterprises.push({ id: row.enterprise_id, uscc: row.uscc, sizeBand: row.size_band, figures: figures as unknown as CsrFigures });
  }
  return { evaluationId: evaluation.id, declarations: rows.length, enterprises, names, unplaced };
}
