/**
 * The departments a new estate starts with, and the dispatch rules that send each category to the department that
 * fixes it (lift faults to engineering). Both are editable defaults: an estate changes them in the console.
 */
import type { Category, LocalText } from '../model/common.ts';
import type { RoutingRule } from '../model/routing.ts';

export const DEFAULT_DEPARTMENTS: readonly { id: string; name: LocalText; categories: Category[] }[] = [
  { id: 'cleaning', name: { zh: '保洁部', en: 'Cleaning' }, categories: ['hygiene'] },
  { id: 'greening', name: { zh: '绿化部', en: 'Landscaping' }, categories: ['greening'] },
  { id: 'engineering', name: { zh: '工程维修部', en: 'Engineering' }, categories: ['facilities', 'fire'] },
  { id: 'security', name: { zh: '秩序维护部', en: 'Security' }, categories: ['order', 'emergency'] },
  { id: 'service', name: { zh: '客服部', en: 'Customer service' }, categories: ['service', 'community'] },
];

export const DEFAULT_ROUTING: readonly RoutingRule[] = [
  ...DEFAULT_DEPARTMENTS.flatMap((d) =>
    d.categories.map((category) => ({
      id: category,
      category,
      locationKind: null,
      buildingId: null,
      departmentId: d.id,
      assigneeId: null,
    })),
  ),
  { id: 'lifts', category: null, locationKind: 'lift', buildingId: null, departmentId: 'engineering', assigneeId: null },
];
