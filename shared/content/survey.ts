/** The default quarterly owner satisfaction questionnaire: one 1–5 question per service area. */
import type { SurveyTemplate } from '../model/survey.ts';

export const DEFAULT_SURVEY: SurveyTemplate = {
  id: 'survey-quarterly',
  name: { zh: '业主满意度调查(季度)', en: 'Quarterly owner satisfaction survey' },
  areas: [
    { id: 'hygiene', label: { zh: '环境卫生', en: 'Cleanliness' }, category: 'hygiene' },
    { id: 'greening', label: { zh: '绿化养护', en: 'Landscaping' }, category: 'greening' },
    {
      id: 'facilities',
      label: { zh: '设施设备维护(电梯、水电、门禁)', en: 'Facilities (lifts, water, power, access)' },
      category: 'facilities',
    },
    { id: 'order', label: { zh: '秩序维护与安保', en: 'Security and order' }, category: 'order' },
    { id: 'fire', label: { zh: '消防安全', en: 'Fire safety' }, category: 'fire' },
    { id: 'reception', label: { zh: '客服接待与咨询', en: 'Reception and enquiries' }, category: 'service' },
    { id: 'complaints', label: { zh: '投诉处理', en: 'Complaint handling' }, category: 'service' },
    { id: 'community', label: { zh: '社区活动', en: 'Community activities' }, category: 'community' },
  ],
};
