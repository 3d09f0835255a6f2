import type { Language } from '../shared/language';
import type { AwardKind } from './resultNames';

/**
 * The public results page's strings, kept here rather than in an i18next namespace: the page is
 * for everyone and small, and it must not pull in the console's strings.
 */
const zh = {
  heading: (year: number) => `${year} 外商投资企业服务月评议结果`,
  subheading: (year: number) => `${year} Foreign-Invested Enterprise Service Month: Results`,
  published: (date: string) => `发布日期：${date}`,
  intro: '以下单位经外商投资企业评议、区县政府评议和评议部检查，按类别排名，经评议部确认后公布。名单按类别内排名排列。',
  /** How an award's list was drawn up, where it is not from the evaluations. */
  awardNotes: {
    'csr-enterprise': '根据企业申报的社会责任数据评选，申报数据经评议部核查，部分以主管部门数据为准；各规模企业统一排名。',
  } as Partial<Record<AwardKind, string>>,
  composite: '综合得分',
  rank: (rank: number) => `第 ${rank} 名`,
  none: '本类别无获奖单位。',
  noAwards: '本次评议未评出获奖单位。',
  notPublished: {
    title: '结果尚未发布',
    text: '该评议活动的结果尚未发布，或地址有误。结果发布后即可在此查看。',
  },
  failed: '结果暂时无法加载，请稍后重试。',
  retry: '重新加载',
};

const en: typeof zh = {
  heading: (year: number) => `${year} Foreign-Invested Enterprise Service Month: Results`,
  subheading: (year: number) => `${year} 外商投资企业服务月评议结果`,
  published: (date: string) => `Published ${date}`,
  intro: 'These units were rated by foreign-invested enterprises and by the district governments and inspected by the Evaluation Office, ranked within their categories and confirmed by the office. Each list is in the order of the ranking.',
  awardNotes: {
    'csr-enterprise': 'Selected on the corporate social responsibility figures from the enterprises’ declarations as checked by the office, with the authorities’ records where it had them; enterprises of every size are ranked together.',
  },
  composite: 'Composite score',
  rank: (rank: number) => `Rank ${rank}`,
  none: 'No unit is awarded in this category.',
  noAwards: 'No unit received an award in this evaluation.',
  notPublished: {
    title: 'The results have not been published',
    text: 'The results of this evaluation have not been published yet, or the address is wrong. Once published, they appear here.',
  },
  failed: 'The results cannot be loaded at the moment; please try again later.',
  retry: 'Reload',
};

export const PUBLIC_RESULTS_TEXTS: Record<Language, typeof zh> = { 'zh-CN': zh, en };
