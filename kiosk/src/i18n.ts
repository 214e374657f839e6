/** zh-CN first, English second; the browser's language picks, the switch overrides (remembered). */
import { useEffect, useState } from 'preact/hooks';
import { localeFrom, pick, zoneNote, type LocalText, type Locale } from '../../shared/index.ts';

const messages = {
  appName: ['物业巡查', 'Property patrol'],
  language: ['English', '中文'],
  signIn: ['员工登录', 'Staff sign-in'],
  signOut: ['退出登录', 'Sign out'],
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  signInAgain: ['登录已过期,请重新登录后继续上传', 'Your session expired: sign in again to continue syncing'],
  wrongLogin: ['用户名或密码错误', 'Wrong username or password'],
  offline: ['离线', 'Offline'],
  waiting: ['待上传', 'waiting'],
  lastSync: ['上次同步', 'last sync'],
  never: ['从未', 'never'],
  syncing: ['同步中…', 'syncing…'],
  savedOnDevice: ['已保存在本机,联网后自动上传', 'Saved on this device; it will be sent when online'],
  sent: ['已提交', 'Sent'],
  needsAttention: ['需要处理', 'Needs attention'],
  retry: ['重试', 'Retry'],
  discard: ['删除', 'Discard'],
  discardConfirm: ['确定删除这条记录?删除后无法恢复。', 'Discard this record? It cannot be recovered.'],
  storageFull: [
    '手机存储空间已满:照片未能保存,文字记录已保存。',
    'The phone is out of space: the photo was not stored, the text record was.',
  ],
  storageFullAll: [
    '手机存储空间已满,记录未能保存。请清理空间后重试。',
    'The phone is out of space; nothing was saved. Free some space and try again.',
  ],
  scanNext: ['扫描下一个点位', 'Scan the next location'],
  scanPrompt: ['对准点位二维码', 'Point the camera at a location QR code'],
  scanFromPhoto: ['拍照识别二维码', 'Take a photo of the QR code'],
  notOurCode: ['这不是本系统的点位二维码,已拒绝打开。', 'This QR code is not one of our location codes; it was not opened.'],
  noCodeFound: ['照片中没有找到二维码', 'No QR code found in the photo'],
  cancel: ['取消', 'Cancel'],
  locationNotFound: ['这个二维码已失效或无法识别', 'This code is no longer valid or was not recognised'],
  pageNotFound: ['没有这个页面', 'There is no such page'],
  surveyNotFound: ['这个调查链接无效或已结束', 'This survey link is not valid or the survey has ended'],
  linkNotFound: ['这个进度链接无效或已过期', 'This progress link is not valid or has expired'],
  helpIntro: [
    '如需报事或查询,请联系物业服务中心,或扫描现场最新的二维码。',
    'To report a problem or ask about one, call the service desk, or scan the code posted on site now.',
  ],
  scanAgain: ['返回首页重新扫码', 'Back to scan again'],
  serviceDesk: ['物业服务中心', 'Service desk'],
  helpAskDesk: ['请联系您所在小区的物业服务中心', 'Please call your estate’s service desk'],
  notCachedOffline: ['离线状态下无法打开此点位:请先联网打开一次。', 'This location cannot be opened offline: open it once while online.'],
  reportProblem: ['报告问题', 'Report a problem'],
  category: ['问题类别', 'Category'],
  description: ['问题描述', 'Description'],
  describeHint: ['请描述您看到的问题', 'Describe what you see'],
  photoOptional: ['照片(可选)', 'Photo (optional)'],
  addPhoto: ['拍照', 'Take a photo'],
  fromAlbum: ['从相册选择', 'Choose from the album'],
  removePhoto: ['移除照片', 'Remove photo'],
  contactOptional: ['联系方式(可选)', 'Contact (optional)'],
  submit: ['提交', 'Submit'],
  required: ['必填', 'required'],
  reportSent: ['已收到您的反馈。请保存下面的链接查看处理进度:', 'Thank you. Keep this link to follow the progress:'],
  reportQueued: [
    '已保存,联网后提交。提交后这里会显示进度链接。',
    'Saved; it will be sent when online. The progress link appears here then.',
  ],
  track: ['查看进度', 'Follow progress'],
  knownProblems: ['此处已知的问题', 'Problems already reported here'],
  meToo: ['我也遇到', 'Me too'],
  meTooDone: ['已记录,谢谢', 'Noted, thank you'],
  reportedAgo: ['上报于', 'reported'],
  people: ['人', 'people'],
  patrol: ['巡查清单', 'Patrol checklist'],
  startPatrol: ['开始巡查', 'Start the checklist'],
  slotsToday: ['今日巡查时段', "Today's rounds"],
  myDay: ['我的今日', 'My day'],
  offlineCopy: ['离线:显示本机保存的数据', 'Offline: showing what this phone kept'],
  noRoundsToday: ['今日没有巡查时段', 'No rounds today'],
  fillsSlot: ['本次巡查计入时段', 'This round counts for'],
  voluntary: ['不在计划时段内(自愿巡查,不计入完成率)', 'Outside the schedule (a voluntary round, not counted in completion)'],
  missedToday: ['今日漏检', 'missed today'],
  openIssuesHere: ['此点位未关闭的问题', 'Open issues at this location'],
  none: ['无', 'None'],
  pass: ['合格', 'Pass'],
  fail: ['不合格', 'Fail'],
  na: ['不适用', 'N/A'],
  whatIsWrong: ['问题说明', "What's wrong"],
  photoRequired: ['需拍照', 'photo required'],
  outOfRange: ['超出范围', 'out of range'],
  submitPatrol: ['提交巡查', 'Submit the checklist'],
  restPassed: ['其余合格', 'The rest passed'],
  unanswered: ['未填写', 'not answered'],
  presence: ['到场确认', 'Presence'],
  viaKiosk: ['现场平板动态码', 'kiosk rotating code'],
  viaLabel: ['点位二维码', 'printed QR label'],
  viaLink: ['链接打开', 'opened from a link'],
  notices: ['整改通知', 'Rectification notices'],
  noNotices: ['暂无整改通知', 'No rectification notices'],
  setupTitle: ['首次设置', 'First-time setup'],
  setupIntro: [
    '欢迎使用。填写公司、第一个项目和首位管理员;项目会带上可修改的默认内容(部门、各类点位的巡查清单、月度评分表、季度满意度调查、整改期限和派单规则)。',
    'Welcome. Name the company, the first estate and the first administrator; the estate starts with defaults you can change (departments, checklists for each kind of place, the monthly score sheet, the quarterly survey, deadlines and dispatch rules).',
  ],
  organisation: ['公司', 'Company'],
  organisationName: ['公司名称(打印在整改通知单和二维码标签上)', 'Company name (printed on notices and QR labels)'],
  firstEstate: ['第一个项目', 'First estate'],
  estateName: ['项目名称', 'Estate name'],
  estateNameEn: ['英文名称(可不填)', 'English name (optional)'],
  address: ['地址', 'Address'],
  households: ['户数', 'Households'],
  servicePhone: ['物业服务电话', 'Service desk phone'],
  timeZone: ['时区', 'Time zone'],
  firstAdmin: ['首位管理员', 'First administrator'],
  displayName: ['姓名', 'Name'],
  passwordAgain: ['再次输入密码', 'Password again'],
  passwordsDiffer: ['两次输入的密码不一致', 'The passwords differ'],
  strongPasswordHint: [
    '至少 12 位,含字母和数字(或 16 位以上的短语)',
    'At least 12 characters with letters and digits (or a phrase of 16 or more)',
  ],
  setUp: ['完成设置', 'Set up'],
  setupLink: ['设置链接', 'Setup link'],
  setupAlreadyDone: ['本系统已完成首次设置,请登录。', 'This server has been set up already: sign in.'],
  setupNoLink: [
    '请使用服务器启动时打印的一次性设置链接打开本页。',
    'Open this page with the one-time setup link the server printed when it started.',
  ],
  setupDone: ['设置完成', 'Set up'],
  setupDoneHint: ['您已作为管理员登录。接下来:', 'You are signed in as the administrator. Next:'],
  nextExtension: [
    '在电脑的 Chrome 中安装管理扩展(dist/extension,chrome://extensions → 加载已解压的扩展程序),用本服务器地址登录。',
    'Install the console extension in Chrome on a computer (dist/extension, chrome://extensions → Load unpacked) and sign in to this server.',
  ],
  nextLocations: ['在扩展的"基础设置"中导入或添加楼栋和点位。', 'In the console’s administration, import or add buildings and locations.'],
  nextStaff: ['添加员工,设置角色和部门。', 'Add staff with their roles and departments.'],
  nextLabels: ['打印点位二维码标签并张贴,开始巡查。', 'Print the location QR labels, post them, and start patrolling.'],
  toHome: ['进入首页', 'Go to the home page'],
  joinTitle: ['设置登录密码', 'Choose your password'],
  joinWelcome: ['欢迎', 'Welcome,'],
  joinHint: ['请设置您自己的密码,此链接仅可使用一次,有效期至', 'Choose your own password; this link works once, until'],
  setPassword: ['设置密码并登录', 'Set the password and sign in'],
  invitationSpent: [
    '此邀请链接已使用、已被新链接取代或已过期,请联系管理员重新生成。',
    'This invitation link has been used, replaced or has expired: ask your administrator for a new one.',
  ],
  mine: ['我的', 'Mine'],
  myDepartment: ['本部门', 'My department'],
  assignee: ['责任人', 'Owner'],
  wholeDepartment: ['本部门(待分派)', 'The department (not yet handed on)'],
  handOver: ['转派', 'Hand over'],
  handOverTo: ['转派给', 'Hand over to'],
  handedOver: ['已转派', 'Handed over'],
  needsNetwork: ['需要联网才能操作', 'This needs the network'],
  pushOn: ['开启新任务通知', 'Turn on notifications of new work'],
  pushOff: ['关闭通知', 'Turn notifications off'],
  pushIsOn: ['本机会收到新任务通知', 'This phone is told of new work'],
  pushDenied: [
    '通知被浏览器禁止:请在浏览器设置中允许本网站通知',
    'Notifications are blocked: allow them for this site in the browser settings',
  ],
  deadline: ['整改期限', 'Deadline'],
  requirement: ['整改要求', 'Requirement'],
  overdueBy: ['已超期', 'overdue by'],
  dueIn: ['剩余', 'due in'],
  reportFix: ['反馈整改', 'Report the fix'],
  fixNote: ['整改情况', 'What was done'],
  afterPhoto: ['整改后照片', 'After-photo'],
  noPhotoReason: ['没有整改后照片的原因', 'Why there is no after-photo'],
  changePassword: ['修改密码', 'Change password'],
  currentPassword: ['当前密码', 'Current password'],
  newPassword: ['新密码（至少 8 位）', 'New password (8 characters or more)'],
  wrongCurrentPassword: ['当前密码不对', 'The current password is not right'],
  passwordChanged: ['密码已修改，其他设备上的登录已退出', 'Password changed; you are signed out on other devices'],
  following: [
    '您关注了这个问题：这里显示处理进度；确认和评价由报事的业主完成。',
    'You are following this problem: its progress shows here; the owner who reported it confirms and rates the fix.',
  ],
  outbox: ['待上传记录', 'Waiting to send'],
  nothingWaiting: ['全部已上传', 'Everything is sent'],
  progress: ['处理进度', 'Progress'],
  reference: ['报事单号', 'Reference'],
  copy: ['复制', 'Copy'],
  copied: ['已复制', 'Copied'],
  respondBy: ['物业将在此前受理:', 'The office will take it up by'],
  confirmFixed: ['已解决', 'It is fixed'],
  notFixed: ['未解决', 'Not fixed'],
  notFixedReason: ['还有什么问题?', 'What is still wrong?'],
  rateHandling: ['请评价本次处理', 'Rate how this was handled'],
  thanksRating: ['感谢您的评价', 'Thank you for rating'],
  yourRating: ['您的评价', 'Your rating'],
  survey: ['业主满意度调查', 'Owner satisfaction survey'],
  household: ['房号(如 1-2-301)', 'Household (e.g. 1-2-301)'],
  surveyThanks: ['感谢您参与调查!', 'Thank you for taking part!'],
  surveyAlready: ['该房号已参与本次调查', 'This household has already answered this survey'],
  scoreLabels: ['很不满意,不满意,一般,满意,很满意', 'Very dissatisfied,Dissatisfied,Neutral,Satisfied,Very satisfied'],
  dontKnow: ['不了解', 'Don’t know'],
  kioskRate: ['您对这里的服务满意吗?', 'How satisfied are you with our service here?'],
  faceUnhappy: ['不满意', 'Unhappy'],
  faceNotQuite: ['不太满意', 'Not quite'],
  faceHappy: ['满意', 'Happy'],
  faceVeryHappy: ['很满意', 'Very happy'],
  kioskThanks: ['谢谢!', 'Thank you!'],
  kioskWhat: ['哪里让您不满意?', 'What was wrong?'],
  kioskSkip: ['跳过', 'Skip'],
  kioskScan: ['扫码报事 / 员工扫码巡查', 'Scan to report a problem / staff: scan to patrol'],
  kioskNotSetUp: [
    '此平板尚未设置:请管理员从控制台打开平板链接。',
    'This tablet is not set up: an administrator opens its kiosk link from the console.',
  ],
  newVersion: ['有新版本', 'A new version is available'],
  reload: ['刷新', 'Reload'],
  readyOffline: ['已可离线使用', 'Ready to work offline'],
  close: ['关闭', 'Close'],
  back: ['返回', 'Back'],
  home: ['首页', 'Home'],
  locations: ['点位', 'Locations'],
  search: ['搜索', 'Search'],
  signedInAs: ['已登录', 'Signed in as'],
  welcome: ['扫描点位二维码即可报事或巡查', 'Scan a location QR code to report a problem or patrol'],
  error: ['出错了', 'Something went wrong'],
  tryAgain: ['请稍后再试', 'Please try again later'],
  typeCode: ['或输入标签上的点位编码', 'Or type the code printed on the label'],
  badCode: [
    '找不到这个编号:请输入标签上的 10 位编号(如 ABCDE-FGHIJ)',
    'No such code: type the 10 characters under the label’s QR (like ABCDE-FGHIJ)',
  ],
  open: ['打开', 'Open'],
} satisfies Record<string, [string, string]>;

export type MessageKey = keyof typeof messages;

const KEY = 'pqm.locale';
let current: Locale = initial();
const listeners = new Set<(l: Locale) => void>();

function initial(): Locale {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // No storage: follow the browser.
  }
  return localeFrom(typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));
}

export function t(key: MessageKey): string {
  return messages[key][current === 'zh-CN' ? 0 : 1];
}

export function tx(text: LocalText | null | undefined): string {
  return text ? pick(text, current) : '';
}

/** What owners see atop their pages: the property company and the estate ("安居物业 · 滨江花园"). */
export function brandOf(estate: { name: LocalText; company?: string | null } | null | undefined): string {
  if (!estate) return '';
  return estate.company ? `${estate.company} · ${tx(estate.name)}` : tx(estate.name);
}

export function locale(): Locale {
  return current;
}

export function setLocale(l: Locale): void {
  current = l;
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // Remembered for this page only.
  }
  document.documentElement.lang = l;
  for (const fn of listeners) fn(l);
}

/** Re-render a component when the language changes. */
export function useLocale(): Locale {
  const [l, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return l;
}

/**
 * One formatter per language, zone and style, made once: `toLocaleString` builds a new one on every call,
 * which on a slow phone cost a location page ~170 ms for its slot list alone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: 'time' | 'dateTime', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${current}|${style}|${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } as const;
    formatters.set(key, (f = new Intl.DateTimeFormat(current, style === 'time' ? clock : { month: 'numeric', day: 'numeric', ...clock })));
  }
  return f;
}

/** HH:MM, in the estate's time zone when given (a slot is the estate's wall-clock time). */
export function formatTime(at: number, timeZone?: string): string {
  return formatter('time', timeZone).format(at);
}

/** Month, day and time; in the estate's zone when given (deadlines, reports), naming it when the phone is elsewhere. */
export function formatDateTime(at: number, timeZone?: string): string {
  const text = formatter('dateTime', timeZone).format(at);
  return timeZone ? text + zoneNote(at, timeZone) : text;
}

export function formatDuration(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 60) return current === 'zh-CN' ? `${m} 分钟` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return current === 'zh-CN' ? `${h} 小时 ${m % 60} 分` : `${h} h ${m % 60} min`;
  return current === 'zh-CN' ? `${Math.floor(h / 24)} 天` : `${Math.floor(h / 24)} days`;
}
