/**
 * Strings of 我的结果, the results page of a department or district user, part of the console's
 * namespace (resources/console.ts, key `myResults`). Column names and the like come from `results`.
 */
export const myResultsZh = {
  title: '我的结果',
  campaign: '评议活动',
  noCampaigns: '还没有可查看结果的评议活动。',
  noUnit: '您的账号没有关联部门或县(市)区，请联系评议部。',
  notRated: '本次评议的结果中没有本单位。',
  rankInCategory: '{{category}}内名次（90% 区间）',
  details: '查看分项得分和答案分布',
  award: '评选结果',
  awarded: '获评{{award}}',
  notAwarded: '未获奖',
  proposed: '评选规则提名',
  yes: '是',
  no: '否',
  awardAfterPublication: '评选结果在评议部发布后显示。',
};

export const myResultsEn: typeof myResultsZh = {
  title: 'My results',
  campaign: 'Campaign',
  noCampaigns: 'There is no campaign with results to see yet.',
  noUnit: 'Your account is not linked to a department or district; please contact the Evaluation Office.',
  notRated: 'Your unit is not in the results of this campaign.',
  rankInCategory: 'Rank in {{category}} (90% interval)',
  details: 'Criterion scores and answers',
  award: 'Award',
  awarded: 'Awarded: {{award}}',
  notAwarded: 'Not awarded',
  proposed: 'Proposed by the rules',
  yes: 'Yes',
  no: 'No',
  awardAfterPublication: 'The awards show here once the Evaluation Office publishes the results.',
};
