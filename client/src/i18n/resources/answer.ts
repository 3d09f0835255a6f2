/** Strings for the public answering pages reached through a rater's link (/s/:token). */
export const answerZh = {
  pageTitle: '评议问卷',
  greeting: '{{name}}，您好！',
  intro: '以下是请您填写的评议问卷，感谢您的支持。',
  empty: '目前没有需要您填写的问卷。',
  questionnaires: '问卷列表',
  status: {
    not_started: '未开始',
    in_progress: '填写中',
    submitted: '已提交',
    closed: '已截止',
  },
  invalid: {
    title: '此链接无效或已失效',
    hint: '请核对链接是否完整，或联系向您发送链接的工作人员获取新链接。',
  },
  loadFailed: '问卷加载失败',
  retry: '重试',
};

export const answerEn: typeof answerZh = {
  pageTitle: 'Evaluation questionnaires',
  greeting: 'Hello, {{name}}',
  intro: 'Please fill in the evaluation questionnaires below. Thank you for your support.',
  empty: 'There are no questionnaires for you to fill in at the moment.',
  questionnaires: 'Questionnaires',
  status: {
    not_started: 'Not started',
    in_progress: 'In progress',
    submitted: 'Submitted',
    closed: 'Closed',
  },
  invalid: {
    title: 'This link is not valid or has expired',
    hint: 'Please check that the link is complete, or ask the person who sent it to you for a new one.',
  },
  loadFailed: 'Could not load the questionnaires',
  retry: 'Try again',
};
