import { setupLocale } from 'survey-core';

/**
 * survey-core's Simplified Chinese, for what these questionnaires can show. Its full
 * dictionary (survey-core/i18n/simplified-chinese) weighs 3 KB gzipped on a phone
 * route with no room for it, and renders the carousel's "3 / 7" as "37".
 * Anything missing here falls back to English.
 */
setupLocale({
  localeCode: 'zh-cn',
  nativeName: '简体中文',
  englishName: 'Simplified Chinese',
  strings: {
    pagePrevText: '上一页',
    pageNextText: '下一页',
    completeText: '提交',
    otherItemText: '其他（请说明）',
    noneItemText: '无',
    selectAllItemText: '全选',
    deselectAllItemText: '取消全选',
    panelDynamicProgressText: '{0} / {1}',
    placeholder: '请选择…',
    requiredError: '请回答此题。',
    requiredErrorInPanel: '请至少回答一题。',
    requiredInAllRowsError: '请回答每一行。',
    otherRequiredError: '请填写“其他”的内容。',
    numericError: '请输入数字。',
    minError: '不能小于 {0}。',
    maxError: '不能大于 {0}。',
    invalidInputError: '输入无效。',
    textMaxLength: '不能超过 {0} 个字符。',
    minSelectError: '请至少选择 {0} 项。',
    maxSelectError: '最多选择 {0} 项。',
    booleanCheckedLabel: '是',
    booleanUncheckedLabel: '否',
    clearCaption: '清除',
    loadingSurvey: '问卷加载中…',
  },
});
