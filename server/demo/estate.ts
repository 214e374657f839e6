/** The demo estate's fixed shape: 示范花园 / Demo Gardens with two buildings and the plan's kinds of location. */
import { DEFAULT_DEPARTMENTS, DEFAULT_ROUTING, type Category, type LocalText, type LocationKind } from '../../shared/index.ts';
import type { EstateSpec } from './setup.ts';

export const DEMO_ESTATE = { id: 'demo-gardens', name: { zh: '示范花园', en: 'Demo Gardens' }, timeZone: 'Asia/Shanghai', households: 412 };

export const DEMO_BUILDINGS = [
  { id: 'b1', name: { zh: '1号楼', en: 'Building 1' } },
  { id: 'b2', name: { zh: '2号楼', en: 'Building 2' } },
];

export const DEMO_LOCATIONS: { id: string; building: string | null; kind: LocationKind; name: LocalText }[] = [
  { id: 'b1-lobby', building: 'b1', kind: 'lobby', name: { zh: '1号楼大堂', en: 'Building 1 lobby' } },
  { id: 'b2-lobby', building: 'b2', kind: 'lobby', name: { zh: '2号楼大堂', en: 'Building 2 lobby' } },
  { id: 'b1-lift-a', building: 'b1', kind: 'lift', name: { zh: '1号楼A梯', en: 'Building 1 lift A' } },
  { id: 'b1-lift-b', building: 'b1', kind: 'lift', name: { zh: '1号楼B梯', en: 'Building 1 lift B' } },
  { id: 'b2-lift-a', building: 'b2', kind: 'lift', name: { zh: '2号楼A梯', en: 'Building 2 lift A' } },
  { id: 'b2-lift-b', building: 'b2', kind: 'lift', name: { zh: '2号楼B梯', en: 'Building 2 lift B' } },
  { id: 'b1-fire', building: 'b1', kind: 'fire_point', name: { zh: '1号楼消防站', en: 'Building 1 fire station' } },
  { id: 'b2-fire', building: 'b2', kind: 'fire_point', name: { zh: '2号楼消防站', en: 'Building 2 fire station' } },
  { id: 'carpark-fire', building: null, kind: 'fire_point', name: { zh: '地库消防点', en: 'Car park fire point' } },
  { id: 'carpark', building: null, kind: 'car_park', name: { zh: '地下停车场', en: 'Underground car park' } },
  { id: 'b1-stairs', building: 'b1', kind: 'corridor', name: { zh: '1号楼楼梯间', en: 'Building 1 stairwell' } },
  { id: 'b2-stairs', building: 'b2', kind: 'corridor', name: { zh: '2号楼楼梯间', en: 'Building 2 stairwell' } },
  { id: 'north-garden', building: null, kind: 'green_area', name: { zh: '北区花园', en: 'North garden' } },
  { id: 'south-lawn', building: null, kind: 'green_area', name: { zh: '南区草坪', en: 'South lawn' } },
  { id: 'pump-room', building: null, kind: 'plant_room', name: { zh: '水泵房', en: 'Pump room' } },
  { id: 'main-gate', building: null, kind: 'gate', name: { zh: '南大门岗亭', en: 'Main gate post' } },
  { id: 'service-desk', building: null, kind: 'service_desk', name: { zh: '客服中心前台', en: 'Service centre desk' } },
];

/** The demo runs on the defaults a new estate gets (shared/content/departments.ts). */
export const DEMO_DEPARTMENTS = DEFAULT_DEPARTMENTS;
export const DEMO_ROUTING = DEFAULT_ROUTING;

export const DEMO_PASSWORD = 'demo-2026';

/** `lead`: the department's 部门负责人 (its 主管), who hands its jobs on and hears its escalations. */
export const DEMO_USERS: EstateSpec['users'] = [
  // The demo's administrator runs the group too: the group overview and group roles are there to try.
  { id: 'u-admin', username: 'admin', displayName: '系统管理员 Admin', role: 'admin', department: null, group: 'groupAdmin' },
  { id: 'u-supervisor', username: 'supervisor', displayName: '品质主管 陈静 Chen Jing', role: 'supervisor', department: null },
  { id: 'u-wang', username: 'wang', displayName: '巡查员 王强 Wang Qiang', role: 'inspector', department: null },
  { id: 'u-li', username: 'li', displayName: '巡查员 李娜 Li Na', role: 'inspector', department: null },
  { id: 'u-zhao', username: 'zhao', displayName: '巡查员 赵磊 Zhao Lei', role: 'inspector', department: null },
  { id: 'u-clean', username: 'cleaning', displayName: '保洁主管 刘芳 Liu Fang', role: 'department', department: 'cleaning', lead: true },
  { id: 'u-green', username: 'greening', displayName: '绿化主管 孙涛 Sun Tao', role: 'department', department: 'greening', lead: true },
  {
    id: 'u-eng',
    username: 'engineering',
    displayName: '工程主管 周伟 Zhou Wei',
    role: 'department',
    department: 'engineering',
    lead: true,
  },
  { id: 'u-sec', username: 'security', displayName: '秩序主管 吴军 Wu Jun', role: 'department', department: 'security', lead: true },
  { id: 'u-svc', username: 'service', displayName: '客服主管 郑丽 Zheng Li', role: 'department', department: 'service', lead: true },
  { id: 'u-cleaner', username: 'zhang', displayName: '保洁员 张敏 Zhang Min', role: 'department', department: 'cleaning' },
  { id: 'u-fitter', username: 'huang', displayName: '维修工 黄斌 Huang Bin', role: 'department', department: 'engineering' },
];

/** Department that fixes a category (the assignment a supervisor would pick). */
export function departmentFor(category: Category): string {
  return DEMO_DEPARTMENTS.find((d) => d.categories.includes(category))?.id ?? 'service';
}
