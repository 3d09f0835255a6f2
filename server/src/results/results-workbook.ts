/**
 * The results as one workbook for the office: a sheet per rating evaluation, the composite,
 * the awards, 社会责任先进企业, the data-quality flags and the method. Numbers stay numbers (rounded as
 * published) so Excel sorts and filters them; the method sheet states, from the configuration
 * stored with the results, every rule and number that produced them.
 */
import type { CellInput, SheetColumn, SheetSpec } from '../common/tabular.js';
import { writeXlsx } from '../common/tabular.js';
import type { CsrResultsDto } from '../csr/dto/csr.dto.js';
import { FIGURE_BY_NAME, SIZE_BAND_NAMES, SOURCE_NAMES } from '../csr/csr-figures.js';
import { CSR_INDICATORS, CSR_VETOES, type CsrFigureName, type CsrIndicator } from '../scoring/csr-scoring.js';
import { resolveScoringConfig, type ScoringConfig } from '../scoring/scoring-config.js';
import type { AwardKind, CompositeResultDto, EvaluationResultDto, QualityFlagDto, ResultsDto, TargetResultDto } from './dto/results.dto.js';

type Row = Record<string, CellInput>;

/** Criterion codes of the questionnaire templates (surveys/*.json) and their Chinese titles. */
export const CRITERION_LABELS: Readonly<Record<string, string>> = {
  attitude: '服务态度',
  efficiency: '办事效率',
  lawful: '依法行政',
  transparency: '政务公开',
  integrity: '廉洁自律',
  government: '政务环境',
  legal: '法治环境',
  market: '市场环境',
  factors: '要素保障',
  living: '生活配套',
};

/** Answer codes of the rating scales and their Chinese labels. */
const ANSWER_LABELS: Readonly<Record<string, string>> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
  na: '不了解',
};

const PRESET_LABELS: Readonly<Record<string, string>> = {
  standard: '标准 standard',
  county: '县级实践 county practice',
  'five-level': '五级（好差评）five-level',
};

const SHEET_BY_KIND: Readonly<Record<string, string>> = {
  'enterprise-rates-departments': '企业评议部门 Ent→Dept',
  'enterprise-rates-districts': '企业评议区县 Ent→Dist',
  'district-rates-departments': '区县评议部门 Dist→Dept',
};

const SHEETS = {
  composite: '综合 Composite',
  awards: '获奖 Awards',
  dataQuality: '数据质量 Data quality',
  csr: '社会责任 CSR',
  method: '方法 Method',
} as const;

const AWARD_NAMES: Readonly<Record<AwardKind, string>> = {
  'service-unit': '优质服务单位',
  'investment-district': '投资环境优秀区域',
  'csr-enterprise': '社会责任先进企业',
};

const UNIT_TYPES: Readonly<Record<string, string>> = { department: '部门', district: '区县', enterprise: '企业' };

const QUALITY_KINDS: Readonly<Record<QualityFlagDto['kind'], [string, string]>> = {
  'straight-lining': ['答案雷同（直线作答）', 'Straight-lining'],
  speeding: ['作答过快', 'Speeding'],
  duplicate: ['疑似重复答卷', 'Duplicate'],
};

const CAMPAIGN_STATUS: Readonly<Record<string, string>> = {
  draft: '草稿 Draft',
  open: '进行中 Open',
  closed: '已截止 Closed',
  published: '已发布 Published',
};

export async function resultsWorkbook(results: ResultsDto): Promise<Buffer> {
  const config = resolveScoringConfig(results.config);
  const categoryOrder = categoryIndex(results);
  const used = new Set<string>(Object.values(SHEETS));
  const evaluationSheets = results.evaluations.map((evaluation) => ({
    evaluation,
    name: uniqueSheetName(SHEET_BY_KIND[evaluation.kind] ?? (evaluation.titleZh || evaluation.kind), used),
  }));
  const sheets: SheetSpec[] = [
    ...evaluationSheets.map(({ evaluation, name }) => evaluationSheet(name, evaluation, config, categoryOrder)),
    compositeSheet(results, config, categoryOrder),
    awardsSheet(results),
    ...(results.csr ? [csrSheet(results.csr)] : []),
    dataQualitySheet(results, new Map(evaluationSheets.map(({ evaluation, name }) => [evaluation.evaluationId, name]))),
    methodSheet(results, config),
  ];
  return writeXlsx(sheets);
}

// ---------------------------------------------------------------- evaluations

function evaluationSheet(name: string, evaluation: EvaluationResultDto, config: ScoringConfig, categoryOrder: (category: string) => number): SheetSpec {
  const criterionKey = (code: string) => `criterion:${code}`;
  const coverage = percentText(config.uncertainty.rankInterval);
  const columns: SheetColumn[] = [
    { header: '类别 Category', key: 'category' },
    { header: '代码 Code', key: 'code' },
    { header: '名称 Name', key: 'nameZh' },
    { header: 'Name (English)', key: 'nameEn' },
    { header: 'n', key: 'n', width: 8 },
    { header: '覆盖率 Coverage', key: 'coverage' },
    { header: 'S', key: 'score', width: 9 },
    { header: 'S*', key: 'shrunkScore', width: 9 },
    { header: `S* ${coverage}下限 low`, key: 'shrunkLow' },
    { header: `S* ${coverage}上限 high`, key: 'shrunkHigh' },
    { header: '满意率 Satisfied', key: 'satisfactionRate' },
    { header: '满意率95%下限 CI low', key: 'ciLow' },
    { header: '满意率95%上限 CI high', key: 'ciHigh' },
    { header: '不满意率 Dissatisfied', key: 'dissatisfactionRate' },
    ...evaluation.criteria.map((code) => ({ header: criterionHeader(code), key: criterionKey(code) })),
    { header: '综合得分 Composite', key: 'composite' },
    { header: '排名 Rank', key: 'rank' },
    { header: '排名区间 Rank interval', key: 'rankInterval' },
    { header: 'P(入选) P(in quota)', key: 'pInQuota' },
    { header: '获奖 Awarded', key: 'awarded' },
    { header: '标记 Flags', key: 'flags' },
  ];
  const targets = [...evaluation.targets].sort((a, b) => byCategoryThenRank(a, b, categoryOrder));
  const rows = targets.map((t: TargetResultDto): Row => {
    const row: Row = {
      category: t.category,
      code: t.code,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      n: t.n,
      coverage: rate(t.coverage),
      score: score(t.score),
      shrunkScore: score(t.shrunkScore),
      // Results computed before S* had an interval lack the field.
      shrunkLow: score(t.shrunkScoreInterval?.[0]),
      shrunkHigh: score(t.shrunkScoreInterval?.[1]),
      satisfactionRate: rate(t.satisfactionRate),
      ciLow: rate(t.satisfactionCi?.[0]),
      ciHigh: rate(t.satisfactionCi?.[1]),
      dissatisfactionRate: rate(t.dissatisfactionRate),
      composite: score(t.composite),
      rank: t.rank ?? null,
      rankInterval: interval(t.rankInterval),
      pInQuota: rate(t.pInQuota),
      awarded: yesNo(t.awarded),
      flags: flags(t.flags),
    };
    for (const code of evaluation.criteria) row[criterionKey(code)] = score(t.criteria[code]);
    return row;
  });
  return { name, columns, rows };
}

function criterionHeader(code: string): string {
  const label = CRITERION_LABELS[code];
  return label ? `${label} ${code}` : code;
}

// ---------------------------------------------------------------- composite

function compositeSheet(results: ResultsDto, config: ScoringConfig, categoryOrder: (category: string) => number): SheetSpec {
  const presets = [...new Set([...Object.keys(config.alternativePoints), ...results.composite.flatMap((c) => Object.keys(c.sensitivity?.ranks ?? {}))])];
  const columns: SheetColumn[] = [
    { header: '类型 Type', key: 'unitType' },
    { header: '类别 Category', key: 'category' },
    { header: '代码 Code', key: 'code' },
    { header: '名称 Name', key: 'nameZh' },
    { header: 'Name (English)', key: 'nameEn' },
    { header: '企业评议 Enterprises', key: 'enterprises' },
    { header: '区县评议 Districts', key: 'districts' },
    { header: '责任书检查 Inspection', key: 'inspection' },
    { header: '客观指标 Objective', key: 'objective' },
    { header: '企业权重% Ent. weight %', key: 'wEnterprises' },
    { header: '区县权重% Dist. weight %', key: 'wDistricts' },
    { header: '检查权重% Insp. weight %', key: 'wInspection' },
    { header: '客观权重% Obj. weight %', key: 'wObjective' },
    { header: '扣分 Deduction', key: 'deduction' },
    { header: '综合得分 Composite', key: 'composite' },
    { header: '具备资格 Eligible', key: 'eligible' },
    { header: '否决原因 Veto reason', key: 'vetoReason' },
    { header: '排名 Rank', key: 'rank' },
    { header: '排名区间 Rank interval', key: 'rankInterval' },
    { header: 'P(入选) P(in quota)', key: 'pInQuota' },
    { header: '拟入选 Proposed', key: 'inQuota' },
    ...presets.map((preset) => ({ header: `排名（${preset}）Rank (${preset})`, key: `preset:${preset}` })),
    { header: '敏感性排名范围 Sensitivity range', key: 'sensitivity' },
    { header: '标记 Flags', key: 'flags' },
  ];
  const units = [...results.composite].sort(
    (a, b) => (a.unitType === b.unitType ? 0 : a.unitType === 'department' ? -1 : 1) || byCategoryThenRank(a, b, categoryOrder),
  );
  const rows = units.map((c: CompositeResultDto): Row => {
    const row: Row = {
      unitType: UNIT_TYPES[c.unitType] ?? c.unitType,
      category: c.category,
      code: c.code,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      enterprises: score(c.components.enterprises),
      districts: score(c.components.districts),
      inspection: score(c.components.inspection),
      objective: score(c.components.objective),
      wEnterprises: percent(c.weights.enterprises),
      wDistricts: percent(c.weights.districts),
      wInspection: percent(c.weights.inspection),
      wObjective: percent(c.weights.objective),
      deduction: score(c.deduction),
      composite: score(c.composite),
      eligible: yesNo(c.eligible),
      vetoReason: c.vetoReason,
      rank: c.rank ?? null,
      rankInterval: interval(c.rankInterval),
      pInQuota: rate(c.pInQuota),
      inQuota: yesNo(c.inQuota),
      sensitivity: interval(c.sensitivity?.rankRange ?? null),
      flags: flags(c.flags),
    };
    for (const preset of presets) row[`preset:${preset}`] = c.sensitivity?.ranks?.[preset] ?? null;
    return row;
  });
  return { name: SHEETS.composite, columns, rows };
}

// ---------------------------------------------------------------- 社会责任先进企业

const CSR_INDICATOR_NAMES: Readonly<Record<CsrIndicator, string>> = { environment: '环保 Environment', labour: '和谐劳动 Labour', employment: '就业 Employment', tax: '纳税 Tax', charity: '公益 Charity' };

function csrSheet(csr: CsrResultsDto): SheetSpec {
  const columns: SheetColumn[] = [
    { header: '排名 Rank', key: 'rank', width: 8 },
    { header: '统一社会信用代码 USCC', key: 'uscc', width: 22 },
    { header: '名称 Name', key: 'nameZh', width: 30 },
    { header: 'Name (English)', key: 'nameEn', width: 30 },
    { header: '规模 Size band', key: 'sizeBand', width: 10 },
    { header: '综合得分 Composite', key: 'composite' },
    ...CSR_INDICATORS.map((indicator) => ({ header: CSR_INDICATOR_NAMES[indicator], key: indicator })),
    { header: 'z 分数法排名 z-score rank', key: 'zRank' },
    { header: '等权重排名 Equal-weight rank', key: 'equalRank' },
    { header: '排名范围 Rank range', key: 'rankRange' },
    { header: '拟推荐 Proposed', key: 'proposed' },
    { header: '一票否决 Veto', key: 'veto', width: 30 },
    { header: '非申报数据 Figures not as declared', key: 'sources', width: 40 },
    { header: '提示 Flags', key: 'flags', width: 50 },
  ];
  const rows: Row[] = csr.enterprises.map((e) => ({
    rank: e.rank,
    uscc: e.uscc,
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    sizeBand: SIZE_BAND_NAMES[e.sizeBand] ?? e.sizeBand,
    composite: score(e.composite),
    ...Object.fromEntries(CSR_INDICATORS.map((indicator) => [indicator, score(e.indicators?.[indicator].score)])),
    zRank: e.sensitivity.zScore.rank,
    equalRank: e.sensitivity.equalWeights.rank,
    rankRange: interval(e.sensitivity.rankRange),
    proposed: yesNo(e.proposed),
    veto: e.vetoReasons.length > 0 ? e.vetoReasons.join('；') : null,
    sources: flags(Object.entries(e.figures).map(([name, f]) => `${FIGURE_BY_NAME.get(name as CsrFigureName)?.labelZh ?? name}：${SOURCE_NAMES[f!.source] ?? f!.source}`)),
    flags: flags(e.flags.filter((flag) => flag !== '一票否决')),
  }));
  for (const u of csr.unplaced) rows.push({ uscc: u.uscc, nameZh: u.nameZh, nameEn: u.nameEn, flags: '企业名录未填规模，未参加评选 No size band in the directory: not scored' });
  if (rows.length === 0) rows.push({ uscc: '无申报 No declaration' });
  return { name: SHEETS.csr, columns, rows };
}

function csrMethod(add: (item: string, value: CellInput, zh: string, en: string) => void, csr: CsrResultsDto, config: ScoringConfig, section: (name: string) => void): void {
  section('10 社会责任先进企业 CSR');
  add('申报 Declarations', csr.declarations, `有效申报 ${csr.declarations} 份，参加排名 ${csr.ranked} 家`, `${csr.declarations} declarations, ${csr.ranked} ranked`);
  add(
    '数据来源 Figures',
    null,
    '以企业申报为准；办公室核实或更正（更正须说明理由并留痕）；税务、社保、生态环境等主管部门数据导入后覆盖申报值，每项注明来源',
    'As declared, unless the office verified or corrected it (with a reason, audited) or an authority\'s figure (tax, social insurance, environment) replaced it; every figure shows its source',
  );
  add(
    '一票否决 Vetoes',
    Object.values(CSR_VETOES).join('、'),
    '任一事项为“是”即不参加评选，所有原因均列出；被否决企业不参加标准化',
    'Any one excludes; every reason is listed; excluded applicants take no part in the normalisation',
  );
  for (const indicator of CSR_INDICATORS) {
    add(`权重 Weight: ${CSR_INDICATOR_NAMES[indicator]}`, config.csr.weights[indicator], '缺少的指标不计，其余指标权重按比例放大', 'A missing indicator is left out and the weights of the others renormalised');
  }
  add('纳税 Tax', null, 'log(1 + 纳税总额)，在同规模组内 min–max 标准化为 0–100', 'log(1 + tax paid), min–max to 0–100 within the size band');
  add('就业 Employment', null, 'log(1 + 从业人数)，在同规模组内 min–max 标准化为 0–100', 'log(1 + employees), min–max to 0–100 within the size band');
  add('公益 Charity', null, '公益捐赠 ÷ 营业收入，在同规模组内 min–max；营业收入为 0 而有捐赠时不计算并提示', 'Donations ÷ revenue, min–max within the size band; revenue 0 with donations is flagged, never divided');
  add('环保 Environment', pointsText(config.csr.points.environment), '按所获认证计分（上限 100）', 'Points per certification held (at most 100)');
  add(
    '和谐劳动 Labour',
    `工会/职代会 ${config.csr.points.labour.union}；社保 ${config.csr.points.labour.socialInsurance} × 参保率`,
    '建立工会或职代会得分，加社会保险得分按参保率折算',
    'Points for a union or staff congress plus the social-insurance points times coverage',
  );
  add('无差异 No spread', 50, '同规模组内某项数据无差异（或仅一家）时该项计 50 分并提示', 'Where a band does not vary in a figure (or has one applicant), everyone scores 50, flagged');
  add('排名 Ranking', null, '全部规模组合并按综合得分（保留 2 位小数）排名，并列名次占位', 'One ranking over all bands on the composite rounded to 2 decimals, ties share the rank');
  add('敏感性 Sensitivity', null, '另以 z 分数标准化、以等权重各重算一次，报告每家企业的排名范围', 'Recomputed with z-score normalisation and with equal weights; each enterprise reports its rank range');
  const { count, share } = config.csr.award;
  add(
    '推荐名额 Proposal',
    csr.proposal.count,
    count !== null ? `前 ${count} 名拟推荐` : `前 round(${percentText(share ?? 0)} × 参加排名企业数) 名拟推荐，至少 1 名；边界并列一并推荐`,
    count !== null ? `The top ${count} are proposed` : `The top round(${percentText(share ?? 0)} × ranked), at least 1; a tie at the boundary is proposed whole`,
  );
}

// ---------------------------------------------------------------- awards

function awardsSheet(results: ResultsDto): SheetSpec {
  const columns: SheetColumn[] = [
    { header: '奖项 Award', key: 'award' },
    { header: '类别 Category', key: 'category' },
    { header: '排名 Rank', key: 'rank' },
    { header: '代码 Code', key: 'code' },
    { header: '名称 Name', key: 'nameZh' },
    { header: 'Name (English)', key: 'nameEn' },
    { header: '综合得分 Composite', key: 'composite' },
    { header: 'P(入选) P(in quota)', key: 'pInQuota' },
    { header: '拟入选 Proposed', key: 'proposed' },
    { header: '获奖 Awarded', key: 'awarded' },
    { header: '调整原因 Override reason', key: 'overrideReason' },
  ];
  const rows: Row[] = results.awards.map((a) => ({
    award: AWARD_NAMES[a.award] ?? a.award,
    category: a.category,
    rank: a.rank ?? null,
    code: a.code,
    nameZh: a.nameZh,
    nameEn: a.nameEn,
    composite: score(a.composite),
    pInQuota: rate(a.pInQuota),
    proposed: yesNo(a.proposed),
    awarded: yesNo(a.awarded),
    overrideReason: a.overrideReason,
  }));
  if (rows.length === 0) rows.push({ award: '无拟入选单位 No unit proposed' });
  rows.push({}, { award: confirmationLine(results.awardsConfirmedAt) });
  return { name: SHEETS.awards, columns, rows };
}

function confirmationLine(confirmedAt: string | null): string {
  return confirmedAt
    ? `获奖名单已于 ${beijingTime(confirmedAt)}（北京时间）确认 The awards were confirmed on ${beijingTime(confirmedAt)} (Beijing time)`
    : '获奖名单尚未确认 The awards have not been confirmed yet';
}

// ---------------------------------------------------------------- data quality

function dataQualitySheet(results: ResultsDto, sheetByEvaluation: Map<string, string>): SheetSpec {
  const columns: SheetColumn[] = [
    { header: '评议 Evaluation', key: 'evaluation' },
    { header: '回执号 Receipt', key: 'receipt' },
    { header: '类型 Kind', key: 'kindZh' },
    { header: 'Kind', key: 'kindEn' },
    { header: '比例 Share', key: 'share' },
    { header: '用时(秒) Seconds', key: 'seconds' },
    { header: '中位用时(秒) Median seconds', key: 'medianSeconds' },
    { header: '相似答卷回执 Other receipt', key: 'otherReceipt' },
    { header: '已作废 Voided', key: 'voided' },
  ];
  const rows: Row[] = results.dataQuality.map((f) => {
    const [kindZh, kindEn] = QUALITY_KINDS[f.kind] ?? [f.kind, f.kind];
    return {
      evaluation: sheetByEvaluation.get(f.evaluationId) ?? f.evaluationId,
      receipt: f.receipt,
      kindZh,
      kindEn,
      share: rate(f.share),
      seconds: round(f.seconds, 1),
      medianSeconds: round(f.medianSeconds, 1),
      otherReceipt: f.otherReceipt,
      voided: yesNo(f.voided),
    };
  });
  if (rows.length === 0) rows.push({ evaluation: '无需复核的答卷 No ballot flagged' });
  return { name: SHEETS.dataQuality, columns, rows };
}

// ---------------------------------------------------------------- method

type MethodLine = { section: string; item: string; value: CellInput; zh: string; en: string };

function methodSheet(results: ResultsDto, config: ScoringConfig): SheetSpec {
  const lines: MethodLine[] = [];
  let section = '';
  const add = (item: string, value: CellInput, zh: string, en: string) => lines.push({ section, item, value, zh, en });

  section = '概况 Overview';
  add('评议活动 Campaign', results.campaignTitle, `${results.year} 年度`, `Year ${results.year}`);
  add('状态 Status', CAMPAIGN_STATUS[results.campaignStatus] ?? results.campaignStatus, '计算结果时活动的状态', 'Status of the campaign');
  add('计算时间 Computed at', beijingTime(results.computedAt), '北京时间', 'Beijing time (UTC+8)');
  add('配置哈希 Configuration hash', results.configHash, '产生本结果的评分配置（规范化 JSON）的哈希；配置相同则哈希相同', 'Hash of the scoring configuration (canonical JSON) that produced these results');
  add(
    '获奖确认 Awards confirmed',
    results.awardsConfirmedAt ? beijingTime(results.awardsConfirmedAt) : '否 No',
    results.awardsConfirmedAt ? '办公室已确认获奖名单' : '办公室尚未确认获奖名单',
    results.awardsConfirmedAt ? 'The office confirmed the awards' : 'The office has not confirmed the awards yet',
  );
  if (results.previousCampaign) add('对比上届 Compared with', results.previousCampaign, '“上届 S”取自该活动', 'Previous scores come from this campaign');

  section = '评议 Evaluations';
  for (const e of results.evaluations) {
    add(
      `${e.titleZh} ${e.titleEn}`,
      e.ballots,
      `有效答卷 ${e.ballots} 份（邀请 ${e.invited}，作废 ${e.voided}）${e.raterGroup === 'district' ? `；三分之二法定数${e.quorumMet ? '已达到' : '未达到'}` : ''}`,
      `${e.ballots} valid ballots (${e.invited} invited, ${e.voided} voided)${e.raterGroup === 'district' ? `; quorum ${e.quorumMet ? 'met' : 'not met'}` : ''}`,
    );
  }

  section = '1 赋分 Points';
  add('赋分方案 Preset', PRESET_LABELS[config.points.preset] ?? config.points.preset, '各回答代码对应的分值如下', 'Points per answer code below');
  for (const [code, points] of Object.entries(config.points.values)) {
    add(answerLabel(code), points, `回答“${ANSWER_LABELS[code] ?? code}”计 ${points} 分`, `Answer ${code} scores ${points}`);
  }
  add(answerLabel('na'), '不计 excluded', '“不了解”、未作答及其他无分值的代码不计入分子和分母', '不了解, blank answers and codes without points are abstentions: neither numerator nor denominator');
  for (const [preset, values] of Object.entries(config.alternativePoints)) {
    add(
      `敏感性方案 Sensitivity preset: ${PRESET_LABELS[preset] ?? preset}`,
      pointsText(values),
      '按此方案重新计算排名，报告每个单位的排名范围',
      'Ranks recomputed with these points; each unit reports its rank range',
    );
  }

  section = '2 单项得分 Scores';
  const criteria = [...new Set(results.evaluations.flatMap((e) => e.criteria))];
  for (const code of criteria) {
    const weight = config.criterionWeights[code] ?? 1;
    add(`权重 Weight: ${criterionHeader(code)}`, weight, `单项 ${code} 的权重${code in config.criterionWeights ? '' : '（未设定，默认 1）'}`, `Weight of criterion ${code}${code in config.criterionWeights ? '' : ' (not set: 1)'}`);
  }
  add('单项得分 C_c', null, '单项得分 = 该单项有效回答的平均分', 'C_c = mean points of the valid answers to criterion c');
  add('原始得分 S', null, 'S = Σ w_c·C_c / Σ w_c，仅计有有效回答的单项', 'S = Σ w_c·C_c / Σ w_c over criteria with at least one valid answer');
  add('n', null, 'n = 对该对象至少有一个有效回答的答卷数；覆盖率 = n ÷ 有效答卷数', 'n = ballots with at least one valid answer for the target; coverage = n / ballots that could rate it');
  add(
    '满意率 Satisfaction rate',
    codesText(config.satisfaction.content),
    `满意率 = 计为满意的有效回答 ÷ 全部有效回答；计为满意的代码：${codesText(config.satisfaction.content)}；附 Wilson 95% 置信区间`,
    `Share of valid answers that count as content (${config.satisfaction.content.join(', ')}), with a Wilson 95% interval`,
  );
  add(
    '不满意率 Dissatisfaction rate',
    codesText(config.satisfaction.discontent),
    `不满意率 = 计为不满意的有效回答 ÷ 全部有效回答；代码：${codesText(config.satisfaction.discontent)}`,
    `Share of valid answers that count as discontent (${config.satisfaction.discontent.join(', ')})`,
  );
  add(
    '信息不足 Information shortage',
    config.eligibility.informationShortageShare,
    `勾选该对象的答卷中超过 ${percentText(config.eligibility.informationShortageShare)} 只回答“不了解”时标记“信息不足”`,
    `Flagged 信息不足 when more than ${percentText(config.eligibility.informationShortageShare)} of the ballots that saw the target answered only 不了解`,
  );

  section = '3 资格 Eligibility';
  const { rankedMin, flaggedMin } = config.eligibility.enterprise;
  add('企业评议 排名下限 Enterprise: ranked from', rankedMin, `企业评议 n ≥ ${rankedMin} 参加排名`, `Enterprise group: ranked when n ≥ ${rankedMin}`);
  add(
    '企业评议 样本偏少 Enterprise: small sample from',
    flaggedMin,
    `${flaggedMin} ≤ n < ${rankedMin} 参加排名并标记“样本偏少”；n < ${flaggedMin} 只报告、不排名`,
    `${flaggedMin} ≤ n < ${rankedMin}: ranked and flagged 样本偏少; n < ${flaggedMin}: reported, not ranked`,
  );
  const { quorumShare, trimAtLeast } = config.eligibility.district;
  add(
    '区县评议 法定数 District quorum',
    round(quorumShare, 4),
    `至少 ${fractionText(quorumShare)} 的区县交回有效答卷，区县评议才计入`,
    `The district group counts only when at least ${fractionText(quorumShare)} of the districts returned valid ballots`,
  );
  add(
    '区县评议 去高去低 District trimming',
    trimAtLeast,
    `n ≥ ${trimAtLeast} 时去掉一个最高分和一个最低分（按答卷对该对象的得分），S 取其余答卷的平均；单项得分仍按全部回答`,
    `With n ≥ ${trimAtLeast} the single highest and lowest ballot target scores are dropped and S is the mean of the rest; criterion scores keep every answer`,
  );

  section = '4 收缩 Shrinkage';
  add(
    'S* 公式 Formula',
    null,
    'S* = (n·S + K·m) / (n + K)，m 为同类别对象 S 的平均；K = σ²/τ²（σ² 为对象内答卷得分的合并方差，τ² 为对象间 S 的方差减去 σ²/n 的平均，矩估计）',
    'S* = (n·S + K·m) / (n + K), m the mean S of the category; K = σ²/τ² (σ² pooled within-target variance of ballot target scores, τ² between-target variance of S less the mean σ²/n, by moments)',
  );
  add('K 缺省值 Fallback K', config.shrinkage.fallbackK, `τ² ≤ 0 时 K = ${config.shrinkage.fallbackK}`, `K = ${config.shrinkage.fallbackK} where τ² ≤ 0`);
  for (const e of results.evaluations) {
    add(
      `K: ${e.titleZh}`,
      round(e.k, 2),
      e.kEstimated ? '由数据估计' : '估计不可行（τ² ≤ 0），采用缺省值',
      e.kEstimated ? `Estimated from the data (${e.titleEn})` : `Fallback: τ² ≤ 0 (${e.titleEn})`,
    );
  }

  section = '5 综合得分 Composite';
  const departments = config.composite.departments;
  add('部门 企业评议 Departments: enterprises', departments.enterprises, `优质服务单位：企业评议（S*）权重 ${departments.enterprises}`, `Departments: enterprise rating (S*) weighs ${departments.enterprises}`);
  add('部门 区县评议 Departments: districts', departments.districts, `区县政府评议（S*）权重 ${departments.districts}`, `District governments' rating (S*) weighs ${departments.districts}`);
  add('部门 责任书检查 Departments: inspection', departments.inspection, `责任书检查得分权重 ${departments.inspection}`, `Inspection score weighs ${departments.inspection}`);
  const districts = config.composite.districts;
  add('区县 企业评议 Districts: enterprises', districts.enterprises, `投资环境优秀区域：企业评议（S*）权重 ${districts.enterprises}`, `Districts: enterprise rating (S*) weighs ${districts.enterprises}`);
  add(
    '区县 客观指标 Districts: objective',
    districts.objective,
    `客观指标权重 ${districts.objective}（录入得分优先，否则为结案率、整改率、及时率的平均 × 100）`,
    `Objective indicators weigh ${districts.objective} (an entered score, else the mean of closure, rectification and on-time rates × 100)`,
  );
  add('缺项 Missing component', null, '某项缺失时，其余各项按权重重新归一并标记', 'A missing component renormalises the others and is flagged');
  add(
    '超期案件扣分 Overdue cases',
    config.composite.overdueCaseDeduction,
    `截止时每件超期案件扣 ${config.composite.overdueCaseDeduction} 分，最多扣 ${config.composite.maxDeduction} 分`,
    `${config.composite.overdueCaseDeduction} point(s) off per case past its deadline at the cutoff, at most ${config.composite.maxDeduction}`,
  );
  add('扣分上限 Maximum deduction', config.composite.maxDeduction, `最多扣 ${config.composite.maxDeduction} 分`, `At most ${config.composite.maxDeduction} points`);
  add('自查 Self-inspection gate', null, '自查缺失或不完整的部门不具备评选资格', 'A department without a complete self-inspection is not eligible');
  add('一票否决 Veto', null, '列入一票否决名单（附原因）的单位不具备评选资格', 'A unit on the veto list (with a reason) is not eligible');
  add('资格 Eligibility', null, '企业评议参加排名、通过自查、未被否决且有综合得分的单位具备资格', 'Eligible: ranked enterprise rating, self-inspection passed, not vetoed, a composite');

  section = '6 排名 Ranking';
  add(
    '排名 Rank',
    null,
    '各类别内按综合得分（保留 2 位小数；只有一个评议组时即其 S*）排名，并列名次占位（1、2、2、4）',
    'Within each category on the composite rounded to 2 decimals (S* where a single group), competition ranking (1, 2, 2, 4)',
  );
  add(
    '并列 Tie-break',
    null,
    '依次比较：企业评议 S* → 满意率 → 不满意率（低者在前）→ 责任书检查得分 → 仍相同则并列',
    'Enterprise S* → 满意率 → lower 不满意率 → inspection score → share the rank',
  );

  section = '7 名额 Quota';
  add(
    '名额比例 Quota share',
    config.awards.quotaShare,
    `每类别名额 = round(${percentText(config.awards.quotaShare)} × 具备资格单位数)，至少 ${config.awards.quotaMinimum} 个`,
    `Per category: round(${percentText(config.awards.quotaShare)} × eligible units), at least ${config.awards.quotaMinimum}`,
  );
  add('名额下限 Minimum quota', config.awards.quotaMinimum, `每类别至少 ${config.awards.quotaMinimum} 个名额`, `At least ${config.awards.quotaMinimum} per category`);
  add(
    '入选分数线 Threshold',
    config.awards.threshold,
    `综合得分 ≥ ${config.awards.threshold} 且名次在名额内方可入选`,
    `Proposed only within the quota and with a composite ≥ ${config.awards.threshold}`,
  );
  for (const c of results.categories) {
    add(
      `${UNIT_TYPES[c.unitType] ?? c.unitType}：${c.category}`,
      c.quota,
      `具备资格 ${c.eligible} 个，名额 ${c.quota} 个`,
      `${c.eligible} eligible, quota ${c.quota}`,
    );
  }

  section = '8 不确定性 Uncertainty';
  const { resamples, rankInterval, reviewBand } = config.uncertainty;
  add(
    '自助抽样 Bootstrap resamples',
    resamples,
    `在每个评议组和对象内对答卷有放回抽样 ${resamples} 次（种子由活动和配置确定，结果可重现）`,
    `${resamples} resamples of ballots within each group and target, from a generator seeded by the campaign and configuration`,
  );
  add(
    '排名区间 Rank interval',
    rankInterval,
    `排名区间为抽样排名的 ${percentText(rankInterval)} 区间；P(入选) 为入选名额的抽样比例`,
    `The ${percentText(rankInterval)} interval of the resampled ranks; P(in quota) the share of resamples in the quota`,
  );
  add(
    'S* 区间 S* interval',
    rankInterval,
    `S* 的 ${percentText(rankInterval)} 区间为各次抽样中 S*（m 随之重算）的百分位数；只抽样计入综合得分的评议组，其余为空`,
    `The ${percentText(rankInterval)} interval of S* over the resamples (m recomputed in each); only the groups that enter a composite are resampled, the others have none`,
  );
  add(
    '复核区间 Review band',
    `${reviewBand[0]}–${reviewBand[1]}`,
    `${reviewBand[0]} ≤ P(入选) ≤ ${reviewBand[1]} 时标记“差异不显著，需复核”`,
    `Flagged 差异不显著，需复核 where ${reviewBand[0]} ≤ P ≤ ${reviewBand[1]}`,
  );
  add('确认 Confirmation', null, '获奖名单由办公室确认；调整需填写原因并留痕', 'The office confirms the awards; an override needs a reason and is audited');

  section = '9 数据质量 Data quality';
  const quality = config.dataQuality;
  add(
    '答案雷同 Straight-lining',
    quality.straightLiningShare,
    `评价至少 ${quality.straightLiningMinTargets} 个对象且 ≥ ${percentText(quality.straightLiningShare)} 的回答相同`,
    `The same answer on ≥ ${percentText(quality.straightLiningShare)} of ≥ ${quality.straightLiningMinTargets} targets`,
  );
  add(
    '作答过快 Speeding',
    quality.speedingShareOfMedian,
    `用时少于中位用时的 ${percentText(quality.speedingShareOfMedian)}`,
    `Completed in under ${percentText(quality.speedingShareOfMedian)} of the median time`,
  );
  add(
    '疑似重复 Duplicates',
    quality.duplicateAnswerShare,
    `两份答卷超过 ${percentText(quality.duplicateAnswerShare)} 的回答相同`,
    `Two ballots matching on more than ${percentText(quality.duplicateAnswerShare)} of answers`,
  );
  add('处理 Handling', null, '只标记供复核，不自动剔除；作废须填写原因并留痕，作废答卷不计入任何得分', 'Flagged for review, never dropped silently; a voided ballot (reason audited) leaves every score');

  if (results.csr) csrMethod(add, results.csr, config, (name) => (section = name));

  return {
    name: SHEETS.method,
    columns: [
      { header: '部分 Section', key: 'section' },
      { header: '项目 Item', key: 'item' },
      { header: '数值 Value', key: 'value' },
      { header: '说明', key: 'zh', width: 60 },
      { header: 'Description', key: 'en', width: 60 },
    ],
    rows: lines,
  };
}

function answerLabel(code: string): string {
  const label = ANSWER_LABELS[code];
  return label ? `${label} ${code}` : code;
}

function pointsText(values: Record<string, number>): string {
  return Object.entries(values)
    .map(([code, points]) => `${ANSWER_LABELS[code] ?? code} ${points}`)
    .join(' / ');
}

function codesText(codes: readonly string[]): string {
  return codes.map((code) => answerLabel(code)).join('、');
}

// ---------------------------------------------------------------- helpers

/** Categories in the order the results list them, then any others by name. */
function categoryIndex(results: ResultsDto): (category: string) => number {
  const order = new Map<string, number>();
  for (const c of results.categories) if (!order.has(c.category)) order.set(c.category, order.size);
  return (category) => order.get(category) ?? Number.MAX_SAFE_INTEGER;
}

function byCategoryThenRank(
  a: { category: string; rank: number | null; code: string },
  b: { category: string; rank: number | null; code: string },
  categoryOrder: (category: string) => number,
): number {
  return (
    categoryOrder(a.category) - categoryOrder(b.category) ||
    a.category.localeCompare(b.category, 'zh-CN') ||
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
    a.code.localeCompare(b.code)
  );
}

/** Excel's limit is 31 characters; a name already taken gets a number. */
function uniqueSheetName(base: string, used: Set<string>): string {
  const cleaned = base.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  let name = cleaned.slice(0, 31).trim();
  for (let i = 2; used.has(name); i++) name = `${cleaned.slice(0, 31 - String(i).length - 1).trim()} ${i}`;
  used.add(name);
  return name;
}

function round(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

const score = (value: number | null | undefined) => round(value, 2);
const rate = (value: number | null | undefined) => round(value, 4);
/** A weight that sums to 1 across components, as a percentage. */
const percent = (value: number | null | undefined) => round(value === null || value === undefined ? null : value * 100, 2);

function interval(value: [number, number] | null | undefined): string | null {
  return value ? `${value[0]}–${value[1]}` : null;
}

const yesNo = (value: boolean) => (value ? '是' : '否');
const flags = (values: readonly string[] | undefined) => (values && values.length > 0 ? values.join('；') : null);

function percentText(share: number): string {
  return `${round(share * 100, 2)}%`;
}

function fractionText(share: number): string {
  for (const [fraction, text] of [[2 / 3, '⅔'], [1 / 3, '⅓'], [1 / 2, '½'], [3 / 4, '¾']] as const) {
    if (Math.abs(share - fraction) < 1e-6) return `${text} (${percentText(share)})`;
  }
  return percentText(share);
}

/** China keeps UTC+8 all year. */
function beijingTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const shifted = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}
