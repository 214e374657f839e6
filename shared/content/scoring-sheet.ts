/** The default 100-point monthly deduction sheet, in the plan's three sections. Data, editable. */
import type { ScoringSheet } from '../model/scoring.ts';

export const DEFAULT_SCORING_SHEET: ScoringSheet = {
  id: 'sheet-monthly',
  version: 1,
  name: { zh: '每月物业质量综合检查评分表', en: 'Monthly comprehensive quality inspection' },
  sections: [
    {
      id: 'public',
      name: { zh: '公共区域管理', en: 'Public areas' },
      maxPoints: 40,
      items: [
        {
          id: 'pub-hygiene',
          label: { zh: '道路、楼道、电梯、停车场清洁', en: 'Roads, corridors, lifts, car park clean' },
          category: 'hygiene',
          maxDeduction: 10,
        },
        {
          id: 'pub-refuse',
          label: { zh: '垃圾清运及时、无异味', en: 'Refuse cleared on time, no odour' },
          category: 'hygiene',
          maxDeduction: 5,
        },
        {
          id: 'pub-green',
          label: { zh: '绿化修剪、灌溉、病虫害防治', en: 'Landscaping: trimming, watering, pests' },
          category: 'greening',
          maxDeduction: 8,
        },
        {
          id: 'pub-lift',
          label: { zh: '电梯运行与维保记录', en: 'Lift operation and maintenance records' },
          category: 'facilities',
          maxDeduction: 8,
        },
        {
          id: 'pub-utilities',
          label: { zh: '给排水、供电、门禁运行', en: 'Water, power and access control' },
          category: 'facilities',
          maxDeduction: 9,
        },
      ],
    },
    {
      id: 'service',
      name: { zh: '客户服务', en: 'Customer service' },
      maxPoints: 30,
      items: [
        {
          id: 'svc-reception',
          label: { zh: '接待态度、响应速度、解答准确', en: 'Reception: attitude, speed, accuracy' },
          category: 'service',
          maxDeduction: 10,
        },
        {
          id: 'svc-complaints',
          label: { zh: '投诉受理、跟进、按时解决', en: 'Complaints accepted, followed up, resolved on time' },
          category: 'service',
          maxDeduction: 12,
        },
        {
          id: 'svc-activities',
          label: { zh: '社区活动策划与实施', en: 'Community activities planned and held' },
          category: 'community',
          maxDeduction: 8,
        },
      ],
    },
    {
      id: 'safety',
      name: { zh: '安全管理', en: 'Safety' },
      maxPoints: 30,
      items: [
        {
          id: 'saf-guards',
          label: { zh: '保安值班、巡逻、外来人员车辆登记', en: 'Guards on duty, patrols, visitor/vehicle logs' },
          category: 'order',
          maxDeduction: 10,
        },
        {
          id: 'saf-fire',
          label: { zh: '消防设施完好、通道畅通', en: 'Fire equipment intact, escapes clear' },
          category: 'fire',
          maxDeduction: 12,
        },
        { id: 'saf-emergency', label: { zh: '应急预案与演练', en: 'Emergency plans and drills' }, category: 'emergency', maxDeduction: 8 },
      ],
    },
  ],
};
