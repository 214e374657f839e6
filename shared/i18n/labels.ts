/** Names of domain values in zh-CN and English, shared by every screen. */
import type { Category, LocalText, Locale, Role, Severity } from '../model/common.ts';
import type { LocationKind } from '../model/estate.ts';
import type { IssueEvent, IssueSource, IssueStatus } from '../model/issue.ts';
import type { SlotStatus } from '../rules/schedule.ts';
import type { AuditAction } from '../model/audit.ts';
import type { GroupRole } from '../model/group.ts';
import type { TrainingKind } from '../model/records.ts';
import type { DeskChannel, DeskTopic } from '../model/desk.ts';

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

export const TRAINING_LABELS: Record<TrainingKind, LocalText> = {
  new_staff: { zh: '新员工', en: 'New staff' },
  skills: { zh: '岗位技能', en: 'Skills' },
  quality: { zh: '质量监控', en: 'Quality' },
  fire: { zh: '消防', en: 'Fire safety' },
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

/** The steps an owner's tracking page shows, in the owner's words (staff names and internal notes stay inside). */
export const OWNER_EVENT_LABELS = {
  created: { zh: '已提交', en: 'Reported' },
  accept: { zh: '物业已受理', en: 'Accepted' },
  assign: { zh: '已派单给责任部门', en: 'Sent to the responsible team' },
  rectify: { zh: '已处理,等待确认', en: 'Fixed, waiting for confirmation' },
  verify: { zh: '物业已复查确认', en: 'Checked by the property office' },
  reopen: { zh: '复查未通过,重新处理', en: 'Failed the check, being handled again' },
  ownerConfirm: { zh: '您已确认解决', en: 'You confirmed the fix' },
  ownerNotFixed: { zh: '您反馈未解决,重新处理', en: 'You said it is not fixed; being handled again' },
  reject: { zh: '未受理', en: 'Declined' },
  rated: { zh: '您已评价', en: 'You rated the handling' },
} as const satisfies Partial<Record<IssueEvent['type'], LocalText>>;
export type OwnerEventType = keyof typeof OWNER_EVENT_LABELS;

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

/** The audit log's actions, as administrators read them. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, LocalText> = {
  'estate.create': { zh: '新建项目', en: 'Estate added' },
  'estate.update': { zh: '修改项目信息', en: 'Estate changed' },
  'estate.archive': { zh: '归档项目', en: 'Estate archived' },
  'estate.restore': { zh: '恢复项目', en: 'Estate restored' },
  'building.add': { zh: '新增楼栋', en: 'Building added' },
  'location.add': { zh: '新增点位', en: 'Location added' },
  'location.change': { zh: '修改点位', en: 'Location changed' },
  'location.revokeCode': { zh: '作废并更换二维码', en: 'QR code replaced' },
  'locations.import': { zh: '批量导入点位', en: 'Locations imported' },
  'department.add': { zh: '新增部门', en: 'Department added' },
  'user.add': { zh: '新增人员', en: 'Person added' },
  'users.import': { zh: '批量导入人员', en: 'Staff imported' },
  'user.membership': { zh: '修改角色或部门', en: 'Role or department changed' },
  'user.disable': { zh: '停用账号', en: 'Account disabled' },
  'user.enable': { zh: '启用账号', en: 'Account enabled' },
  'user.resetPassword': { zh: '重置密码', en: 'Password reset' },
  'user.invite': { zh: '生成邀请链接', en: 'Invitation made' },
  'user.endSessions': { zh: '结束全部登录', en: 'Sessions ended' },
  'template.publish': { zh: '发布巡查清单', en: 'Checklist published' },
  'policy.set': { zh: '修改整改期限与升级', en: 'Deadline policy changed' },
  'routing.set': { zh: '修改派单规则', en: 'Dispatch rules changed' },
  'channel.add': { zh: '新增通知渠道', en: 'Channel added' },
  'channel.remove': { zh: '删除通知渠道', en: 'Channel removed' },
  'owner.export': { zh: '导出业主信息', en: 'Owner data exported' },
  'owner.erase': { zh: '删除业主信息', en: 'Owner data erased' },
  'group.access': { zh: '集团角色变更', en: 'Group role changed' },
};

export const SOURCE_LABELS: Record<IssueSource, LocalText> = {
  patrol: { zh: '日常巡查', en: 'Patrol' },
  owner: { zh: '业主报事', en: 'Owner report' },
  monthly: { zh: '月度检查', en: 'Monthly inspection' },
  survey: { zh: '满意度调查', en: 'Survey' },
  kiosk: { zh: '现场评价', en: 'Kiosk rating' },
  drill: { zh: '应急演练', en: 'Drill' },
  desk: { zh: '客服接待', en: 'Service desk' },
};

export const DESK_TOPIC_LABELS: Record<DeskTopic, LocalText> = {
  consultation: { zh: '咨询', en: 'Consultation' },
  request: { zh: '求助/报修', en: 'Request' },
  complaint: { zh: '投诉', en: 'Complaint' },
};

export const DESK_CHANNEL_LABELS: Record<DeskChannel, LocalText> = {
  visit: { zh: '来访', en: 'Visit' },
  call: { zh: '来电', en: 'Call' },
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

export const GROUP_ROLE_LABELS: Record<GroupRole, LocalText> = {
  groupAdmin: { zh: '集团管理员', en: 'Group administrator' },
  groupQuality: { zh: '集团品质经理', en: 'Group quality manager' },
  regional: { zh: '区域经理', en: 'Regional manager' },
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
