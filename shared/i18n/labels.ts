/** Names of domain values in zh-CN and English, shared by every screen. */
import type { Category, LocalText, Locale, Role, Severity } from '../model/common.ts';
import type { LocationKind } from '../model/estate.ts';
import type { IssueEvent, IssueSource, IssueStatus } from '../model/issue.ts';
import type { SlotStatus } from '../rules/schedule.ts';

export const CATEGORY_LABELS: Record<Category, LocalText> = {
  hygiene: { zh: '环境卫生', en: 'Cleanliness' },
  greening: { zh: '绿化养护', en: 'Landscaping' },
  facilities: { zh: '公共设施设备', en: 'Facilities' },
  order: { zh: '秩序维护', en: 'Security & order' },
  fire: { zh: '消防安全', en: 'Fire safety' },
  service: { zh: '客户服务', en: 'Customer service' },
  emergency: { zh: '突发事件应急', en: 'Emergencies' },
  community: { zh: '社区活动', en: 'Community activities' },
};

export const SEVERITY_LABELS: Record<Severity, LocalText> = {
  general: { zh: '一般', en: 'General' },
  important: { zh: '重要', en: 'Important' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

export const STATUS_LABELS: Record<IssueStatus, LocalText> = {
  reported: { zh: '已上报', en: 'Reported' },
  assigned: { zh: '整改中', en: 'Being fixed' },
  rectified: { zh: '待复查', en: 'Awaiting check' },
  closed: { zh: '已关闭', en: 'Closed' },
  reopened: { zh: '已重开', en: 'Reopened' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

/** What an owner reads on the tracking page (the ticket words owners know). */
export const OWNER_STATUS_LABELS: Record<IssueStatus, LocalText> = {
  reported: { zh: '待受理', en: 'Waiting to be accepted' },
  assigned: { zh: '处理中', en: 'Being handled' },
  rectified: { zh: '待确认', en: 'Fixed — please confirm' },
  closed: { zh: '已完成', en: 'Completed' },
  reopened: { zh: '重新处理中', en: 'Being handled again' },
  rejected: { zh: '已拒绝', en: 'Declined' },
};

/** Each step of an issue's history, as staff read it (owners read their own, plainer words on the tracking page). */
export const EVENT_LABELS: Record<IssueEvent['type'], LocalText> = {
  created: { zh: '登记', en: 'Recorded' },
  accept: { zh: '受理', en: 'Accepted' },
  reject: { zh: '不予受理', en: 'Rejected' },
  assign: { zh: '派单', en: 'Assigned' },
  handOver: { zh: '转派', en: 'Handed over' },
  rectify: { zh: '反馈整改', en: 'Fix reported' },
  verify: { zh: '复查通过', en: 'Verified' },
  reopen: { zh: '复查不通过,重新整改', en: 'Reopened' },
  escalate: { zh: '升级', en: 'Escalated' },
  autoEscalated: { zh: '超期自动升级', en: 'Escalated by the clock' },
  ownerConfirm: { zh: '业主确认已解决', en: 'Owner confirmed the fix' },
  ownerNotFixed: { zh: '业主反馈未解决', en: 'Owner says not fixed' },
  meToo: { zh: '又有业主反映', en: 'Another owner reported it' },
  rated: { zh: '业主评价', en: 'Owner rated it' },
};

export const SOURCE_LABELS: Record<IssueSource, LocalText> = {
  patrol: { zh: '日常巡查', en: 'Patrol' },
  owner: { zh: '业主报事', en: 'Owner report' },
  monthly: { zh: '月度检查', en: 'Monthly inspection' },
  survey: { zh: '满意度调查', en: 'Survey' },
  kiosk: { zh: '现场评价', en: 'Kiosk rating' },
  drill: { zh: '应急演练', en: 'Drill' },
};

export const LOCATION_KIND_LABELS: Record<LocationKind, LocalText> = {
  lobby: { zh: '大堂', en: 'Lobby' },
  lift: { zh: '电梯', en: 'Lift' },
  fire_point: { zh: '消防设施点', en: 'Fire point' },
  car_park: { zh: '停车场', en: 'Car park' },
  corridor: { zh: '楼道/楼梯间', en: 'Corridor / stairs' },
  green_area: { zh: '绿化区', en: 'Green area' },
  plant_room: { zh: '设备房', en: 'Plant room' },
  gate: { zh: '门岗', en: 'Gate' },
  service_desk: { zh: '客服前台', en: 'Service desk' },
};

export const ROLE_LABELS: Record<Role, LocalText> = {
  admin: { zh: '管理员', en: 'Administrator' },
  supervisor: { zh: '品质主管', en: 'Supervisor' },
  inspector: { zh: '巡查员', en: 'Inspector' },
  department: { zh: '责任部门', en: 'Department staff' },
};

export const SLOT_STATUS_LABELS: Record<SlotStatus, LocalText> = {
  upcoming: { zh: '未到时间', en: 'Upcoming' },
  due: { zh: '待巡查', en: 'Due' },
  late: { zh: '已超时', en: 'Late' },
  done: { zh: '已完成', en: 'Done' },
  missed: { zh: '漏检', en: 'Missed' },
};

export function pick(text: LocalText, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** zh-CN for any Chinese browser language, English otherwise. */
export function localeFrom(languages: readonly string[]): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
