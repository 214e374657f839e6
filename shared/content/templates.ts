/**
 * Default checklist per location kind, written from the plan's 监控范围.
 * This is data: the console edits it as new template versions.
 */
import type { ChecklistItem, ChecklistTemplate } from '../model/checklist.ts';
import type { LocationKind } from '../model/estate.ts';
import type { Category, Severity } from '../model/common.ts';

type Item = [id: string, zh: string, en: string, category: Category, severity?: Severity, photoOnFail?: boolean];

const passFail = ([id, zh, en, category, severity = 'general', photoOnFail = true]: Item): ChecklistItem => ({
  id,
  label: { zh, en },
  category,
  answer: { kind: 'passFail' },
  photoOnFail,
  severity,
});

const note: ChecklistItem = {
  id: 'remarks',
  label: { zh: '其他情况说明', en: 'Other remarks' },
  category: 'service',
  answer: { kind: 'text' },
  photoOnFail: false,
  severity: 'general',
};

/** Public hygiene every 2 hours, 07:00–21:00 (the plan's own example). */
const hygieneRounds = { kind: 'interval', everyHours: 2, from: '07:00', to: '21:00' } as const;

export const DEFAULT_TEMPLATES: readonly ChecklistTemplate[] = [
  {
    id: 'tpl-lobby',
    version: 1,
    kind: 'lobby',
    name: { zh: '大堂巡查', en: 'Lobby round' },
    schedule: hygieneRounds,
    items: [
      passFail(['floor', '地面干净无垃圾、无积水', 'Floor clean, no litter or water', 'hygiene']),
      passFail(['odour', '无异味', 'No odour', 'hygiene']),
      passFail(['glass', '门窗玻璃干净无破损', 'Doors and glass clean and intact', 'hygiene']),
      passFail(['lighting', '照明正常', 'Lighting works', 'facilities']),
      passFail(['access', '门禁系统运行正常', 'Access control works', 'facilities', 'important']),
      passFail(['notices', '公告栏整洁、信息在有效期内', 'Notice board tidy and current', 'service', 'general', false]),
      note,
    ],
  },
  {
    id: 'tpl-lift',
    version: 1,
    kind: 'lift',
    name: { zh: '电梯巡查', en: 'Lift check' },
    // The plan: lifts at least twice a day; keep the two checks at least 4 h apart.
    schedule: { kind: 'timesPerDay', times: 2, minGapHours: 4, from: '08:00', to: '20:00' },
    items: [
      passFail(['running', '运行平稳、无异响', 'Runs smoothly, no abnormal noise', 'facilities', 'important']),
      passFail(['doors', '开关门正常、防夹感应有效', 'Doors open/close, safety edge works', 'facilities', 'urgent']),
      passFail(['levelling', '平层准确', 'Stops level with the floor', 'facilities', 'important']),
      passFail(['alarm', '紧急呼叫/对讲可用', 'Emergency call/intercom works', 'facilities', 'urgent']),
      passFail(['car-light', '轿厢照明、通风正常', 'Car lighting and fan work', 'facilities']),
      passFail(['car-clean', '轿厢清洁无垃圾、无异味', 'Car clean, no litter or odour', 'hygiene']),
      passFail(['certificate', '年检合格证在有效期内', 'Inspection certificate valid and displayed', 'facilities', 'important', false]),
      note,
    ],
  },
  {
    id: 'tpl-fire',
    version: 1,
    kind: 'fire_point',
    name: { zh: '消防设施检查', en: 'Fire equipment check' },
    schedule: { kind: 'dailyAt', times: ['09:00'] },
    items: [
      {
        id: 'extinguisher-pressure',
        label: { zh: '灭火器压力', en: 'Extinguisher pressure' },
        category: 'fire',
        answer: { kind: 'number', min: 1.0, max: 1.4, unit: 'MPa' },
        photoOnFail: true,
        severity: 'important',
      },
      passFail(['hydrant', '消火栓箱完好、水带水枪齐全', 'Hydrant cabinet complete, hose and nozzle present', 'fire', 'important']),
      passFail(['escape', '消防通道、安全出口畅通', 'Fire escape and exits clear', 'fire', 'urgent']),
      passFail(['exit-sign', '应急照明、疏散指示正常', 'Emergency lights and exit signs work', 'fire', 'important']),
      passFail(['fire-door', '防火门闭合良好', 'Fire doors close properly', 'fire', 'important']),
      note,
    ],
  },
  {
    id: 'tpl-carpark',
    version: 1,
    kind: 'car_park',
    name: { zh: '停车场巡查', en: 'Car park round' },
    schedule: hygieneRounds,
    items: [
      passFail(['clean', '地面清洁、无积水油污', 'Floor clean, no water or oil', 'hygiene']),
      passFail(['lighting', '照明正常', 'Lighting works', 'facilities']),
      passFail(['parking', '车辆停放有序、无占用消防通道', 'Cars parked in order, fire lanes clear', 'order', 'important']),
      passFail(['barrier', '道闸、车辆登记正常', 'Barrier and vehicle registration working', 'order']),
      passFail(['drain', '排水沟通畅', 'Drains clear', 'facilities']),
      note,
    ],
  },
  {
    id: 'tpl-corridor',
    version: 1,
    kind: 'corridor',
    name: { zh: '楼道/楼梯间巡查', en: 'Corridor / stairwell round' },
    schedule: hygieneRounds,
    items: [
      passFail(['clean', '地面、扶手清洁', 'Floor and handrails clean', 'hygiene']),
      passFail(['clutter', '无杂物堆放', 'No items stored in the stairwell', 'fire', 'important']),
      passFail(['lighting', '声控灯/照明正常', 'Lights work', 'facilities']),
      passFail(['bins', '垃圾及时清理、无异味', 'Rubbish cleared, no odour', 'hygiene']),
      note,
    ],
  },
  {
    id: 'tpl-green',
    version: 1,
    kind: 'green_area',
    name: { zh: '绿化巡查', en: 'Green area check' },
    schedule: { kind: 'dailyAt', times: ['08:00'] },
    items: [
      passFail(['growth', '花草树木长势良好', 'Plants healthy', 'greening']),
      passFail(['trim', '修剪整齐', 'Neatly trimmed', 'greening']),
      passFail(['water', '灌溉充足', 'Watered enough', 'greening']),
      passFail(['pests', '无明显病虫害', 'No visible pests or disease', 'greening', 'important']),
      passFail(['litter', '绿地内无垃圾', 'No litter in the beds', 'hygiene']),
      note,
    ],
  },
  {
    id: 'tpl-plant',
    version: 1,
    kind: 'plant_room',
    name: { zh: '设备房巡查', en: 'Plant room check' },
    schedule: { kind: 'dailyAt', times: ['09:00', '16:00'] },
    items: [
      passFail(['pumps', '水泵运行正常、无漏水', 'Pumps running, no leaks', 'facilities', 'important']),
      passFail(['power', '配电柜指示正常、无异味', 'Switchgear indicators normal, no burning smell', 'facilities', 'urgent']),
      {
        id: 'water-pressure',
        label: { zh: '供水压力', en: 'Supply water pressure' },
        category: 'facilities',
        answer: { kind: 'number', min: 0.2, max: 0.6, unit: 'MPa' },
        photoOnFail: true,
        severity: 'important',
      },
      passFail(['log', '运行记录完整', 'Operation log up to date', 'facilities', 'general', false]),
      passFail(['locked', '门锁完好、无闲杂人员', 'Door locked, no unauthorised people', 'order']),
      note,
    ],
  },
  {
    id: 'tpl-gate',
    version: 1,
    kind: 'gate',
    name: { zh: '门岗检查', en: 'Gate / guard post check' },
    // Guards are on duty around the clock: a round every 4 h, across midnight.
    schedule: { kind: 'interval', everyHours: 4, from: '06:00', to: '06:00' },
    items: [
      passFail(['on-duty', '岗位有人值守、着装规范', 'Guard on duty and in uniform', 'order', 'important', false]),
      passFail(['visitors', '外来人员登记完整', 'Visitor log complete', 'order']),
      passFail(['vehicles', '外来车辆登记完整', 'Vehicle log complete', 'order']),
      passFail(['patrol-log', '巡逻记录按时填写', 'Patrol log filled in on time', 'order', 'general', false]),
      note,
    ],
  },
  {
    id: 'tpl-desk',
    version: 1,
    kind: 'service_desk',
    name: { zh: '客服前台检查', en: 'Service desk check' },
    schedule: { kind: 'dailyAt', times: ['09:00', '14:00'] },
    items: [
      passFail(['staffed', '按时到岗、仪容仪表规范', 'Staffed on time, dress code kept', 'service', 'general', false]),
      passFail(['attitude', '接待热情、用语规范', 'Friendly, standard greeting', 'service', 'general', false]),
      passFail(['log', '来访来电记录完整', 'Visit and call log complete', 'service', 'general', false]),
      passFail(['complaints', '投诉按时跟进', 'Complaints followed up on time', 'service', 'important', false]),
      note,
    ],
  },
];

export function defaultTemplateFor(kind: LocationKind): ChecklistTemplate {
  const t = DEFAULT_TEMPLATES.find((tpl) => tpl.kind === kind);
  if (!t) throw new Error(`no default template for ${kind}`);
  return t;
}
