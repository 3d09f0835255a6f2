/** Strings shared by the public answering pages and the console. */
export const commonZh = {
  appName: '千家外商投资企业评议',
  appShortName: '外企评议',
  loading: '加载中…',
  reload: '重新加载',
  language: '语言',
  notFound: {
    title: '页面不存在',
    description: '您访问的地址不存在，可能已被移除或输入有误。',
    backHome: '返回首页',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    server: '服务器暂时无法处理请求（HTTP {{status}}），请稍后重试。',
    unknown: '发生未知错误，请稍后重试。',
    requestId: '请求编号：{{requestId}}',
  },
};

export const commonEn: typeof commonZh = {
  appName: 'Foreign-Invested Enterprise Evaluation',
  appShortName: 'FIE Evaluation',
  loading: 'Loading…',
  reload: 'Reload',
  language: 'Language',
  notFound: {
    title: 'Page not found',
    description: 'The address you requested does not exist. It may have been removed or mistyped.',
    backHome: 'Back to home',
  },
  errors: {
    network: 'Cannot reach the server. Please check your connection and try again.',
    server: 'The server could not handle the request (HTTP {{status}}). Please try again later.',
    unknown: 'Something went wrong. Please try again later.',
    requestId: 'Request ID: {{requestId}}',
  },
};
