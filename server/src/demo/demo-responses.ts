import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EvaluationKind } from '../campaigns/campaign.entities.js';
import type { HandlingRating } from '../cases/case-figures.js';
import type { CaseStatus } from '../cases/case-workflow.js';
import type { CaseSource } from '../cases/case.entities.js';
import { DEFAULT_WORKING_DAYS } from '../cases/cases.service.js';
import { WorkingDayCalendarsService } from '../cases/working-day-calendars.service.js';
import { beijingDate, startOfBeijingDay, type WorkingDayCalendar } from '../cases/working-days.js';
import { pick, pickWeighted, seededRandom, type Random } from '../common/random.js';
import { ABSTAIN, RATINGS_VALUE, TARGET_PROPERTY } from '../questionnaires/questionnaire-rules.js';
import { ratingCriteria } from '../responses/served-questionnaire.js';
import { resolveScoringConfig } from '../scoring/scoring-config.js';
import { simulateCsrDeclarations, type CsrSimulation, type SimulatedCsrCheck } from './demo-csr.js';
import { byCode, Clock, DAY_MS, HOUR_MS, MINUTE_MS, normal, receipt } from './demo-simulation.js';

/**
 * Simulated answers for the demo campaign, so that every results page has something true to
 * show: about 70 % of the enterprises have rated the departments they dealt with, 60 % their
 * district, 80 % of the district governments the departments; the rest have nothing or a draft,
 * so their links still open on an unanswered questionnaire. Departments differ in how many
 * enterprises meet them and in how well they serve; a few ballots are too fast, straight-lined
 * or near copies, for the data-quality queue. Cases (complaints) run from new to closed, some
 * of them past their deadline. Some enterprises have declared for 社会责任先进企业 (demo-csr.ts).
 * The same every time (a seeded generator over raters in code order), and written only into a
 * campaign that has no answers yet.
 */

export const DEMO_SEED = 2026;

/** The demo campaign has been open this long when it is seeded. */
const DAYS_OPEN = 42;

const SHARE = {
  enterpriseRatesDepartments: 0.7,
  /** Enterprises that rated the departments mostly rate their district too; a few rate only that. */
  districtsGivenDepartments: 0.8,
  districtsOtherwise: 0.13,
  districtRatesDepartments: 0.8,
  /** Of the raters who have not submitted an evaluation, those with a draft of it. */
  draft: 0.15,
  /** District governments that have not submitted are mostly still working on it. */
  governmentDraft: 0.6,
  /** Of the raters with nothing saved, those who opened their link and left. */
  openedOnly: 0.12,
  /** Enterprises rating one district besides their own. */
  secondDistrict: 0.3,
  problems: 0.015,
  suggestions: 0.06,
} as const;

// ---------------------------------------------------------------------------------------------------
// The city as the simulation sees it

interface DepartmentProfile {
  /** Share of enterprises that deal with it in a year. */
  contact: number;
  /** Latent quality: about 1 a clear leader, 0 to 0.5 the crowded middle, below −0.3 a weak one. */
  quality: number;
  /** Extra chance of 不了解: units enterprises meet without learning much about them. */
  unknown?: number;
}

/** By the department's Chinese name, as in the demo directory; others get DEFAULT_DEPARTMENT. */
const DEPARTMENTS: Record<string, DepartmentProfile> = {
  市发展和改革委员会: { contact: 0.12, quality: 0.35 },
  市商务局: { contact: 0.45, quality: 1.0 },
  市工业和信息化局: { contact: 0.22, quality: 0.3 },
  市科学技术局: { contact: 0.15, quality: 0.45 },
  市财政局: { contact: 0.08, quality: 0.2 },
  市人力资源和社会保障局: { contact: 0.38, quality: 0.05 },
  市自然资源和规划局: { contact: 0.1, quality: -0.6 },
  市住房和城乡建设局: { contact: 0.09, quality: -0.2 },
  市交通运输局: { contact: 0.05, quality: 0.2 },
  市教育局: { contact: 0.03, quality: 0.25 },
  市卫生健康委员会: { contact: 0.04, quality: 0.2 },
  市人民政府外事办公室: { contact: 0.1, quality: 0.8 },
  市地方金融管理局: { contact: 0.02, quality: 0.25, unknown: 0.1 },
  市投资促进局: { contact: 0.2, quality: 1.1 },
  市司法局: { contact: 0.01, quality: 0.1, unknown: 0.1 },
  市数据资源管理局: { contact: 0.008, quality: 0.3, unknown: 0.15 },
  市市场监督管理局: { contact: 0.6, quality: 0.4 },
  市税务局: { contact: 0.65, quality: 0.95 },
  市生态环境局: { contact: 0.25, quality: -0.3 },
  市应急管理局: { contact: 0.18, quality: 0.0 },
  市公安局出入境管理局: { contact: 0.22, quality: 0.6 },
  江州海关: { contact: 0.35, quality: 0.55 },
  市外汇管理局: { contact: 0.15, quality: 0.45 },
  市城市管理局: { contact: 0.08, quality: -0.7 },
  市消防救援支队: { contact: 0.15, quality: -0.05 },
  市公安局交通警察支队: { contact: 0.03, quality: 0.0 },
  市中级人民法院: { contact: 0.012, quality: 0.1, unknown: 0.35 },
  江州金融监管分局: { contact: 0.04, quality: 0.2, unknown: 0.1 },
  市劳动保障监察支队: { contact: 0.05, quality: -0.45 },
  市政务服务中心: { contact: 0.5, quality: 0.9 },
  '市 12345 政务服务便民热线': { contact: 0.15, quality: 0.25 },
  市住房公积金管理中心: { contact: 0.25, quality: 0.4 },
  市医疗保障局: { contact: 0.25, quality: 0.3 },
  市人才服务中心: { contact: 0.1, quality: 0.5 },
  市贸促会: { contact: 0.12, quality: 0.6 },
  市文化广电和旅游局: { contact: 0.02, quality: 0.2 },
  市公共资源交易中心: { contact: 0.01, quality: -0.2 },
  市供电公司: { contact: 0.4, quality: 0.3 },
  市水务集团: { contact: 0.25, quality: 0.15 },
  市燃气集团: { contact: 0.15, quality: -0.5 },
  江州港务集团: { contact: 0.03, quality: 0.1 },
  江州国际机场: { contact: 0.02, quality: 0.4 },
};
const DEFAULT_DEPARTMENT: DepartmentProfile = { contact: 0.05, quality: 0.3 };

/** Whom an industry meets more (or less) often than the average enterprise, by the GB/T 4754 section. */
const INDUSTRY_CONTACTS: Record<string, Record<string, number>> = {
  制造业: { 市生态环境局: 1.6, 市应急管理局: 1.6, 市消防救援支队: 1.5, 市供电公司: 1.4, 市燃气集团: 1.8, 江州海关: 1.4, 市工业和信息化局: 1.5 },
  批发和零售业: { 江州海关: 1.7, 市外汇管理局: 1.8, 江州港务集团: 2, 市贸促会: 1.8, 市生态环境局: 0.4, 市应急管理局: 0.5 },
  '交通运输、仓储和邮政业': { 江州港务集团: 5, 市交通运输局: 4, 江州海关: 1.8, 江州国际机场: 4 },
  房地产业: { 市自然资源和规划局: 4, 市住房和城乡建设局: 4, 市城市管理局: 2 },
  金融业: { 市地方金融管理局: 6, 江州金融监管分局: 6, 市外汇管理局: 2.5 },
  '信息传输、软件和信息技术服务业': { 市科学技术局: 2, 市数据资源管理局: 3, 市人才服务中心: 2, 市生态环境局: 0.3 },
  科学研究和技术服务业: { 市科学技术局: 2.5, 市人才服务中心: 1.8 },
  住宿和餐饮业: { 市文化广电和旅游局: 5, 市卫生健康委员会: 3, 市市场监督管理局: 1.3, 市消防救援支队: 1.5 },
};

/** Large companies deal with more of the city than micro ones. */
const SIZE_CONTACTS: Record<string, number> = { large: 1.6, medium: 1.2, small: 0.9, micro: 0.6 };

/** Latent quality of each district's investment environment; the development zones lead. */
const DISTRICTS: Record<string, number> = {
  江州经济技术开发区: 1.0,
  江州高新技术产业开发区: 0.9,
  明湖区: 0.6,
  临江区: 0.55,
  新港区: 0.4,
  云台区: 0.3,
  清溪市: 0.2,
  北岸区: 0.15,
  望江区: 0.05,
  梅岭县: -0.1,
  鹤溪县: -0.3,
};
const DEFAULT_DISTRICT = 0.3;

/** How a criterion leans (higher: rated better) and how often raters do not know it. */
const CRITERIA: Record<string, { lean: number; unknown: number }> = {
  attitude: { lean: 0.15, unknown: 0 },
  efficiency: { lean: -0.2, unknown: 0.01 },
  lawful: { lean: 0.1, unknown: 0.03 },
  transparency: { lean: -0.05, unknown: 0.02 },
  integrity: { lean: 0.2, unknown: 0.05 },
  government: { lean: 0.2, unknown: 0.01 },
  legal: { lean: 0.1, unknown: 0.03 },
  market: { lean: 0, unknown: 0.02 },
  factors: { lean: -0.3, unknown: 0.02 },
  living: { lean: -0.1, unknown: 0.02 },
};

const PROBLEMS = [
  '部分事项线上办理后仍要求到窗口提交纸质材料，希望真正做到“一网通办”。',
  '政策文件发布后缺少解读，企业不清楚自己是否符合条件、如何申报。',
  '办事指南更新不及时，按旧指南准备的材料被退回。',
  '希望涉企检查能够合并进行，减少对正常生产的影响。',
  '惠企政策资金兑现周期较长，从申报到到账超过半年。',
  'English-language service at the windows is limited; our foreign staff need an interpreter for every visit.',
  'The online forms time out before all attachments can be uploaded.',
];

const SUGGESTIONS = [
  '建议推行更多“一件事一次办”，减少企业重复提交材料。',
  '建议定期召开外资企业座谈会，听取企业意见。',
  '建议设立外资企业服务专员，一对一对接。',
  '建议进一步压缩审批时限，并公开办理进度。',
  '建议惠企政策实行“免申即享”。',
  'Please publish policy documents in English as well.',
  'A single contact person for foreign-invested companies would help a lot.',
];

// ---------------------------------------------------------------------------------------------------
// Cases

type CaseOutcome =
  | { status: 'new' }
  | { status: 'rejected'; reason: string }
  | { status: 'merged'; into: number }
  /** With its unit; past its deadline or not depends on how long ago it came in. */
  | { status: 'assigned' | 'in-progress' }
  /** The unit answered after `replyAfter` working days (on time up to DEFAULT_WORKING_DAYS). */
  | { status: 'replied'; replyAfter: number; reply: string }
  | { status: 'closed'; replyAfter: number; reply: string; rectified: boolean | null; rating: HandlingRating | null };

interface CaseSpec {
  /** A department or district by its Chinese name; none while the office has not assigned it. */
  unit?: string;
  category: string;
  source: CaseSource;
  /** How the office received it, for its own entries. */
  via?: string;
  text: string;
  daysAgo: number;
  outcome: CaseOutcome;
}

/**
 * What the office has on its desk six weeks into the month: cases closed and rated (the districts'
 * closure, rectification and timeliness), cases with their unit past the deadline (deductions),
 * cases still on time, replies waiting to be closed, and a few new, rejected and duplicate ones.
 */
const CASES: readonly CaseSpec[] = [
  { unit: '市自然资源和规划局', category: 'land', source: 'complaint', daysAgo: 36, outcome: { status: 'in-progress' },
    text: '我司在经开区的二期厂房扩建项目，用地规划许可申请已提交近三个月，至今没有明确答复，也不清楚卡在哪个环节。' },
  { unit: '市城市管理局', category: 'inspection', source: 'office', via: '电话', daysAgo: 34, outcome: { status: 'assigned' },
    text: '企业来电反映：厂区门前道路长期被流动摊贩占用，货车进出困难，多次向街道反映未解决。' },
  { unit: '市燃气集团', category: 'other', source: 'ballot', daysAgo: 33, outcome: { status: 'in-progress' },
    text: '新厂区燃气报装已等待两个多月，多次催问都说在排期，没有明确的通气时间，影响试生产。' },
  { unit: '市生态环境局', category: 'approval', source: 'complaint', daysAgo: 31, outcome: { status: 'assigned' },
    text: 'The environmental impact approval for our new coating line has been pending for weeks; at every visit we are asked for one more document that was not on the original list.' },
  { unit: '市劳动保障监察支队', category: 'labour', source: 'office', via: '来信', daysAgo: 5, outcome: { status: 'assigned' },
    text: '企业来信反映：劳动保障监察检查时要求一次性提交三年的全部工资台账原件，准备困难，希望明确检查范围。' },
  { unit: '市住房和城乡建设局', category: 'approval', source: 'complaint', daysAgo: 7, outcome: { status: 'in-progress' },
    text: '员工宿舍楼改造项目的施工图审查意见迟迟未出，希望告知办理进度。' },
  { unit: '江州海关', category: 'approval', source: 'complaint', daysAgo: 20,
    outcome: { status: 'replied', replyAfter: 6, reply: '已与贵司确认，AEO 高级认证复核的现场验证安排在下月第二周，具体日期由企业管理科提前三个工作日电话通知。' },
    text: 'AEO 高级认证企业复核材料已提交，希望海关告知现场验证的大致时间，便于安排人员。' },
  { unit: '市人力资源和社会保障局', category: 'labour', source: 'complaint', daysAgo: 38,
    outcome: { status: 'closed', replyAfter: 5, rectified: true, rating: 'satisfied', reply: '已协调信息中心修复外籍人员证件号码的录入问题，并安排专人上门为贵司办理了参保登记。' },
    text: '外籍员工社保参保登记时，系统无法录入护照号码中的字母，窗口让我们反复跑了三次。' },
  { unit: '市市场监督管理局', category: 'approval', source: 'ballot', daysAgo: 35,
    outcome: { status: 'closed', replyAfter: 4, rectified: true, rating: 'satisfied', reply: '已统一线上与窗口的材料清单并在政务服务网公布；贵司的变更登记已于次日办结。' },
    text: '经营范围变更登记时，线上系统与窗口要求的材料不一致，第一次提交被退回。' },
  { unit: '市税务局', category: 'tax-fees', source: 'complaint', daysAgo: 30,
    outcome: { status: 'closed', replyAfter: 3, rectified: true, rating: 'basically', reply: '经核查，贵司申报资料齐全，已按一类出口企业加快审核，退税款已到账；今后可在电子税务局查询审核进度。' },
    text: '出口退税申报后审核时间较长，资金压力较大，希望了解能否加快。' },
  { unit: '市公安局出入境管理局', category: 'other', source: 'complaint', daysAgo: 40,
    outcome: { status: 'closed', replyAfter: 8, rectified: true, rating: 'satisfied', reply: '外国人工作许可与居留许可已纳入“一窗通办”；贵司总经理的证件已办结并邮寄送达。' },
    text: 'The work and residence permits for our new general manager took three visits to different windows. Could this be done in one place?' },
  { unit: '市供电公司', category: 'other', source: 'complaint', daysAgo: 37,
    outcome: { status: 'closed', replyAfter: 10, rectified: false, rating: 'dissatisfied', reply: '经核查，此次停电为线路故障抢修，不属计划停电；已建立园区企业停电短信通知群。' },
    text: '园区停电没有提前通知企业，造成一条产线停机半天，损失较大。' },
  { unit: '市消防救援支队', category: 'inspection', source: 'office', via: '来访', daysAgo: 41,
    outcome: { status: 'closed', replyAfter: 19, rectified: true, rating: null, reply: '已增加验收力量，贵司新建仓库的消防验收已完成。' },
    text: '企业来访反映：新建仓库消防验收预约等待时间较长，影响投产。' },
  { unit: '市应急管理局', category: 'inspection', source: 'complaint', daysAgo: 28,
    outcome: { status: 'closed', replyAfter: 7, rectified: true, rating: 'basically', reply: '已统一安全生产检查的整改标准，并书面告知贵司最终的整改要求。' },
    text: '安全生产检查中，不同科室对同一问题给出的整改要求不一致，企业无所适从。' },
  { category: 'other', source: 'complaint', daysAgo: 1, outcome: { status: 'new' },
    text: '拨打 12345 反映问题后，转办单位的答复与所反映的问题不符，希望重新处理。' },
  { category: 'other', source: 'complaint', daysAgo: 12,
    outcome: { status: 'rejected', reason: '厂房租赁为企业之间的民事合同，不属于政府部门职责范围；已告知贵司可咨询所在园区的招商服务中心。' },
    text: '希望政府为我司减免明年的厂房租金。' },
  { category: 'land', source: 'ballot', daysAgo: 30, outcome: { status: 'merged', into: 0 },
    text: '二期扩建用地的规划许可一直没有批下来。' },

  { unit: '江州经济技术开发区', category: 'labour', source: 'complaint', daysAgo: 39,
    outcome: { status: 'closed', replyAfter: 6, rectified: true, rating: 'satisfied', reply: '已协调公交公司在早晚高峰增开两班园区专线。' },
    text: '园区内通勤公交班次太少，员工上下班不便。' },
  { unit: '江州经济技术开发区', category: 'labour', source: 'ballot', daysAgo: 33,
    outcome: { status: 'closed', replyAfter: 5, rectified: true, rating: 'satisfied', reply: '园区已于本月举办外资企业专场招聘会，贵司招聘到 23 人。' },
    text: '企业招工难，希望园区组织专场招聘会。' },
  { unit: '江州经济技术开发区', category: 'other', source: 'office', via: '电话', daysAgo: 26,
    outcome: { status: 'closed', replyAfter: 4, rectified: true, rating: null, reply: '已完成园区道路夜间照明的检修和补装。' },
    text: '企业来电反映：园区道路夜间照明不足，存在安全隐患。' },
  { unit: '江州高新技术产业开发区', category: 'other', source: 'complaint', daysAgo: 35,
    outcome: { status: 'closed', replyAfter: 7, rectified: true, rating: 'satisfied', reply: '已在管委会服务大厅设立人才公寓受理窗口，并公布申请流程。' },
    text: '人才公寓申请流程不清楚，咨询了几个部门都说不归自己管。' },
  { unit: '江州高新技术产业开发区', category: 'finance', source: 'ballot', daysAgo: 24,
    outcome: { status: 'replied', replyAfter: 9, reply: '研发用房租金补贴已完成审核，资金将于本月底前拨付。' },
    text: '研发用房租金补贴的兑现时间比承诺的晚了两个月。' },
  { unit: '临江区', category: 'other', source: 'complaint', daysAgo: 38,
    outcome: { status: 'closed', replyAfter: 5, rectified: true, rating: 'satisfied', reply: '区教育局已指定专人对接外籍人员子女入学咨询，联系方式已告知贵司。' },
    text: 'We could not find anyone at the district who can advise on school places for our expatriate staff\'s children.' },
  { unit: '临江区', category: 'inspection', source: 'complaint', daysAgo: 29,
    outcome: { status: 'closed', replyAfter: 12, rectified: true, rating: 'basically', reply: '已责令施工单位调整作业时间，夜间 22 时后停止高噪声作业。' },
    text: '厂区周边工地夜间施工噪音大，影响员工宿舍休息。' },
  { unit: '明湖区', category: 'other', source: 'office', via: '来访', daysAgo: 36,
    outcome: { status: 'closed', replyAfter: 10, rectified: false, rating: null, reply: '周边暂无可新增停车位的用地，已协调错峰共享附近单位停车场。' },
    text: '企业来访反映：商业综合体周边停车位不足，顾客投诉较多。' },
  { unit: '明湖区', category: 'inspection', source: 'complaint', daysAgo: 27,
    outcome: { status: 'closed', replyAfter: 8, rectified: true, rating: 'basically', reply: '已统一餐饮油烟检测的执法标准，并对执法人员进行了培训。' },
    text: '餐饮门店油烟检测标准执行不一，不同检查人员说法不同。' },
  { unit: '明湖区', category: 'approval', source: 'complaint', daysAgo: 6, outcome: { status: 'in-progress' },
    text: '希望区里协调解决门店外摆经营的许可问题。' },
  { unit: '云台区', category: 'other', source: 'complaint', daysAgo: 37, outcome: { status: 'in-progress' },
    text: '工业园区雨污管网改造拖延，雨季厂区积水严重。' },
  { unit: '云台区', category: 'other', source: 'ballot', daysAgo: 40,
    outcome: { status: 'closed', replyAfter: 14, rectified: false, rating: 'dissatisfied', reply: '园区食堂由第三方运营，已转告运营方改进。' },
    text: '园区配套食堂价格高、质量差，多次反映没有改善。' },
  { unit: '新港区', category: 'approval', source: 'complaint', daysAgo: 34,
    outcome: { status: 'closed', replyAfter: 6, rectified: true, rating: 'satisfied', reply: '物流车辆进港通行证已改为网上申办，三个工作日内办结。' },
    text: '物流车辆进港通行证办理慢，影响货物周转。' },
  { unit: '新港区', category: 'other', source: 'office', via: '12345 转办', daysAgo: 22,
    outcome: { status: 'closed', replyAfter: 9, rectified: null, rating: null, reply: '码头周边道路拥堵主要发生在船期集中时段，已与港务集团建立车辆预约进港机制。' },
    text: '12345 转办：码头周边道路货车拥堵，企业员工通勤困难。' },
  { unit: '清溪市', category: 'finance', source: 'ballot', daysAgo: 39,
    outcome: { status: 'closed', replyAfter: 18, rectified: false, rating: 'dissatisfied', reply: '技改补贴需待省级资金下达后拨付，预计明年一季度。' },
    text: '镇里承诺的企业技改补贴一直没有兑现。' },
  { unit: '清溪市', category: 'approval', source: 'complaint', daysAgo: 35, outcome: { status: 'assigned' },
    text: '厂区用电增容申请在镇、市两级之间来回转，两个月没有结果。' },
  { unit: '鹤溪县', category: 'land', source: 'complaint', daysAgo: 36,
    outcome: { status: 'closed', replyAfter: 16, rectified: true, rating: 'basically', reply: '园区配套道路已列入县重点工程，本月已开工。' },
    text: '县里招商时承诺的厂区配套道路至今未建设。' },
  { unit: '北岸区', category: 'inspection', source: 'complaint', daysAgo: 25,
    outcome: { status: 'closed', replyAfter: 6, rectified: true, rating: 'satisfied', reply: '已将对贵司的检查纳入“综合查一次”，年内不再重复检查。' },
    text: '区里各部门上门检查频次过高，一个月内来了四次。' },
];

// ---------------------------------------------------------------------------------------------------
// What the simulation works on and produces

export interface DemoRater {
  invitationId: string;
  type: 'enterprise' | 'district';
  /** USCC or district code: the order raters are simulated in. */
  code: string;
  enterpriseId: string | null;
  districtCode: string;
  industry: string | null;
  sizeBand: string | null;
}

export interface DemoTarget {
  /** evaluation_targets.id */
  id: string;
  code: string;
  nameZh: string;
}

interface Criterion {
  name: string;
  /** Answer codes from best to worst. */
  levels: string[];
  /** The latent value above which each level but the last is given, falling. */
  thresholds: number[];
  abstain: string | null;
  lean: number;
  unknown: number;
}

export interface DemoPanel {
  evaluationId: string;
  kind: EvaluationKind;
  versionId: string;
  survey: Record<string, unknown>;
  targets: DemoTarget[];
}

interface Panel extends DemoPanel {
  criteria: Criterion[];
}

type Card = Record<string, string>;
type Answers = { [RATINGS_VALUE]: Card[]; problems?: string; suggestions?: string };

export interface SimulatedResponse<Data = Answers> {
  invitationId: string;
  evaluationId: string;
  versionId: string;
  status: 'draft' | 'submitted';
  data: Data;
  receipt: string | null;
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

export interface SimulatedCase {
  id: string;
  source: CaseSource;
  responseId: string | null;
  invitationId: string | null;
  enterpriseId: string | null;
  identityShared: boolean;
  receivedVia: string | null;
  text: string;
  category: string;
  status: CaseStatus;
  unit: string | null;
  deadline: Date | null;
  mergedInto: string | null;
  rejectReason: string | null;
  reply: string | null;
  rectified: boolean | null;
  handlingRating: HandlingRating | null;
  createdAt: Date;
  acceptedAt: Date | null;
  assignedAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  ratedAt: Date | null;
  events: { at: Date; actor: 'office' | 'unit' | 'enterprise'; action: string; from: CaseStatus | null; to: CaseStatus | null; note: string | null }[];
}

export interface SimulationInput {
  now: Date;
  opensAt: Date;
  raters: DemoRater[];
  panels: DemoPanel[];
  /** Answer codes to points, from the campaign's scoring configuration: orders each criterion's answers. */
  points: Record<string, number>;
  calendar: WorkingDayCalendar;
  /** Unit code by Chinese name, for the cases. */
  unitCodes: Map<string, string>;
  /** The csr-declaration evaluation and its newest version, where the campaign has one. */
  csrForm: { evaluationId: string; versionId: string } | null;
}

export interface Simulation {
  responses: (SimulatedResponse & { id: string })[];
  /** Links opened, by invitation: when first and last. */
  opened: Map<string, { first: Date; last: Date }>;
  cases: SimulatedCase[];
  csr: CsrSimulation;
}

// ---------------------------------------------------------------------------------------------------
// The simulation: pure, the same for the same input

export function simulateDemoAnswers(input: SimulationInput, seed = DEMO_SEED): Simulation {
  const random = seededRandom(seed);
  // The clock draws from its own stream: how many draws it needs depends on the time of day the
  // demo is seeded, and must not change who answered what.
  const clock = new Clock(seededRandom(seed + 1), input);
  const panels = new Map(input.panels.map((p) => [p.kind, { ...p, criteria: criteriaOf(p.survey, input.points) }]));
  const responses: (SimulatedResponse & { id: string })[] = [];
  const add = (response: SimulatedResponse) => void responses.push({ ...response, id: randomUUID() });

  const departments = panels.get('enterprise-rates-departments');
  const districts = panels.get('enterprise-rates-districts');
  const governments = panels.get('district-rates-departments');
  const enterprises = input.raters.filter((r) => r.type === 'enterprise').sort(byCode);
  const districtGovernments = input.raters.filter((r) => r.type === 'district').sort(byCode);
  const districtWeights = districtShares(enterprises);

  for (const rater of enterprises) {
    const ratesDepartments = random() < SHARE.enterpriseRatesDepartments;
    const ratesDistricts = random() < (ratesDepartments ? SHARE.districtsGivenDepartments : SHARE.districtsOtherwise);
    // One sitting: the district questionnaire right after the departments'.
    let sitting: Date | null = null;
    if (departments) {
      const cards = departmentCards(random, rater, departments);
      sitting = answer(random, clock, departments, rater, ratesDepartments, cards, null, add);
    }
    if (districts) {
      const cards = districtCards(random, rater, districts, districtWeights);
      if (cards.length > 0) answer(random, clock, districts, rater, ratesDistricts, cards, sitting, add);
    }
  }
  if (governments) {
    // Exactly the share of the few district governments, so the panel meets its ⅔ quorum as a real one would.
    const submitting = new Set(
      districtGovernments
        .map((rater) => [rater, random()] as const)
        .sort((a, b) => a[1] - b[1])
        .slice(0, Math.round(SHARE.districtRatesDepartments * districtGovernments.length))
        .map(([rater]) => rater),
    );
    for (const rater of districtGovernments) {
      const submits = submitting.has(rater);
      answer(random, clock, governments, rater, submits, governmentCards(random, governments), null, add, SHARE.governmentDraft);
    }
  }

  markForReview(random, clock, responses, panels);
  for (const response of responses) if (response.status === 'submitted') response.receipt = receipt(random);
  const cases = simulateCases(random, input, responses);
  const opened = openedLinks(random, clock, input.raters, responses);
  // The declarations come last, on streams of their own, and open their links after the draws of
  // who only looked: adding them changed no rating answer and no other link.
  const rated = new Set(responses.filter((r) => r.status === 'submitted' && r.evaluationId === departments?.evaluationId).map((r) => r.invitationId));
  const csr = input.csrForm ? simulateCsrDeclarations({ ...input, form: input.csrForm, rated }, seed) : { declarations: [], checks: [] };
  for (const declaration of csr.declarations) markOpened(opened, declaration);
  return { responses, opened, cases, csr };
}

/** The criteria of the version served, each with its answers ordered by the points they score. */
function criteriaOf(survey: Record<string, unknown>, points: Record<string, number>): Criterion[] {
  const elements = new Map<string, { choices?: unknown[]; rateValues?: unknown[] }>();
  const visit = (nodes: unknown) => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Record<string, unknown>[]) {
      if (typeof node?.name === 'string') elements.set(node.name, node);
      visit(node?.elements);
      visit(node?.templateElements);
    }
  };
  for (const page of (survey.pages ?? []) as { elements?: unknown }[]) visit(page.elements);
  return ratingCriteria(survey).map((name) => {
    const element = elements.get(name)!;
    const values = (element.choices ?? element.rateValues ?? []).map((c) => String(typeof c === 'object' && c !== null ? (c as { value: unknown }).value : c));
    const scored = values.filter((v) => v !== ABSTAIN);
    // Codes the configuration does not score keep their order, spread over the scale.
    const score = (code: string, index: number) => points[code] ?? 100 - (100 * index) / Math.max(1, scored.length - 1);
    const levels = scored.map((code, index) => ({ code, points: score(code, index) })).sort((a, b) => b.points - a.points);
    const thresholds = levels.slice(1).map((level, i) => latentOf((levels[i]!.points + level.points) / 2));
    const profile = CRITERIA[name] ?? { lean: 0, unknown: 0.02 };
    return { name, levels: levels.map((l) => l.code), thresholds, abstain: values.includes(ABSTAIN) ? ABSTAIN : null, ...profile };
  });
}

/**
 * Points on the latent scale: the standard 100/60/0 put 满意 above 0 and 不满意 below −1.2, so a
 * middling department (0.3) is mostly satisfied and a weak one (−0.6) draws a fifth dissatisfied.
 * Other scales (the five-level one) fall where their points put them.
 */
const latentOf = (points: number) => -1.92 + 0.024 * points;

/** One card: the rater's view of a target on each criterion, or 不了解 where it does not know. */
function card(random: Random, target: string, criteria: Criterion[], quality: number, unknown: number): Card {
  const experience = quality + normal(random) * 0.5;
  const knowsNothing = random() < 0.012 + unknown;
  const result: Card = { [TARGET_PROPERTY]: target };
  for (const c of criteria) {
    if (c.abstain && (knowsNothing || random() < 0.035 + c.unknown + unknown / 3)) {
      result[c.name] = c.abstain;
      continue;
    }
    const z = experience + c.lean + normal(random) * 0.4;
    const index = c.thresholds.findIndex((t) => z > t);
    result[c.name] = c.levels[index === -1 ? c.levels.length - 1 : index]!;
  }
  return result;
}

/** The departments an enterprise dealt with, rated; a rater's own leniency runs through its cards. */
function departmentCards(random: Random, rater: DemoRater, panel: Panel): Card[] {
  const leniency = normal(random) * 0.45;
  const affinity = INDUSTRY_CONTACTS[rater.industry ?? ''] ?? {};
  const size = SIZE_CONTACTS[rater.sizeBand ?? ''] ?? 1;
  const ticked = panel.targets.filter((t) => random() < Math.min(0.95, (DEPARTMENTS[t.nameZh] ?? DEFAULT_DEPARTMENT).contact * (affinity[t.nameZh] ?? 1) * size));
  // Everyone has dealt with somebody: the tax bureau, as a rule.
  if (ticked.length === 0) ticked.push(panel.targets.find((t) => t.nameZh === '市税务局') ?? pick(random, panel.targets));
  return ticked.map((t) => {
    const profile = DEPARTMENTS[t.nameZh] ?? DEFAULT_DEPARTMENT;
    return card(random, t.code, panel.criteria, profile.quality + leniency, profile.unknown ?? 0);
  });
}

/** An enterprise rates its own district, and sometimes one more it knows (a busy zone, a neighbour). */
function districtCards(random: Random, rater: DemoRater, panel: Panel, weights: Map<string, number>): Card[] {
  const own = panel.targets.find((t) => t.code === rater.districtCode);
  if (!own) return [];
  const leniency = normal(random) * 0.4;
  const rated = [own];
  if (random() < SHARE.secondDistrict) {
    const others = panel.targets.filter((t) => t !== own).map((t) => [t, weights.get(t.code) ?? 1] as const);
    if (others.length > 0) rated.push(pickWeighted(random, others));
  }
  return rated.map((t, i) => card(random, t.code, panel.criteria, (DISTRICTS[t.nameZh] ?? DEFAULT_DISTRICT) + leniency, i === 0 ? 0 : 0.1));
}

/** District governments deal with nearly every city department, and judge them more kindly. */
function governmentCards(random: Random, panel: Panel): Card[] {
  const leniency = 0.2 + normal(random) * 0.3;
  return panel.targets
    .filter((t) => random() < ((DEPARTMENTS[t.nameZh] ?? DEFAULT_DEPARTMENT).contact >= 0.05 ? 0.92 : 0.65))
    .map((t) => {
      const profile = DEPARTMENTS[t.nameZh] ?? DEFAULT_DEPARTMENT;
      return card(random, t.code, panel.criteria, profile.quality + leniency, 0);
    });
}

/** Enterprises in each district, so that busy districts are the ones others know. */
function districtShares(enterprises: DemoRater[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of enterprises) counts.set(e.districtCode, (counts.get(e.districtCode) ?? 0) + 1);
  return counts;
}

/**
 * A rater's answer to one questionnaire: submitted, a draft left half-way, or nothing.
 * `after`: when the same rater submitted its previous questionnaire, to continue the sitting.
 */
function answer(
  random: Random, clock: Clock, panel: Panel, rater: DemoRater, submits: boolean, cards: Card[], after: Date | null,
  add: (response: SimulatedResponse) => void, draftShare: number = SHARE.draft,
): Date | null {
  const base = { invitationId: rater.invitationId, evaluationId: panel.evaluationId, versionId: panel.versionId, receipt: null };
  if (submits) {
    const data: Answers = { [RATINGS_VALUE]: cards };
    if (random() < SHARE.problems) data.problems = pick(random, PROBLEMS);
    if (random() < SHARE.suggestions) data.suggestions = pick(random, SUGGESTIONS);
    const duration = clock.duration(cards.length * panel.criteria.length);
    const submittedAt = after && random() < 0.85 ? new Date(Math.min(after.getTime() + duration, clock.latest)) : clock.instant();
    const startedAt = new Date(submittedAt.getTime() - duration);
    add({ ...base, status: 'submitted', data, startedAt, updatedAt: submittedAt, submittedAt });
    return submittedAt;
  }
  if (random() < draftShare) {
    // Stopped part-way: some cards done, the one after half answered, the rest untouched.
    const done = Math.floor(random() * cards.length);
    const partial = cards.map((c, i) => (i < done ? c : i === done ? firstAnswers(c, panel.criteria, Math.floor(random() * panel.criteria.length)) : { [TARGET_PROPERTY]: c[TARGET_PROPERTY]! }));
    const updatedAt = clock.instant();
    const startedAt = new Date(updatedAt.getTime() - clock.duration((done + 1) * panel.criteria.length));
    add({ ...base, status: 'draft', data: { [RATINGS_VALUE]: partial }, startedAt, updatedAt, submittedAt: null });
  }
  return null;
}

const firstAnswers = (c: Card, criteria: Criterion[], n: number): Card =>
  Object.fromEntries([[TARGET_PROPERTY, c[TARGET_PROPERTY]!], ...criteria.slice(0, n).map((k) => [k.name, c[k.name]!])]);

/**
 * What the data-quality queue is for (SCORING.md §5): a few ballots filled in far faster than the
 * rest, an enterprise and a district government that gave the top answer to everything, and two
 * enterprises whose ballots are near copies of each other.
 */
function markForReview(random: Random, clock: Clock, responses: SimulatedResponse[], panels: Map<EvaluationKind, Panel>): void {
  const submitted = (kind: EvaluationKind) => {
    const panel = panels.get(kind);
    return panel ? responses.filter((r) => r.status === 'submitted' && r.evaluationId === panel.evaluationId) : [];
  };
  const enterpriseBallots = submitted('enterprise-rates-departments');
  const panel = panels.get('enterprise-rates-departments');
  if (panel && enterpriseBallots.length > 20) {
    for (let i = 0; i < 6; i++) {
      const ballot = pick(random, enterpriseBallots.filter((b) => b.data.ratings.length >= 3));
      ballot.startedAt = new Date(ballot.submittedAt!.getTime() - (20 + random() * 25) * 1000);
    }

    // Straight-lining needs at least ten targets: the busiest departments, all 满意.
    const liner = enterpriseBallots.find((b) => b.data.ratings.length >= 4)!;
    const busiest = [...panel.targets].sort((a, b) => (DEPARTMENTS[b.nameZh] ?? DEFAULT_DEPARTMENT).contact - (DEPARTMENTS[a.nameZh] ?? DEFAULT_DEPARTMENT).contact);
    const codes = new Set([...liner.data.ratings.map((c) => c[TARGET_PROPERTY]!), ...busiest.slice(0, 12).map((t) => t.code)]);
    liner.data = { [RATINGS_VALUE]: panel.targets.filter((t) => codes.has(t.code)).map((t) => topAnswers(t.code, panel.criteria)) };

    // One enterprise sends in another's ballot a few minutes after it, with one answer changed.
    const [original, copy] = enterpriseBallots.filter((b) => b !== liner && b.data.ratings.length >= 4).slice(-2);
    if (original && copy) {
      const cards = original.data.ratings.map((c) => ({ ...c }));
      const changed = panel.criteria[0]!;
      cards[0]![changed.name] = cards[0]![changed.name] === changed.levels[0] ? changed.levels[1]! : changed.levels[0]!;
      copy.data = { [RATINGS_VALUE]: cards };
      copy.submittedAt = new Date(Math.min(original.submittedAt!.getTime() + (2 + random() * 4) * MINUTE_MS, clock.latest));
      copy.updatedAt = copy.submittedAt;
      copy.startedAt = new Date(copy.submittedAt.getTime() - (original.submittedAt!.getTime() - original.startedAt.getTime()) * 0.6);
    }
  }

  const governments = panels.get('district-rates-departments');
  const governmentBallot = submitted('district-rates-departments')[0];
  if (governments && governmentBallot) {
    governmentBallot.data = { [RATINGS_VALUE]: governmentBallot.data.ratings.map((c) => topAnswers(c[TARGET_PROPERTY]!, governments.criteria)) };
  }
}

const topAnswers = (target: string, criteria: Criterion[]): Card => ({ [TARGET_PROPERTY]: target, ...Object.fromEntries(criteria.map((c) => [c.name, c.levels[0]!])) });

type OpenedLinks = Map<string, { first: Date; last: Date }>;

/** Raters who saved or submitted opened their link first; a few others only looked. */
function openedLinks(random: Random, clock: Clock, raters: DemoRater[], responses: SimulatedResponse[]): OpenedLinks {
  const opened: OpenedLinks = new Map();
  for (const r of responses) markOpened(opened, r);
  for (const rater of [...raters].sort(byCode)) {
    if (opened.has(rater.invitationId) || random() >= SHARE.openedOnly) continue;
    const at = clock.instant();
    opened.set(rater.invitationId, { first: at, last: at });
  }
  return opened;
}

/** The link of a saved or submitted response was opened shortly before it was started, and when it was last saved. */
function markOpened(opened: OpenedLinks, r: SimulatedResponse<unknown>): void {
  const seen = opened.get(r.invitationId);
  const first = new Date(r.startedAt.getTime() - 30_000);
  opened.set(r.invitationId, {
    first: seen && seen.first < first ? seen.first : first,
    last: seen && seen.last > r.updatedAt ? seen.last : r.updatedAt,
  });
}

/** Each case's history, step by step from the day it came in, as the office and the unit would have made it. */
function simulateCases(random: Random, input: SimulationInput, responses: (SimulatedResponse & { id: string })[]): SimulatedCase[] {
  const { calendar, now } = input;
  const latest = now.getTime() - 30 * MINUTE_MS;
  const enterprises = input.raters.filter((r) => r.type === 'enterprise').sort(byCode);
  const enterpriseRater = new Map(enterprises.map((r) => [r.invitationId, r]));
  const districtCodes = new Set(input.raters.filter((r) => r.type === 'district').map((r) => r.districtCode));
  const ballots = responses.filter((r) => r.status === 'submitted' && enterpriseRater.has(r.invitationId) && !r.data.problems);
  const taken = new Set<string>();
  const bySpec = new Map<number, SimulatedCase>();

  /** A working day `n` working days after `from` (0: the same day), at an office hour. */
  const workingDay = (from: Date, n: number): Date => {
    const day = n === 0 ? from : calendar.addWorkingDays(from, n);
    const at = startOfBeijingDay(beijingDate(day)).getTime() + (9 + random() * 8) * HOUR_MS;
    return new Date(Math.max(at, from.getTime() + 10 * MINUTE_MS));
  };

  CASES.forEach((spec, index) => {
    const unit = spec.unit ? input.unitCodes.get(spec.unit) : undefined;
    if (spec.unit && !unit) return;
    let createdAt = new Date(startOfBeijingDay(beijingDate(new Date(now.getTime() - spec.daysAgo * DAY_MS))).getTime() + (9 + random() * 9) * HOUR_MS);
    const district = unit && districtCodes.has(unit) ? unit : null;
    // Who raised it: an enterprise of the district concerned; from a ballot, one that had submitted it by then.
    let responseId: string | null = null;
    let rater: DemoRater | undefined;
    if (spec.source === 'ballot') {
      const candidates = ballots.filter((r) => !taken.has(r.invitationId) && (!district || enterpriseRater.get(r.invitationId)!.districtCode === district));
      if (candidates.length === 0) return;
      const earlier = candidates.filter((r) => r.submittedAt! < createdAt);
      const ballot = pick(random, earlier.length > 0 ? earlier : candidates);
      ballot.data.problems = spec.text;
      responseId = ballot.id;
      rater = enterpriseRater.get(ballot.invitationId);
      createdAt = new Date(Math.max(createdAt.getTime(), ballot.submittedAt!.getTime() + HOUR_MS));
    } else if (spec.source === 'complaint' || random() < 0.6) {
      const candidates = enterprises.filter((r) => !taken.has(r.invitationId) && (!district || r.districtCode === district));
      if (candidates.length > 0) rater = pick(random, candidates);
      else if (spec.source === 'complaint') return;
    }
    if (rater) taken.add(rater.invitationId);

    const c: SimulatedCase = {
      id: randomUUID(), source: spec.source, responseId,
      invitationId: spec.source === 'office' ? null : rater!.invitationId,
      enterpriseId: rater?.enterpriseId ?? null,
      identityShared: rater !== undefined && random() < 0.5,
      receivedVia: spec.via ?? null, text: spec.text, category: spec.category, status: 'new', unit: null, deadline: null,
      mergedInto: null, rejectReason: null, reply: null, rectified: null, handlingRating: null,
      createdAt, acceptedAt: null, assignedAt: null, repliedAt: null, closedAt: null, ratedAt: null, events: [],
    };
    // A step that would lie in the future has not happened yet, nor has anything after it.
    let stopped = false;
    const step = (at: Date, actor: 'office' | 'unit' | 'enterprise', action: string, to: CaseStatus, note: string | null, apply?: () => void): void => {
      if (stopped || at.getTime() > latest) {
        stopped = true;
        return;
      }
      c.events.push({ at, actor, action, from: action === 'create' ? null : c.status, to, note });
      c.status = to;
      apply?.();
    };
    step(createdAt, spec.source === 'office' ? 'office' : 'enterprise', 'create', 'new', null);

    const outcome = spec.outcome;
    if (outcome.status === 'rejected') {
      step(workingDay(createdAt, 1), 'office', 'reject', 'rejected', outcome.reason, () => (c.rejectReason = outcome.reason));
    } else if (outcome.status === 'merged') {
      const into = bySpec.get(outcome.into);
      if (!into) return;
      step(workingDay(createdAt, 1), 'office', 'merge', 'merged', null, () => (c.mergedInto = into.id));
    } else if (outcome.status !== 'new' && unit) {
      const assignedAt = workingDay(createdAt, 1);
      step(assignedAt, 'office', 'assign', 'assigned', `${unit} ${spec.unit}`, () => {
        c.unit = unit;
        c.acceptedAt = c.assignedAt = assignedAt;
        c.deadline = calendar.addWorkingDays(assignedAt, DEFAULT_WORKING_DAYS);
      });
      if (outcome.status !== 'assigned') step(workingDay(assignedAt, 1), 'unit', 'start', 'in-progress', null);
      if (outcome.status === 'replied' || outcome.status === 'closed') {
        const repliedAt = workingDay(assignedAt, outcome.replyAfter);
        step(repliedAt, 'unit', 'reply', 'replied', outcome.reply, () => {
          c.reply = outcome.reply;
          c.repliedAt = repliedAt;
        });
      }
      if (outcome.status === 'closed' && c.repliedAt) {
        const closedAt = workingDay(c.repliedAt, 1 + Math.floor(random() * 2));
        step(closedAt, 'office', 'close', 'closed', null, () => {
          c.closedAt = closedAt;
          c.rectified = outcome.rectified;
        });
        // The enterprise rates the handling through its link (回访).
        if (outcome.rating && c.invitationId && c.closedAt) {
          const ratedAt = new Date(c.closedAt.getTime() + (1 + random() * 72) * HOUR_MS);
          step(ratedAt, 'enterprise', 'rate', 'closed', outcome.rating, () => {
            c.handlingRating = outcome.rating;
            c.ratedAt = ratedAt;
          });
        }
      }
    }
    bySpec.set(index, c);
  });
  return [...bySpec.values()];
}

// ---------------------------------------------------------------------------------------------------
// Writing it

export interface DemoAnswersSummary {
  submitted: Partial<Record<EvaluationKind, number>>;
  drafts: number;
  cases: number;
  /** Figures of the CSR declarations the office has verified, corrected or taken from an authority. */
  csrChecks: number;
  ms: number;
}

/**
 * Writes the simulation into the demo campaign, in one transaction and a handful of set-based
 * statements, the rows as the answering path and the cases service would have left them. Only an
 * open campaign without a single response gets any: seeding again adds nothing.
 */
@Injectable()
export class DemoResponsesService {
  private readonly logger = new Logger(DemoResponsesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: WorkingDayCalendarsService,
  ) {}

  async seed(campaignId: string): Promise<DemoAnswersSummary | null> {
    const started = performance.now();
    const summary = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`demo-responses:${campaignId}`]);
      const [campaign] = await manager.query(
        `SELECT c.status, c.scoring_config, EXISTS (SELECT 1 FROM responses r JOIN evaluations e ON e.id = r.evaluation_id WHERE e.campaign_id = c.id) AS answered
           FROM campaigns c WHERE c.id = $1`,
        [campaignId],
      );
      if (!campaign || campaign.status !== 'open' || campaign.answered) return null;

      const now = new Date();
      const opensAt = new Date(startOfBeijingDay(beijingDate(new Date(now.getTime() - DAYS_OPEN * DAY_MS))).getTime() + 9 * HOUR_MS);
      const served = await panels(manager, campaignId);
      const simulation = simulateDemoAnswers({
        now,
        opensAt,
        raters: await demoRaters(manager, campaignId),
        panels: served,
        points: resolveScoringConfig(campaign.scoring_config).points.values,
        calendar: await this.calendars.calendar(manager),
        unitCodes: new Map((await manager.query('SELECT name_zh, code FROM departments UNION ALL SELECT name_zh, code FROM districts')).map((u: { name_zh: string; code: string }) => [u.name_zh, u.code])),
        csrForm: await csrForm(manager, campaignId),
      });
      await write(manager, campaignId, opensAt, served, simulation);
      return summarise(served, simulation);
    });
    if (!summary) return null;
    summary.ms = Math.round(performance.now() - started);
    this.logger.log({ campaignId, ...summary }, 'demo answers seeded');
    return summary;
  }
}

/** Every rater with a link, as the simulation takes them. */
export async function demoRaters(manager: EntityManager, campaignId: string): Promise<DemoRater[]> {
  const rows: { id: string; rater_type: 'enterprise' | 'district'; code: string; enterprise_id: string | null; district_code: string; industry: string | null; size_band: string | null }[] =
    await manager.query(
      `SELECT i.id, i.rater_type, COALESCE(e.uscc, d.code) AS code, i.enterprise_id, COALESCE(ed.code, d.code) AS district_code, e.industry, e.size_band
         FROM invitations i
         LEFT JOIN enterprises e ON e.id = i.enterprise_id
         LEFT JOIN districts ed ON ed.id = e.district_id
         LEFT JOIN districts d ON d.id = i.district_id
        WHERE i.campaign_id = $1 AND i.revoked_at IS NULL`,
      [campaignId],
    );
  return rows.map((r) => ({ invitationId: r.id, type: r.rater_type, code: r.code, enterpriseId: r.enterprise_id, districtCode: r.district_code, industry: r.industry, sizeBand: r.size_band }));
}

/** The csr-declaration evaluation with the version a rater opening a link now is served. */
async function csrForm(manager: EntityManager, campaignId: string): Promise<{ evaluationId: string; versionId: string } | null> {
  const [form]: { evaluation_id: string; version_id: string }[] = await manager.query(
    `SELECT e.id AS evaluation_id, (SELECT q.id FROM questionnaire_versions q WHERE q.evaluation_id = e.id ORDER BY q.version DESC LIMIT 1) AS version_id
       FROM evaluations e WHERE e.campaign_id = $1 AND e.kind = 'csr-declaration'`,
    [campaignId],
  );
  return form?.version_id ? { evaluationId: form.evaluation_id, versionId: form.version_id } : null;
}

/** The rating evaluations with the version a rater opening a link now is served, and their targets in code order. */
async function panels(manager: EntityManager, campaignId: string): Promise<DemoPanel[]> {
  const evaluations: { id: string; kind: EvaluationKind; version_id: string; survey: Record<string, unknown> }[] = await manager.query(
    `SELECT e.id, e.kind, q.id AS version_id, q.survey
       FROM evaluations e
       JOIN LATERAL (SELECT id, survey FROM questionnaire_versions q WHERE q.evaluation_id = e.id ORDER BY version DESC LIMIT 1) q ON true
      WHERE e.campaign_id = $1 AND e.target_group IS NOT NULL`,
    [campaignId],
  );
  const targets: { id: string; evaluation_id: string; code: string; name_zh: string }[] = await manager.query(
    `SELECT t.id, t.evaluation_id, COALESCE(d.code, q.code) AS code, COALESCE(d.name_zh, q.name_zh) AS name_zh
       FROM evaluation_targets t JOIN evaluations e ON e.id = t.evaluation_id
       LEFT JOIN departments d ON d.id = t.department_id LEFT JOIN districts q ON q.id = t.district_id
      WHERE e.campaign_id = $1 ORDER BY code`,
    [campaignId],
  );
  return evaluations.map((e) => ({
    evaluationId: e.id, kind: e.kind, versionId: e.version_id, survey: e.survey,
    targets: targets.filter((t) => t.evaluation_id === e.id).map((t) => ({ id: t.id, code: t.code, nameZh: t.name_zh })),
  }));
}

async function write(manager: EntityManager, campaignId: string, opensAt: Date, panels: DemoPanel[], simulation: Simulation): Promise<void> {
  const criteria = panels.flatMap((p) => ratingCriteria(p.survey).map((name) => ({ version_id: p.versionId, name })));
  const targets = panels.flatMap((p) => p.targets.map((t) => ({ id: t.id, evaluation_id: p.evaluationId, code: t.code })));
  // The campaign has been open (and its links out) since before the first answer.
  await manager.query(
    `UPDATE campaigns SET opens_at = LEAST(opens_at, $2), opened_at = LEAST(opened_at, $2), created_at = LEAST(created_at, $3) WHERE id = $1`,
    [campaignId, opensAt, new Date(opensAt.getTime() - 3 * DAY_MS)],
  );
  await manager.query('UPDATE invitations SET created_at = LEAST(created_at, $2) WHERE campaign_id = $1', [campaignId, new Date(opensAt.getTime() - DAY_MS)]);

  const responses = [...simulation.responses, ...simulation.csr.declarations];
  await manager.query(
    `INSERT INTO responses (id, invitation_id, evaluation_id, questionnaire_version_id, status, data, receipt, started_at, updated_at, submitted_at)
     SELECT id, "invitationId", "evaluationId", "versionId", status, data, receipt, "startedAt", "updatedAt", "submittedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "invitationId" uuid, "evaluationId" uuid, "versionId" uuid, status text, data jsonb,
            receipt text, "startedAt" timestamptz, "updatedAt" timestamptz, "submittedAt" timestamptz)`,
    [JSON.stringify(responses)],
  );
  // One rating row per answered criterion of each card, as the answering path writes them: the
  // criteria of the version answered, string answers only, the card's target by its code.
  await manager.query(
    `WITH criteria AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(version_id uuid, name text)
     ), targets AS (
       SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, evaluation_id uuid, code text)
     )
     INSERT INTO response_ratings (response_id, target_id, criterion, answer)
     SELECT r.id, t.id, a.key, a.value #>> '{}'
       FROM responses r
       CROSS JOIN LATERAL jsonb_array_elements(r.data->'${RATINGS_VALUE}') AS card
       JOIN targets t ON t.evaluation_id = r.evaluation_id AND t.code = card->>'${TARGET_PROPERTY}'
       CROSS JOIN LATERAL jsonb_each(card) AS a
       JOIN criteria c ON c.version_id = r.questionnaire_version_id AND c.name = a.key
      WHERE r.id = ANY($1::uuid[]) AND r.status = 'submitted' AND jsonb_typeof(a.value) = 'string'`,
    [simulation.responses.map((r) => r.id), JSON.stringify(criteria), JSON.stringify(targets)],
  );
  // A version is frozen from the first save that uses it.
  await manager.query(
    `UPDATE questionnaire_versions v SET frozen_at = f.first
       FROM (SELECT questionnaire_version_id, min(started_at) AS first FROM responses WHERE id = ANY($1::uuid[]) GROUP BY 1) f
      WHERE v.id = f.questionnaire_version_id AND v.frozen_at IS NULL`,
    [responses.map((r) => r.id)],
  );
  await manager.query(
    `UPDATE invitations i SET first_opened_at = LEAST(i.first_opened_at, x.first), last_opened_at = GREATEST(i.last_opened_at, x.last)
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, first timestamptz, last timestamptz) WHERE i.id = x.id`,
    [JSON.stringify([...simulation.opened].map(([id, { first, last }]) => ({ id, first, last })))],
  );
  await writeCases(manager, campaignId, simulation.cases);
  await writeCsrChecks(manager, campaignId, simulation.csr.checks);
}

/** The office's user, who the demo's office actions are by. */
async function officeUser(manager: EntityManager): Promise<string | null> {
  const [admin] = await manager.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
  return admin?.id ?? null;
}

/** The office's checks of the declared figures, as the verification and the authorities' import leave them. */
async function writeCsrChecks(manager: EntityManager, campaignId: string, checks: SimulatedCsrCheck[]): Promise<void> {
  if (checks.length === 0) return;
  await manager.query(
    `INSERT INTO csr_figure_checks (campaign_id, enterprise_id, figure, value, source, previous, reason, authority, updated_by, updated_at)
     SELECT $2, x."enterpriseId", x.figure, x.value, x.source, x.previous, x.reason, x.authority, $3, x."checkedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x("enterpriseId" uuid, figure text, value jsonb, source text, previous jsonb, reason text, authority text, "checkedAt" timestamptz)
     ON CONFLICT (campaign_id, enterprise_id, figure) DO NOTHING`,
    [JSON.stringify(checks), campaignId, await officeUser(manager)],
  );
}

/** Cases numbered after any the campaign has, in the order they came in, with their timelines. */
async function writeCases(manager: EntityManager, campaignId: string, cases: SimulatedCase[]): Promise<void> {
  if (cases.length === 0) return;
  // The lock the cases service numbers under.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('cases:' || $1))`, [campaignId]);
  const [{ max }] = await manager.query('SELECT COALESCE(max(number), 0)::int AS max FROM cases WHERE campaign_id = $1', [campaignId]);
  const admin = await officeUser(manager);
  const ordered = [...cases].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await manager.query(
    `INSERT INTO cases (id, campaign_id, number, source, response_id, invitation_id, enterprise_id, identity_shared, received_via, text, category_id, status,
                        department_id, district_id, deadline, merged_into_id, reject_reason, reply, rectified, handling_rating,
                        accepted_at, assigned_at, replied_at, closed_at, rated_at, created_at, updated_at)
     SELECT x.id, $2, x.number, x.source, x."responseId", x."invitationId", x."enterpriseId", x."identityShared", x."receivedVia", x.text, k.id, x.status,
            d.id, q.id, x.deadline, x."mergedInto", x."rejectReason", x.reply, x.rectified, x."handlingRating",
            x."acceptedAt", x."assignedAt", x."repliedAt", x."closedAt", x."ratedAt", x."createdAt",
            GREATEST(x."createdAt", x."assignedAt", x."repliedAt", x."closedAt", x."ratedAt")
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, number int, source text, "responseId" uuid, "invitationId" uuid, "enterpriseId" uuid,
            "identityShared" boolean, "receivedVia" text, text text, category text, status text, unit text, deadline timestamptz, "mergedInto" uuid,
            "rejectReason" text, reply text, rectified boolean, "handlingRating" text, "acceptedAt" timestamptz, "assignedAt" timestamptz,
            "repliedAt" timestamptz, "closedAt" timestamptz, "ratedAt" timestamptz, "createdAt" timestamptz)
       LEFT JOIN case_categories k ON k.code = x.category AND k.active
       LEFT JOIN departments d ON d.code = x.unit
       LEFT JOIN districts q ON q.code = x.unit AND d.id IS NULL`,
    [JSON.stringify(ordered.map((c, i) => ({ ...c, number: max + i + 1, events: undefined }))), campaignId],
  );
  const events = ordered.flatMap((c) => c.events.map((e) => ({
    caseId: c.id, at: e.at, actorKind: e.actor, actorId: e.actor === 'office' ? admin : null, action: e.action, from: e.from, to: e.to, note: e.note,
  })));
  await manager.query(
    `INSERT INTO case_events (case_id, at, actor_kind, actor_id, action, from_status, to_status, note)
     SELECT "caseId", at, "actorKind", "actorId", action, "from", "to", note
       FROM jsonb_to_recordset($1::jsonb) AS x("caseId" uuid, at timestamptz, "actorKind" text, "actorId" uuid, action text, "from" text, "to" text, note text)`,
    [JSON.stringify(events)],
  );
}

function summarise(panels: DemoPanel[], simulation: Simulation): DemoAnswersSummary {
  const kinds = new Map(panels.map((p) => [p.evaluationId, p.kind]));
  const submitted: Partial<Record<EvaluationKind, number>> = {};
  for (const r of simulation.responses) {
    const kind = kinds.get(r.evaluationId)!;
    if (r.status === 'submitted') submitted[kind] = (submitted[kind] ?? 0) + 1;
  }
  if (simulation.csr.declarations.length > 0) submitted['csr-declaration'] = simulation.csr.declarations.length;
  return {
    submitted, drafts: simulation.responses.filter((r) => r.status === 'draft').length, cases: simulation.cases.length,
    csrChecks: simulation.csr.checks.length, ms: 0,
  };
}
