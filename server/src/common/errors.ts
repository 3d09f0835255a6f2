import { HttpStatus } from '@nestjs/common';

/** Every error the API answers with has one of these codes; clients switch on the code. */
export enum ErrorCode {
  BadRequest = 'BAD_REQUEST',
  MalformedJson = 'MALFORMED_JSON',
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  WrongPassword = 'WRONG_PASSWORD',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  Conflict = 'CONFLICT',
  UsernameTaken = 'USERNAME_TAKEN',
  LastAdmin = 'LAST_ADMIN',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  TooManyLoginAttempts = 'TOO_MANY_LOGIN_ATTEMPTS',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  FileMissing = 'FILE_MISSING',
  FileTooLarge = 'FILE_TOO_LARGE',
  FileUnsupported = 'FILE_UNSUPPORTED',
  FileUnreadable = 'FILE_UNREADABLE',
  TooManyRows = 'TOO_MANY_ROWS',
  ImportInvalid = 'IMPORT_INVALID',
  AssessmentsInvalid = 'ASSESSMENTS_INVALID',
  InUse = 'IN_USE',
  CampaignNotDraft = 'CAMPAIGN_NOT_DRAFT',
  CampaignTransition = 'CAMPAIGN_TRANSITION_NOT_ALLOWED',
  CampaignEmptyDirectory = 'CAMPAIGN_EMPTY_DIRECTORY',
  SlugTaken = 'SLUG_TAKEN',
  CampaignClosed = 'CAMPAIGN_CLOSED',
  LinkNotFound = 'LINK_NOT_FOUND',
  CampaignNotOpen = 'CAMPAIGN_NOT_OPEN',
  QuestionnaireNotFound = 'QUESTIONNAIRE_NOT_FOUND',
  AlreadySubmitted = 'ALREADY_SUBMITTED',
  BallotInvalid = 'BALLOT_INVALID',
  AnswersMissing = 'ANSWERS_MISSING',
  AnswersTooLarge = 'ANSWERS_TOO_LARGE',
  Internal = 'INTERNAL_ERROR',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  EvaluationNotFound = 'EVALUATION_NOT_FOUND',
  QuestionnaireVersionNotFound = 'QUESTIONNAIRE_VERSION_NOT_FOUND',
  QuestionnaireInvalid = 'QUESTIONNAIRE_INVALID',
  QuestionnaireTooLarge = 'QUESTIONNAIRE_TOO_LARGE',
  QuestionnaireLocked = 'QUESTIONNAIRE_LOCKED',
  CaseNotFound = 'CASE_NOT_FOUND',
  CaseTransition = 'CASE_TRANSITION_NOT_ALLOWED',
  ResultsNotComputed = 'RESULTS_NOT_COMPUTED',
  ResultsFrozen = 'RESULTS_FROZEN',
  ResultsOutdated = 'RESULTS_OUTDATED',
  ResultsComputing = 'RESULTS_COMPUTING',
  ResultsNotAvailable = 'RESULTS_NOT_AVAILABLE',
  AwardsNotConfirmed = 'AWARDS_NOT_CONFIRMED',
  AwardsNeedClosedCampaign = 'AWARDS_NEED_CLOSED_CAMPAIGN',
  ScoringConfigInvalid = 'SCORING_CONFIG_INVALID',
  ResponseNotFound = 'RESPONSE_NOT_FOUND',
  CsrDeclarationNotFound = 'CSR_DECLARATION_NOT_FOUND',
  CsrFigureInvalid = 'CSR_FIGURE_INVALID',
  AwardOverrideInvalid = 'AWARD_OVERRIDE_INVALID',
}

export interface LocalisedText {
  zh: string;
  en: string;
}

const catalogue: Record<ErrorCode, { status: number } & LocalisedText> = {
  [ErrorCode.BadRequest]: { status: 400, zh: '请求无效。', en: 'The request is not valid.' },
  [ErrorCode.MalformedJson]: { status: 400, zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  [ErrorCode.ValidationFailed]: { status: 400, zh: '提交的内容有误，请检查后重试。', en: 'Some of the data sent is not valid; please check it and try again.' },
  [ErrorCode.Unauthenticated]: { status: 401, zh: '请先登录。', en: 'Please sign in first.' },
  [ErrorCode.InvalidCredentials]: { status: 401, zh: '用户名或密码错误。', en: 'Wrong username or password.' },
  [ErrorCode.WrongPassword]: { status: 400, zh: '当前密码不正确。', en: 'The current password is not correct.' },
  [ErrorCode.Forbidden]: { status: 403, zh: '您没有权限执行此操作。', en: 'You do not have permission to do this.' },
  [ErrorCode.NotFound]: { status: 404, zh: '未找到所请求的内容。', en: 'What you asked for was not found.' },
  [ErrorCode.RouteNotFound]: { status: 404, zh: '接口不存在。', en: 'There is no such API route.' },
  [ErrorCode.MethodNotAllowed]: { status: 405, zh: '不支持此请求方法。', en: 'This method is not allowed here.' },
  [ErrorCode.Conflict]: { status: 409, zh: '与现有数据冲突。', en: 'This conflicts with existing data.' },
  [ErrorCode.UsernameTaken]: { status: 409, zh: '该用户名已被使用。', en: 'This username is already taken.' },
  [ErrorCode.LastAdmin]: { status: 409, zh: '至少需要保留一个启用的管理员账号。', en: 'At least one active administrator must remain.' },
  [ErrorCode.PayloadTooLarge]: { status: 413, zh: '请求内容过大（上限 1 MB）。', en: 'The request is too large (limit 1 MB).' },
  [ErrorCode.UnsupportedMediaType]: { status: 415, zh: '不支持的内容类型。', en: 'This content type is not supported.' },
  [ErrorCode.TooManyLoginAttempts]: { status: 429, zh: '登录失败次数过多，请 15 分钟后再试。', en: 'Too many failed sign-in attempts; please try again in 15 minutes.' },
  [ErrorCode.TooManyRequests]: { status: 429, zh: '请求过于频繁，请稍后再试。', en: 'Too many requests; please try again shortly.' },
  [ErrorCode.FileMissing]: { status: 400, zh: '请选择要上传的文件（表单字段 file）。', en: 'Please choose a file to upload (form field "file").' },
  [ErrorCode.FileTooLarge]: { status: 413, zh: '文件过大（上限 20 MB）。', en: 'The file is too large (limit 20 MB).' },
  [ErrorCode.FileUnsupported]: { status: 415, zh: '只支持 .xlsx 和 .csv 文件；.xls 请在 Excel 中另存为 .xlsx。', en: 'Only .xlsx and .csv files are accepted; save an .xls file as .xlsx in Excel.' },
  [ErrorCode.FileUnreadable]: { status: 422, zh: '无法读取该文件，可能已损坏或没有表头行。', en: 'The file cannot be read; it may be damaged or have no header row.' },
  [ErrorCode.TooManyRows]: { status: 413, zh: '文件行数过多（上限 50,000 行），请拆分后分批导入。', en: 'The file has too many rows (limit 50,000); split it and import the parts.' },
  [ErrorCode.ImportInvalid]: { status: 422, zh: '文件中有错误，未导入任何数据。请按错误列表修改后重新导入。', en: 'The file has errors and nothing was imported. Correct the rows listed and import it again.' },
  [ErrorCode.AssessmentsInvalid]: { status: 422, zh: '部分检查评分有误，未保存任何内容。请按提示修改后再保存。', en: 'Some assessments are not valid and nothing was saved. Correct the values marked and save again.' },
  [ErrorCode.InUse]: { status: 409, zh: '该记录仍被其他数据引用，不能删除。', en: 'This record is still referred to elsewhere and cannot be deleted.' },
  [ErrorCode.CampaignNotDraft]: { status: 409, zh: '评议活动已开始，配置已冻结，不能再修改。', en: 'The campaign has opened; its configuration is frozen and cannot be changed.' },
  [ErrorCode.CampaignTransition]: { status: 409, zh: '评议活动当前状态下不能执行此操作。', en: 'The campaign cannot do this in its current state.' },
  [ErrorCode.CampaignEmptyDirectory]: { status: 409, zh: '名录中还没有部门、区县或企业，请先导入名录。', en: 'The directory has no departments, districts or enterprises yet; import it first.' },
  [ErrorCode.SlugTaken]: { status: 409, zh: '该活动标识已被使用，请换一个。', en: 'This campaign slug is already used; choose another.' },
  [ErrorCode.CampaignClosed]: { status: 409, zh: '本次评议已经结束，不再接受填写或修改。已保存的草稿仍然保留。', en: 'This evaluation has closed and no longer accepts answers or changes. Any saved draft is kept.' },
  [ErrorCode.CampaignNotOpen]: { status: 409, zh: '本次评议尚未开始，开始后即可填写。', en: 'This evaluation has not opened yet; you can answer once it opens.' },
  [ErrorCode.QuestionnaireNotFound]: { status: 404, zh: '此链接下没有这份问卷。', en: 'There is no such questionnaire behind this link.' },
  [ErrorCode.AlreadySubmitted]: { status: 409, zh: '这份问卷已经提交，不能再修改。', en: 'This questionnaire has already been submitted and cannot be changed.' },
  [ErrorCode.BallotInvalid]: { status: 422, zh: '部分答案需要修改，请查看各题下的提示。', en: 'Some answers need attention; see the note under each question.' },
  [ErrorCode.AnswersTooLarge]: { status: 413, zh: '答卷内容过大（上限 4 MB），请缩短较长的文字后再试。', en: 'The answers are too large (limit 4 MB); please shorten the longest texts and try again.' },
  [ErrorCode.AnswersMissing]: { status: 422, zh: '请求中缺少答案（data 应为一个对象）。', en: 'The request carries no answers ("data" must be an object).' },
  [ErrorCode.LinkNotFound]: { status: 404, zh: '此链接无效或已失效。', en: 'This link is not valid or has expired.' },
  [ErrorCode.Internal]: { status: 500, zh: '服务器内部错误，请稍后再试。', en: 'Something went wrong on the server; please try again later.' },
  [ErrorCode.DatabaseUnavailable]: { status: 503, zh: '数据库暂时不可用，请稍后再试。', en: 'The database is unavailable for the moment; please try again later.' },
  [ErrorCode.EvaluationNotFound]: { status: 404, zh: '未找到该评议项目。', en: 'There is no such evaluation.' },
  [ErrorCode.QuestionnaireVersionNotFound]: { status: 404, zh: '该评议项目没有这个问卷版本。', en: 'This evaluation has no such questionnaire version.' },
  [ErrorCode.QuestionnaireInvalid]: { status: 422, zh: '问卷有错误，未保存。请按问题列表修改后再保存。', en: 'The questionnaire has errors and was not saved. Correct the problems listed and save again.' },
  [ErrorCode.QuestionnaireTooLarge]: { status: 413, zh: '问卷过大（上限 256 KB），请精简后再保存。', en: 'The questionnaire is too large (limit 256 KB); shorten it and save again.' },
  [ErrorCode.QuestionnaireLocked]: { status: 409, zh: '评议活动已结束，问卷不能再修改。', en: 'The campaign has closed; its questionnaires can no longer be changed.' },
  [ErrorCode.CaseNotFound]: { status: 404, zh: '没有这个案件，或您无权查看。', en: 'There is no such case, or it is not yours to see.' },
  [ErrorCode.CaseTransition]: { status: 409, zh: '案件当前状态下不能这样操作，请看下方说明。', en: 'The case cannot do this in its current status; see the note below.' },
  [ErrorCode.ResultsNotComputed]: { status: 404, zh: '本次评议的结果尚未计算，请先计算结果。', en: 'The results of this campaign have not been computed yet; compute them first.' },
  [ErrorCode.ResultsFrozen]: { status: 409, zh: '结果已经发布，不能再重新计算或修改。', en: 'The results have been published and can no longer be recomputed or changed.' },
  [ErrorCode.ResultsOutdated]: {
    status: 409,
    zh: '计算结果之后，检查得分、否决名单、社会责任申报的核查数据、作废的答卷或名录有了变化，请先重新计算结果再确认。',
    en: 'Inspection scores, vetoes, checked CSR figures, voided ballots or the directory changed after the results were computed; recompute them before confirming.',
  },
  [ErrorCode.ResultsComputing]: { status: 409, zh: '结果正在计算中，请稍候。', en: 'The results are being computed; please wait.' },
  [ErrorCode.ResultsNotAvailable]: { status: 409, zh: '评议尚未开始，还没有可计算的答卷。', en: 'The campaign has not opened yet, so there are no ballots to score.' },
  [ErrorCode.AwardsNotConfirmed]: { status: 409, zh: '发布前，请先在结果页确认获奖名单。', en: 'Confirm the awards on the results page before publishing.' },
  [ErrorCode.AwardsNeedClosedCampaign]: { status: 409, zh: '评议结束后才能确认获奖名单：还可能有新的答卷。', en: 'Awards can be confirmed only after the campaign has closed: new ballots may still arrive.' },
  [ErrorCode.ScoringConfigInvalid]: { status: 422, zh: '评分配置有误，请看下方说明。', en: 'The scoring configuration is not valid; see the notes below.' },
  [ErrorCode.ResponseNotFound]: { status: 404, zh: '没有这份答卷。', en: 'There is no such ballot.' },
  [ErrorCode.CsrDeclarationNotFound]: { status: 404, zh: '该企业在本次评议中没有提交社会责任申报。', en: 'This enterprise has not submitted a social responsibility declaration in this campaign.' },
  [ErrorCode.AwardOverrideInvalid]: { status: 422, zh: '这一调整不符合评选规则，未保存。', en: 'This decision is against the selection rules and was not saved.' },
  [ErrorCode.CsrFigureInvalid]: { status: 422, zh: '核实内容有误，未保存。请按提示修改。', en: 'The check is not valid and nothing was saved; see the notes below.' },
};

export function describeError(code: ErrorCode): { status: number } & LocalisedText {
  return catalogue[code];
}

/** A field-level problem, as listed in `errors` of a 400/422 answer. */
export interface FieldError {
  field: string;
  message: string;
  /** When present, `message` is given in the language the request asked for. */
  messages?: LocalisedText;
  /** What kind of problem, for clients that react to it (a ballot's `required`, `not-allowed`, …). */
  code?: string;
}

/** A problem in one cell of an imported file; `row` is the row number as Excel shows it. */
export interface RowError {
  row: number;
  column: string;
  messages: LocalisedText;
}

/** The one way the application raises an error meant for a person to read. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: { errors?: FieldError[] | RowError[]; headers?: Record<string, string> } = {},
  ) {
    super(catalogue[code].en);
    this.status = catalogue[code].status;
  }
}

/** The generic code for a status raised by Nest or Express itself. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case HttpStatus.BAD_REQUEST: return ErrorCode.BadRequest;
    case HttpStatus.UNAUTHORIZED: return ErrorCode.Unauthenticated;
    case HttpStatus.FORBIDDEN: return ErrorCode.Forbidden;
    case HttpStatus.NOT_FOUND: return ErrorCode.NotFound;
    case HttpStatus.METHOD_NOT_ALLOWED: return ErrorCode.MethodNotAllowed;
    case HttpStatus.CONFLICT: return ErrorCode.Conflict;
    case HttpStatus.PAYLOAD_TOO_LARGE: return ErrorCode.PayloadTooLarge;
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE: return ErrorCode.UnsupportedMediaType;
    case HttpStatus.TOO_MANY_REQUESTS: return ErrorCode.TooManyRequests;
    default: return status >= 500 ? ErrorCode.Internal : ErrorCode.BadRequest;
  }
}
