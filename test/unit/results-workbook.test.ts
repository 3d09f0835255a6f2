/**
 * The results workbook: a small set of results written out and read back with exceljs; numbers must
 * stay numbers, and the method sheet must state what the configuration in the results says.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../../server/src/config/app-config.js';
import type { EvaluationResultDto, ResultsDto, TargetResultDto } from '../../server/src/results/dto/results.dto.js';
import { CRITERION_LABELS, resultsWorkbook } from '../../server/src/results/results-workbook.js';
import { defaultScoringConfig, type ScoringConfig } from '../../server/src/scoring/scoring-config.js';
import { FLAGS } from '../../server/src/scoring/scoring-types.js';

const EVALUATION_ID = '11111111-1111-4111-8111-111111111111';

function target(overrides: Partial<TargetResultDto>): TargetResultDto {
  return {
    code: 'X', nameZh: 'X', nameEn: 'X', category: '综合管理类', n: 0, seen: 0, coverage: null, score: null, shrunkScore: null, shrunkScoreInterval: null,
    satisfactionRate: null, satisfactionCi: null, dissatisfactionRate: null, criteria: {}, answerCounts: {}, ranked: false,
    composite: null, rank: null, rankInterval: null, pInQuota: null, awarded: false, flags: [], previousScore: null,
    ...overrides,
  };
}

function results(config: Partial<ScoringConfig> = {}, overrides: Partial<ResultsDto> = {}): ResultsDto {
  const evaluation: EvaluationResultDto = {
    evaluationId: EVALUATION_ID, kind: 'enterprise-rates-departments', titleZh: '企业评议机关', titleEn: 'Enterprises rate departments',
    raterGroup: 'enterprise', targetGroup: 'department', invited: 120, ballots: 100, voided: 2, quorumMet: true, k: 7.123456, kEstimated: true,
    withinSd: 12.3, criteria: ['attitude', 'efficiency'],
    targets: [
      // Out of order on purpose: unranked first, then rank 2, then rank 1, and a second category.
      target({ code: 'D09', nameZh: '小局', nameEn: 'Small Bureau', n: 6, seen: 8, coverage: 0.06, score: 70, shrunkScore: 80.5, flags: [FLAGS.notRanked] }),
      target({
        code: 'D02', nameZh: '乙局', nameEn: 'Bureau B', n: 40, seen: 44, coverage: 0.4, score: 88.123456, shrunkScore: 87.98765, shrunkScoreInterval: [85.4321, 90.0049],
        satisfactionRate: 0.912345, satisfactionCi: [0.85432, 0.95678], dissatisfactionRate: 0.0254321, criteria: { attitude: 90.456, efficiency: 85.789 },
        ranked: true, composite: 86.555, rank: 2, rankInterval: [1, 3], pInQuota: 0.45678, awarded: false, flags: [FLAGS.needsReview],
      }),
      target({
        code: 'D01', nameZh: '甲局', nameEn: 'Bureau A', n: 50, seen: 52, coverage: 0.5, score: 91.5, shrunkScore: 90.25, satisfactionRate: 0.95,
        satisfactionCi: [0.9, 0.98], dissatisfactionRate: 0.01, criteria: { attitude: 92, efficiency: 91 }, ranked: true, composite: 90.12,
        rank: 1, rankInterval: [1, 2], pInQuota: 0.9, awarded: true, flags: [],
      }),
      target({ code: 'E01', nameZh: '丙委', nameEn: 'Commission C', category: '执法监管类', n: 30, score: 80, shrunkScore: 80, ranked: true, composite: 80, rank: 1 }),
    ],
  };
  return {
    campaignId: '22222222-2222-4222-8222-222222222222', campaignTitle: '2026 外商投资企业服务月', year: 2026, campaignStatus: 'closed',
    configHash: 'c0ffee1234567890', computedAt: '2026-06-01T02:30:00.000Z',
    config: { ...defaultScoringConfig(), ...config } as unknown as Record<string, unknown>,
    evaluations: [evaluation],
    composite: [
      {
        unitType: 'department', code: 'D01', nameZh: '甲局', nameEn: 'Bureau A', category: '综合管理类',
        components: { enterprises: 90.25, districts: 88, inspection: 92, objective: null },
        weights: { enterprises: 0.5, districts: 0.2, inspection: 0.3, objective: 0 }, deduction: 1, composite: 90.12, eligible: true, vetoReason: null,
        rank: 1, rankInterval: [1, 2], pInQuota: 0.9, inQuota: true, sensitivity: { ranks: { county: 2 }, rankRange: [1, 2] }, flags: [FLAGS.deduction],
      },
      {
        unitType: 'department', code: 'D03', nameZh: '丁局', nameEn: 'Bureau D', category: '综合管理类',
        components: { enterprises: 85, districts: null, inspection: 80, objective: null },
        weights: { enterprises: 0.625, districts: 0, inspection: 0.375, objective: 0 }, deduction: 0, composite: 83.125, eligible: false, vetoReason: '重大安全事故',
        rank: null, rankInterval: null, pInQuota: null, inQuota: false, sensitivity: { ranks: { county: null }, rankRange: null }, flags: [FLAGS.vetoed, FLAGS.districtsMissing],
      },
    ],
    categories: [
      { unitType: 'department', category: '综合管理类', eligible: 3, quota: 1 },
      { unitType: 'department', category: '执法监管类', eligible: 1, quota: 1 },
    ],
    awards: [
      {
        award: 'service-unit', unitType: 'department', code: 'D01', nameZh: '甲局', nameEn: 'Bureau A', category: '综合管理类', rank: 1, composite: 90.12,
        pInQuota: 0.9, proposed: true, awarded: true, overrideReason: null, flags: [],
      },
      {
        award: 'service-unit', unitType: 'department', code: 'D02', nameZh: '乙局', nameEn: 'Bureau B', category: '综合管理类', rank: 2, composite: 86.56,
        pInQuota: 0.45678, proposed: false, awarded: true, overrideReason: '整改到位，办公室决定授予', flags: [],
      },
    ],
    awardsConfirmedAt: '2026-06-02T01:00:00.000Z',
    dataQuality: [
      {
        evaluationId: EVALUATION_ID, responseId: '33333333-3333-4333-8333-333333333333', receipt: 'R-0001', kind: 'duplicate', share: 0.912345,
        seconds: null, medianSeconds: null, otherReceipt: 'R-0002', voided: true,
      },
    ],
    previousCampaign: null,
    csr: null,
    ...overrides,
  };
}

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The sheet's rows as objects keyed by the header text. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((value) => String(value ?? ''));
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    rows.push(Object.fromEntries(headers.map((header, index) => [header, values[index] ?? null]).filter(([header]) => header !== '')));
  });
  return rows;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}; sheets: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return found;
}

describe('results workbook', () => {
  it('has a sheet per evaluation, then the composite, awards, data quality and method, all within Excel\'s 31 characters', async () => {
    const workbook = await read(await resultsWorkbook(results()));
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(['企业评议部门 Ent→Dept', '综合 Composite', '获奖 Awards', '数据质量 Data quality', '方法 Method']);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('writes a target row with numbers as numbers, rounded as published, sorted by category then rank with the unranked last', async () => {
    const workbook = await read(await resultsWorkbook(results()));
    const rows = rowsOf(sheet(workbook, '企业评议部门 Ent→Dept'));
    expect(rows.map((r) => r['代码 Code'])).toEqual(['D01', 'D02', 'D09', 'E01']);
    const b = rows[1];
    expect(b).toMatchObject({
      '类别 Category': '综合管理类', '名称 Name': '乙局', 'Name (English)': 'Bureau B',
      n: 40, '覆盖率 Coverage': 0.4, S: 88.12, 'S*': 87.99, 'S* 90%下限 low': 85.43, 'S* 90%上限 high': 90,
      '满意率 Satisfied': 0.9123, '满意率95%下限 CI low': 0.8543, '满意率95%上限 CI high': 0.9568, '不满意率 Dissatisfied': 0.0254,
      '服务态度 attitude': 90.46, '办事效率 efficiency': 85.79,
      '综合得分 Composite': 86.56, '排名 Rank': 2, '排名区间 Rank interval': '1–3', 'P(入选) P(in quota)': 0.4568,
      '获奖 Awarded': '否', '标记 Flags': FLAGS.needsReview,
    });
    for (const header of ['n', 'S', 'S*', 'S* 90%下限 low', 'S* 90%上限 high', '满意率 Satisfied', '服务态度 attitude', '综合得分 Composite', '排名 Rank', 'P(入选) P(in quota)']) {
      expect(typeof b[header]).toBe('number');
    }
    expect(rows[0]['获奖 Awarded']).toBe('是');
    expect(rows[2]).toMatchObject({ '排名 Rank': null, S: 70, 'S* 90%下限 low': null, 'S* 90%上限 high': null, '标记 Flags': FLAGS.notRanked });
    // The interval's columns sit right after S*.
    const headers = Object.keys(b);
    expect(headers.slice(headers.indexOf('S*'), headers.indexOf('S*') + 3)).toEqual(['S*', 'S* 90%下限 low', 'S* 90%上限 high']);
  });

  it('names the S* interval by the configured coverage, and leaves it empty for results computed before it existed', async () => {
    const base = results({ uncertainty: { ...defaultScoringConfig().uncertainty, rankInterval: 0.8 } });
    const [evaluation] = base.evaluations;
    const old = { ...evaluation.targets[1] } as Partial<TargetResultDto>;
    delete old.shrunkScoreInterval;
    const workbook = await read(await resultsWorkbook({ ...base, evaluations: [{ ...evaluation, targets: [old as TargetResultDto] }] }));
    const [row] = rowsOf(sheet(workbook, '企业评议部门 Ent→Dept'));
    expect(row).toMatchObject({ 'S*': 87.99, 'S* 80%下限 low': null, 'S* 80%上限 high': null });
  });

  it('writes the composite with weights as percentages and the sensitivity ranks', async () => {
    const workbook = await read(await resultsWorkbook(results()));
    const rows = rowsOf(sheet(workbook, '综合 Composite'));
    expect(rows[0]).toMatchObject({
      '类型 Type': '部门', '代码 Code': 'D01', '企业评议 Enterprises': 90.25, '企业权重% Ent. weight %': 50, '区县权重% Dist. weight %': 20,
      '检查权重% Insp. weight %': 30, '扣分 Deduction': 1, '综合得分 Composite': 90.12, '具备资格 Eligible': '是', '拟入选 Proposed': '是',
      '排名（county）Rank (county)': 2, '敏感性排名范围 Sensitivity range': '1–2', '标记 Flags': FLAGS.deduction,
    });
    expect(rows[1]).toMatchObject({
      '企业权重% Ent. weight %': 62.5, '检查权重% Insp. weight %': 37.5, '具备资格 Eligible': '否', '否决原因 Veto reason': '重大安全事故',
      '标记 Flags': `${FLAGS.vetoed}；${FLAGS.districtsMissing}`,
    });
  });

  it('writes the award rows, the override reason and when the awards were confirmed', async () => {
    const workbook = await read(await resultsWorkbook(results()));
    const awards = sheet(workbook, '获奖 Awards');
    const rows = rowsOf(awards);
    expect(rows[0]).toMatchObject({
      '奖项 Award': '优质服务单位', '类别 Category': '综合管理类', '排名 Rank': 1, '代码 Code': 'D01', '名称 Name': '甲局',
      '综合得分 Composite': 90.12, 'P(入选) P(in quota)': 0.9, '拟入选 Proposed': '是', '获奖 Awarded': '是', '调整原因 Override reason': null,
    });
    expect(rows[1]).toMatchObject({ '拟入选 Proposed': '否', '获奖 Awarded': '是', '调整原因 Override reason': '整改到位，办公室决定授予' });
    const confirmation = rows.map((r) => r['奖项 Award']).find((value) => String(value).includes('确认'));
    expect(confirmation).toContain('2026-06-02 09:00:00');

    const unconfirmed = rowsOf(sheet(await read(await resultsWorkbook(results({}, { awardsConfirmedAt: null }))), '获奖 Awards'));
    expect(unconfirmed.some((r) => String(r['奖项 Award']).includes('尚未确认'))).toBe(true);
  });

  it('writes the data-quality flags in Chinese and English', async () => {
    const workbook = await read(await resultsWorkbook(results()));
    const [row] = rowsOf(sheet(workbook, '数据质量 Data quality'));
    expect(row).toMatchObject({
      '评议 Evaluation': '企业评议部门 Ent→Dept', '回执号 Receipt': 'R-0001', '类型 Kind': '疑似重复答卷', Kind: 'Duplicate', '比例 Share': 0.9123,
      '相似答卷回执 Other receipt': 'R-0002', '已作废 Voided': '是',
    });
  });

  it('states the point values, the configuration hash, K and the thresholds from the configuration', async () => {
    const workbook = await read(await resultsWorkbook(results()));
    const rows = rowsOf(sheet(workbook, '方法 Method'));
    const item = (text: string) => {
      const found = rows.find((r) => String(r['项目 Item']).includes(text));
      if (!found) throw new Error(`no method line ${text}`);
      return found;
    };
    expect(item('satisfied')['数值 Value']).toBe(100);
    expect(item('basically')['数值 Value']).toBe(60);
    expect(item('dissatisfied')['数值 Value']).toBe(0);
    expect(String(item('Sensitivity preset')['数值 Value'])).toBe('满意 100 / 基本满意 70 / 不满意 30');
    expect(item('Configuration hash')['数值 Value']).toBe('c0ffee1234567890');
    expect(item('Computed at')['数值 Value']).toBe('2026-06-01 10:30:00');
    expect(item('Threshold')['数值 Value']).toBe(85);
    expect(item('Enterprise: ranked from')['数值 Value']).toBe(30);
    expect(item('Enterprise: small sample from')['数值 Value']).toBe(10);
    expect(String(item('District quorum')['说明'])).toContain('⅔');
    expect(item('District trimming')['数值 Value']).toBe(7);
    expect(item('K: 企业评议机关')).toMatchObject({ '数值 Value': 7.12, '说明': '由数据估计' });
    expect(item('Bootstrap resamples')['数值 Value']).toBe(2000);
    expect(String(item('Rank interval')['说明'])).toContain('90%');
    expect(String(item('S* interval')['说明'])).toContain('90%');
    expect(item('Review band')['数值 Value']).toBe('0.2–0.8');
    expect(String(item('Satisfaction rate')['说明'])).toContain('基本满意 basically');
    expect(item('Departments: enterprises')['数值 Value']).toBe(50);
    expect(item('Districts: objective')['数值 Value']).toBe(30);
  });

  it('states a changed threshold, points and quota when the configuration says so', async () => {
    const defaults = defaultScoringConfig();
    const config: Partial<ScoringConfig> = {
      awards: { ...defaults.awards, threshold: 80, quotaShare: 0.3 },
      points: { preset: 'county', values: { satisfied: 100, basically: 70, dissatisfied: 30 } },
      alternativePoints: { standard: { satisfied: 100, basically: 60, dissatisfied: 0 } },
    };
    const workbook = await read(await resultsWorkbook(results(config)));
    const rows = rowsOf(sheet(workbook, '方法 Method'));
    const threshold = rows.find((r) => String(r['项目 Item']).includes('Threshold'))!;
    expect(threshold['数值 Value']).toBe(80);
    expect(String(threshold['说明'])).toContain('≥ 80');
    expect(rows.find((r) => String(r['项目 Item']).includes('Quota share'))!['说明']).toContain('30%');
    expect(rows.find((r) => String(r['项目 Item']) === '基本满意 basically')!['数值 Value']).toBe(70);
    expect(rows.every((r) => !String(r['说明'] ?? '').includes('≥ 85'))).toBe(true);
  });

  it('fills settings a stored configuration lacks with the defaults', async () => {
    const workbook = await read(await resultsWorkbook(results({}, { config: { version: 1, awards: { threshold: 75 } } })));
    const rows = rowsOf(sheet(workbook, '方法 Method'));
    expect(rows.find((r) => String(r['项目 Item']).includes('Threshold'))!['数值 Value']).toBe(75);
    expect(rows.find((r) => String(r['项目 Item']).includes('Minimum quota'))!['数值 Value']).toBe(1);
    expect(rows.find((r) => String(r['项目 Item']).includes('Bootstrap resamples'))!['数值 Value']).toBe(2000);
  });

  it('knows the Chinese label of every criterion in the questionnaire templates', () => {
    for (const kind of ['enterprise-rates-departments', 'enterprise-rates-districts', 'district-rates-departments']) {
      const survey = JSON.parse(readFileSync(path.join(projectRoot, 'surveys', `${kind}.json`), 'utf8'));
      const criteria = survey.pages.flatMap((page: { elements: { templateElements?: { name: string; title: { default: string } }[] }[] }) =>
        page.elements.flatMap((element) => element.templateElements ?? []),
      );
      expect(criteria.length).toBeGreaterThan(0);
      for (const criterion of criteria) expect(CRITERION_LABELS[criterion.name]).toBe(criterion.title.default);
    }
  });

  it('gives two evaluations of the same kind distinct sheet names', async () => {
    const base = results();
    const second = { ...base.evaluations[0], evaluationId: '44444444-4444-4444-8444-444444444444' };
    const workbook = await read(await resultsWorkbook({ ...base, evaluations: [base.evaluations[0], second] }));
    expect(workbook.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['企业评议部门 Ent→Dept', '企业评议部门 Ent→Dept 2']);
  });
});
