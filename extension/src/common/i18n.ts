/** The extension's words in zh-CN and English; the settings' choice wins, then the browser's language. */
import { localeFrom, pick, type LocalText, type Locale } from '../../../shared/index.ts';

const messages = {
  extName: ['物业质量监控', 'Property quality monitor'],
  signIn: ['登录', 'Sign in'],
  signInAgain: ['登录已过期,请重新登录', 'Session expired: sign in again'],
  signOut: ['退出', 'Sign out'],
  server: ['服务器地址', 'Server address'],
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  permissionDenied: ['未授予访问该服务器的权限', 'Permission to reach that server was not granted'],
  offline: ['离线:无法连接服务器', 'Offline: the server cannot be reached'],
  lastUpdate: ['最后更新', 'last update'],
  overdue: ['超期整改', 'Overdue rectifications'],
  missed: ['今日漏检', 'Patrols missed today'],
  dueNow: ['待巡查', 'Patrols due now'],
  dueSoon: ['2小时内待巡查', 'Patrols due within 2 h'],
  toAccept: ['待受理业主报事', 'Owner reports to accept'],
  toDispatch: ['待派单', 'Waiting for dispatch'],
  acceptLate: ['超过受理时限', 'Past the response time by'],
  heldForReview: ['条短时大量提交的报事待审核（已保留，未提醒）', 'reports sent in a burst are held for review (kept, not alerted)'],
  urgentNew: ['新紧急问题', 'New urgent issues'],
  late: ['超时', 'late'],
  overdueBy: ['超期', 'overdue by'],
  open: ['打开', 'Open'],
  accept: ['受理', 'Accept'],
  escalate: ['升级', 'Escalate'],
  verify: ['复查通过', 'Verify'],
  level: ['级', 'level'],
  nothing: ['暂无', 'Nothing here'],
  console: ['控制台', 'Console'],
  settings: ['设置', 'Settings'],
  pollEvery: ['刷新间隔(分钟)', 'Poll every (minutes)'],
  watchEstates: ['关注的项目', 'Estates to watch'],
  muteSeverity: ['静音级别', 'Mute severities'],
  quietHours: ['免打扰时段', 'Quiet hours'],
  overlaySites: ['浮窗显示的网站', 'Sites showing the overlay'],
  addThisSite: ['在此网站显示浮窗', 'Show the overlay on this site'],
  remove: ['移除', 'Remove'],
  notifOverdue: ['整改超期', 'Rectification overdue'],
  notifUrgent: ['新紧急问题', 'New urgent issue'],
  notifOwnerReport: ['新业主报事', 'New owner report'],
  notifToDispatch: ['待派单', 'Waiting for dispatch'],
  notifNotFixed: ['业主反馈未解决', 'Owner says it is not fixed'],
  notFixedList: ['业主反馈未解决(近7天)', 'Owners say not fixed (last 7 days)'],
  notifEscalated: ['问题已升级', 'Issue escalated'],
  notifMore: ['还有更多提醒', 'More alerts'],
  due: ['待办', 'due'],
  collapse: ['收起', 'Collapse'],
  allEstates: ['全部项目', 'All estates'],
  saved: ['已保存', 'Saved'],
} satisfies Record<string, [string, string]>;

export type MessageKey = keyof typeof messages;

let current: Locale = localeFrom(typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? [navigator.language])]);

export function setExtLocale(l: Locale | null): void {
  if (l) current = l;
}

export function locale(): Locale {
  return current;
}

export function msg(key: MessageKey): string {
  return messages[key][current === 'zh-CN' ? 0 : 1];
}

export function tx(text: LocalText | null | undefined): string {
  return text ? pick(text, current) : '';
}

export function duration(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  if (m < 60) return current === 'zh-CN' ? `${m}分钟` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return current === 'zh-CN' ? `${h}小时${m % 60 ? `${m % 60}分` : ''}` : `${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
  return current === 'zh-CN' ? `${Math.floor(h / 24)}天` : `${Math.floor(h / 24)} d`;
}

/** HH:MM, in the estate's time zone when given (slots are estate wall-clock times, wherever the browser is). */
export function clock(at: number, timeZone?: string): string {
  return new Date(at).toLocaleTimeString(current, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
}
