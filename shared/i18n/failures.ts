/**
 * Why a request failed, as the user reads it. The server sends a `code` with every refusal (and the field errors
 * with the rule each broke); the client words them in its user's language here, so a Chinese screen never shows
 * the server's English.
 */
import type { Locale } from '../model/common.ts';
import type { FieldError } from '../validate.ts';

/** Every refusal's code: the server's, and the client's own for answers that never came from it. */
export const ERROR_CODES = [
  'invalid',
  'signIn',
  'wrongLogin',
  'forbidden',
  'role',
  'notFound',
  'conflict',
  'archived',
  'tooLarge',
  'unsupported',
  'rateLimited',
  'unavailable',
  'internal',
  // Client-side: no answer at all, or an answer that is not our server's (a portal, a proxy's page).
  'offline',
  'notOurServer',
  // The phone's own: a record whose photo is gone from the phone, or could not be stored on it.
  'photoMissing',
  'photoNotStored',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error answer's body: what is wrong in English words, its code for clients to word, and the fields it is about. */
export interface Refused {
  error: string;
  code: ErrorCode;
  fields: FieldError[];
}

const CODE_WORDS: Record<ErrorCode, readonly [string, string]> = {
  invalid: ['填写的内容有误', 'Something in the form is not right'],
  signIn: ['请先登录', 'Please sign in first'],
  wrongLogin: ['用户名或密码错误', 'Wrong username or password'],
  forbidden: ['您没有权限执行此操作', 'You are not allowed to do this'],
  role: ['您在本项目的角色不能执行此操作', 'Your role in this estate does not allow this'],
  notFound: ['没有找到这条记录,可能已被删除', 'Not found: it may have been removed'],
  conflict: ['记录的状态已变化,请刷新后再试', 'It has changed in the meantime: reload and try again'],
  archived: ['该项目已停用,只能查看不能修改', 'This estate is archived: it can be read, not changed'],
  tooLarge: ['内容太大,无法提交', 'It is too large to send'],
  unsupported: ['不支持这种文件或格式', 'This kind of file or format is not supported'],
  rateLimited: ['操作太频繁,请稍后再试', 'Too many attempts: please wait a little and try again'],
  unavailable: ['服务器暂时无法处理,请稍后再试', 'The server cannot take it right now: try again later'],
  internal: ['服务器出错了,请稍后再试', 'The server had a problem: try again later'],
  offline: ['网络未连接', 'No network connection'],
  notOurServer: ['收到的不是本系统服务器的回应(可能需要先登录 Wi-Fi)', 'The answer did not come from our server (a Wi-Fi sign-in page?)'],
  photoMissing: ['这条记录的照片已不在本机上,无法上传', 'A photo of this record is no longer on this phone'],
  photoNotStored: ['手机空间不足,照片未能保存;文字记录已保存', 'The phone is out of space: the photo was not stored, the text was'],
};

/** What a status means when an answer carries no code (an older server, a proxy). */
export function codeOfStatus(status: number): ErrorCode {
  if (status === 0) return 'offline';
  const byStatus: Record<number, ErrorCode> = {
    400: 'invalid',
    401: 'signIn',
    403: 'forbidden',
    404: 'notFound',
    409: 'conflict',
    413: 'tooLarge',
    415: 'unsupported',
    422: 'invalid',
    429: 'rateLimited',
  };
  return byStatus[status] ?? (status >= 500 ? 'unavailable' : 'invalid');
}

const isCode = (code: unknown): code is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(code);

/** Names of the fields people fill in, by the last part of their path (`deductions[1].points` → points). */
const FIELD_NAMES: Record<string, readonly [string, string]> = {
  description: ['问题描述', 'description'],
  category: ['类别', 'category'],
  severity: ['级别', 'severity'],
  contact: ['联系方式', 'contact'],
  phone: ['电话', 'phone'],
  household: ['房号', 'household'],
  reason: ['原因', 'reason'],
  note: ['说明', 'note'],
  requirement: ['整改要求', 'requirement'],
  noPhotoReason: ['无照片的原因', 'why there is no photo'],
  photos: ['照片', 'photos'],
  points: ['扣分', 'points'],
  rating: ['评分', 'rating'],
  name: ['名称', 'name'],
  zh: ['中文名称', 'Chinese name'],
  en: ['英文名称', 'English name'],
  username: ['用户名', 'username'],
  password: ['密码', 'password'],
  displayName: ['姓名', 'name'],
  households: ['户数', 'households'],
  servicePhone: ['物业服务电话', 'service desk phone'],
  address: ['地址', 'address'],
  timeZone: ['时区', 'time zone'],
  departmentId: ['责任部门', 'department'],
  assigneeId: ['责任人', 'person responsible'],
  locationId: ['点位', 'location'],
  buildingId: ['楼栋', 'building'],
  templateId: ['检查表', 'checklist'],
  answers: ['检查项', 'checklist answers'],
  value: ['填写值', 'value'],
  month: ['月份', 'month'],
  from: ['开始日期', 'from'],
  to: ['结束日期', 'to'],
  opensOn: ['开始日期', 'opens on'],
  closesOn: ['结束日期', 'closes on'],
  deadline: ['期限', 'deadline'],
  title: ['标题', 'title'],
  body: ['内容', 'text'],
  hours: ['学时', 'hours'],
  topic: ['主题', 'topic'],
  estateIds: ['项目', 'estates'],
  q: ['搜索词', 'search'],
  url: ['地址', 'address'],
  secret: ['密钥', 'secret'],
};

function fieldName(path: string, zh: boolean): string {
  const csvLine = /^csv\.line(\d+)/.exec(path);
  if (csvLine) return zh ? `第 ${csvLine[1]} 行` : `line ${csvLine[1]}`;
  const parts = path.split('.');
  const last = parts.at(-1)?.replace(/\[\d+\]$/, '') ?? path;
  // The row a field is in, counted from 1 as people count ("第 2 条").
  const row = /\[(\d+)\]/.exec(path);
  const words = FIELD_NAMES[last];
  const name = words ? words[zh ? 0 : 1] : zh ? '此项' : path;
  return row && zh ? `第 ${Number(row[1]) + 1} 条${name}` : name;
}

function ruleWords(f: FieldError): string {
  const n = f.limit;
  switch (f.rule) {
    case 'min_length':
    case 'non_empty':
      return n === undefined || n <= 1 ? '不能为空' : `至少 ${n} 个字`;
    case 'max_length':
      return n === undefined ? '太长了' : `太长了(最多 ${n})`;
    case 'min_value':
      return n === undefined ? '太小了' : `不能小于 ${n}`;
    case 'max_value':
      return n === undefined ? '太大了' : `不能大于 ${n}`;
    case 'integer':
      return '须为整数';
    case 'unknown':
      return '不存在或已停用';
    case 'format':
      return '格式不正确';
    case 'range':
      return '超出范围';
    case 'picklist':
    case 'literal':
    case 'variant':
    case 'union':
    case 'enum':
      return '不是可选的值';
    case 'string':
    case 'number':
    case 'boolean':
    case 'object':
    case 'array':
      return '缺少或类型不对';
    default:
      return '填写不正确';
  }
}

/** What is wrong with a field, without its name: "不能大于 12" / the server's English. */
export function describeRule(f: FieldError, locale: Locale): string {
  return locale === 'zh-CN' ? (f.zh ?? ruleWords(f)) : f.message;
}

/** One field's error: "第 2 条扣分:不能大于 12" / "deductions[1].points: at most 12 points". */
export function describeField(f: FieldError, locale: Locale): string {
  return locale === 'zh-CN' ? `${fieldName(f.path, true)}:${describeRule(f, locale)}` : `${f.path}: ${f.message}`;
}

/** Anything a client got back instead of an answer. */
export interface Failure {
  status: number;
  code?: string | null;
  message: string;
  fields?: readonly FieldError[];
}

/** What a client keeps of a failure (an outbox entry's last error): plain data, stored as it came. */
export function failureOf(f: Failure): Failure {
  return { status: f.status, code: f.code ?? null, message: f.message, fields: [...(f.fields ?? [])] };
}

/** A failure in the user's language: the code's words, then each field's. English screens keep the server's own words. */
export function describeFailure(f: Failure, locale: Locale): string {
  const code = isCode(f.code) ? f.code : codeOfStatus(f.status);
  const fields = f.fields ?? [];
  if (locale !== 'zh-CN') return fields.length ? fields.map((x) => describeField(x, locale)).join('; ') : f.message || CODE_WORDS[code][1];
  const head = CODE_WORDS[code][0];
  return fields.length ? `${head}:${fields.map((x) => describeField(x, locale)).join(';')}` : head;
}

/**
 * Anything a client caught, in the user's language: a refusal or no answer (anything with a status), a record the
 * client's own schema check refused (its fields), or else the error's own message.
 */
export function describeError(e: unknown, locale: Locale): string {
  const f = e as Partial<Failure> | null;
  if (f && typeof f.status === 'number' && typeof f.message === 'string') return describeFailure(f as Failure, locale);
  const fields = (e as { fields?: unknown } | null)?.fields;
  if (Array.isArray(fields) && fields.length) return describeFailure({ status: 400, code: 'invalid', message: String(e), fields }, locale);
  return e instanceof Error ? e.message : String(e);
}
