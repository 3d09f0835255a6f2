/**
 * Strings of the public answer page reached through a rater's link (/s/:token).
 * Plain objects read without i18next, to keep that page small; `{name}` marks a value filled in.
 */
export const answerZh = {
  pageTitle: '评议问卷',
  greeting: '{name}，您好！',
  intro: '请填写下列问卷。答案会自动保存，您可以随时回来继续，也可以在另一台设备上打开同一链接继续填写。',
  closesAt: '截止时间：{time}',
  questionnaires: '问卷列表',
  empty: '目前没有需要您填写的问卷。',
  status: {
    'not-started': '未开始',
    draft: '草稿已保存（{time}）',
    submitted: '已提交 · 回执编号 {receipt}',
  },
  open: {
    'not-started': '开始填写',
    draft: '继续填写',
    submitted: '查看',
  },
  privacy: {
    title: '保密说明',
    stored: '我们只保存您的答案和保存时间，不记录 IP 地址或设备信息。',
    access: '评议办公室可以查看答卷；被评的部门和县（市）区只能看到汇总结果，且某项数据须有至少 5 份答卷支撑才会显示。',
    published: '评议结果只以汇总形式公布。',
  },
  notOpen: {
    title: '评议尚未开始',
    opensAt: '将于 {time} 开始，届时请通过此链接填写。',
    later: '开始后即可通过此链接填写。',
  },
  closed: {
    title: '本次评议已经结束',
    text: '不再接受填写或修改。已保存的草稿仍然保留，但不能再提交。',
  },
  back: '返回问卷列表',
  save: {
    saving: '正在保存…',
    saved: '已保存 {time}',
    failed: '未保存',
    retry: '重试',
  },
  submitting: '正在提交…',
  submitFailed: '提交失败，请检查网络后再试。',
  receipt: {
    title: '提交成功，感谢您的参与！',
    code: '回执编号',
    time: '提交时间',
    hint: '请记下回执编号，以便日后核对。',
  },
  invalid: {
    title: '此链接无效或已失效',
    hint: '请核对链接是否完整，或联系向您发送链接的工作人员获取新链接。',
  },
  loadFailed: '问卷加载失败',
  retry: '重试',
  complaints: {
    title: '问题与投诉',
    raise: '反映问题或投诉',
  },
};

export const answerEn: typeof answerZh = {
  pageTitle: 'Evaluation questionnaires',
  greeting: 'Hello, {name}',
  intro: 'Please fill in the questionnaires below. Your answers are saved as you go: you can come back at any time, or continue on another device with the same link.',
  closesAt: 'Closes: {time}',
  questionnaires: 'Questionnaires',
  empty: 'There are no questionnaires for you to fill in at the moment.',
  status: {
    'not-started': 'Not started',
    draft: 'Draft saved ({time})',
    submitted: 'Submitted · receipt {receipt}',
  },
  open: {
    'not-started': 'Start',
    draft: 'Continue',
    submitted: 'View',
  },
  privacy: {
    title: 'Confidentiality',
    stored: 'We store only your answers and the time they were saved; no IP address or device information.',
    access: 'The evaluation office sees the answers. Departments and districts see only aggregated results, and a figure is shown only where at least 5 ballots back it.',
    published: 'Results are published only in aggregate.',
  },
  notOpen: {
    title: 'The evaluation has not opened yet',
    opensAt: 'It opens on {time}; please come back to this link then.',
    later: 'You can answer through this link once it opens.',
  },
  closed: {
    title: 'This evaluation has closed',
    text: 'Answers and changes are no longer accepted. A saved draft is kept but can no longer be sent.',
  },
  back: 'Back to the questionnaires',
  save: {
    saving: 'Saving…',
    saved: 'Saved {time}',
    failed: 'Not saved',
    retry: 'Retry',
  },
  submitting: 'Submitting…',
  submitFailed: 'Could not submit. Please check your connection and try again.',
  receipt: {
    title: 'Submitted. Thank you for taking part!',
    code: 'Receipt code',
    time: 'Submitted at',
    hint: 'Please note the receipt code in case you need to refer to it.',
  },
  invalid: {
    title: 'This link is not valid or has expired',
    hint: 'Please check that the link is complete, or ask the person who sent it to you for a new one.',
  },
  loadFailed: 'Could not load the questionnaires',
  retry: 'Try again',
  complaints: {
    title: 'Problems and complaints',
    raise: 'Raise a problem or complaint',
  },
};
