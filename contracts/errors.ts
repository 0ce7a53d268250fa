/**
 * Stable error codes shared by server and web. Each maps to exactly one HTTP status
 * (exhaustive table below) and a default Chinese message with an English one.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 422, zh: '输入有误', en: 'Invalid input' },
  BAD_REQUEST: { status: 400, zh: '请求格式错误', en: 'Malformed request' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_TOO_MANY_ATTEMPTS: {
    status: 429,
    zh: '登录失败次数过多，请 15 分钟后再试',
    en: 'Too many failed sign-ins, try again in 15 minutes',
  },
  CSRF_FAILED: { status: 403, zh: '请求校验失败，请刷新页面后重试', en: 'CSRF check failed, reload the page' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在或不在您的管辖范围内', en: 'Not found' },
  CONFLICT: { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else' },
  CASE_INVALID_TRANSITION: { status: 409, zh: '当前状态不允许此操作', en: 'Not allowed in the current state' },
  CASE_REOPEN_NOT_REPORTER: { status: 403, zh: '只有上报人可以申请重新办理', en: 'Only the reporter may reopen' },
  CASE_REOPEN_WINDOW_CLOSED: { status: 409, zh: '已超过可重新办理的期限', en: 'The reopening window has passed' },
  DUPLICATE: { status: 409, zh: '记录已存在', en: 'Already exists' },
  IN_USE: { status: 409, zh: '该记录仍在使用中，不能执行此操作', en: 'Still in use' },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'This account is disabled' },
  AUTH_TOTP_REQUIRED: { status: 401, zh: '请输入动态口令', en: 'Enter your one-time code' },
  AUTH_TOTP_INVALID: { status: 401, zh: '动态口令错误或已过期', en: 'Wrong or expired one-time code' },
  ACCOUNT_RESTRICTED: {
    status: 403,
    zh: '请先完成账号要求的操作（修改密码、绑定动态口令或等待实名核验）',
    en: 'Complete the pending account step first',
  },
  PASSWORD_TOO_WEAK: { status: 422, zh: '密码强度不足', en: 'Password is too weak' },
  SETUP_DONE: { status: 409, zh: '系统已完成初始化', en: 'Already set up' },
  SETUP_CODE_INVALID: { status: 422, zh: '初始化码不正确（见服务器启动时的控制台输出）', en: 'Wrong setup code' },
  SETUP_CODE_LOCKED: {
    status: 429,
    zh: '初始化码错误次数过多，请 15 分钟后再试，或重启服务获取新的初始化码',
    en: 'Too many wrong setup codes',
  },
  DECISION_STEP_OUT_OF_ORDER: {
    status: 409,
    zh: '四议两公开须按顺序进行，不能跳过或重复步骤',
    en: 'Decision steps must follow their order',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '文件过大', en: 'File too large' },
  STORE_UNAVAILABLE: {
    status: 503,
    zh: '文件存储暂时不可用，请稍后重试（文件未保存）',
    en: 'File storage is unavailable; nothing was saved',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<
  string,
  { status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503; zh: string; en: string }
>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorDetail {
  path: string;
  message: string;
}
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}
