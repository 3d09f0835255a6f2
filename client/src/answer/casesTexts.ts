import type { Language } from '../shared/language';

/**
 * Strings of the complaint form and the list of cases, kept beside them in their own chunk rather
 * than in resources/answer.ts, so that raters who never open the section do not download them.
 */
const zh = {
  form: '反映问题或投诉',
  text: '请描述遇到的问题',
  share: '是否允许承办单位知道是贵公司反映的？',
  shareYes: '允许',
  shareNo: '不允许（承办单位看不到公司名称）',
  how: '评议办公室会阅读每一条投诉并交由相关部门或县（市）区办理，承办单位一般须在 15 个工作日内答复。答复后您可以在这里查看并评价。',
  send: '提交',
  sending: '正在提交…',
  cancel: '取消',
  fromBallot: '问卷中反映',
  status: {
    received: '已收到',
    handling: '{unit}正在办理',
    replied: '已答复',
    closed: '已办结',
    rejected: '不予受理',
  },
  reply: '答复',
  rate: '您对办理情况是否满意？',
  ratings: { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' },
  network: '网络连接失败，请稍后再试。',
};

const en: typeof zh = {
  form: 'Raise a problem or complaint',
  text: 'Describe the problem',
  share: 'May the department handling it see that it was your company?',
  shareYes: 'Yes',
  shareNo: 'No (the department does not see your company name)',
  how: 'The evaluation office reads every complaint and assigns it to the department or district concerned, which usually has 15 working days to reply. You can read the reply here and rate it.',
  send: 'Send',
  sending: 'Sending…',
  cancel: 'Cancel',
  fromBallot: 'From your questionnaire',
  status: {
    received: 'Received',
    handling: 'Being handled by {unit}',
    replied: 'Replied',
    closed: 'Closed',
    rejected: 'Not taken up',
  },
  reply: 'Reply',
  rate: 'Are you satisfied with how it was handled?',
  ratings: { satisfied: 'Satisfied', basically: 'Basically satisfied', dissatisfied: 'Dissatisfied' },
  network: 'No connection. Please try again later.',
};

export const casesTexts = (language: Language) => (language === 'en' ? en : zh);
