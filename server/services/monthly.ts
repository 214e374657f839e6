/** The monthly comprehensive inspection: score the sheet, raise issues for deductions that ask for one. */
import { checkDeductions, scoreSheet, type Actor, type MonthlyInspectionSubmission } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { badRequest } from '../http/errors.ts';
import { once } from './idempotency.ts';
import { createIssue } from './issues.ts';

export function submitMonthly(deps: Deps, estateId: string, s: MonthlyInspectionSubmission, actor: Actor & { kind: 'user' }) {
  const now = deps.clock();
  const { store } = deps;
  return once(store, s.id, 'monthly', { ...s, estateId }, now, () => {
    const sheet = store.getSheet(estateId, s.sheetId, s.sheetVersion);
    if (!sheet) throw badRequest(`sheetId: no sheet ${s.sheetId} v${s.sheetVersion}`, [{ path: 'sheetId', message: 'unknown scoring sheet' }]);
    const errors = checkDeductions(sheet, s.deductions);
    if (errors.length) {
      const fields = errors.map((e) => ({ path: `deductions[${e.index}].points`, message: e.message }));
      throw badRequest(fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
    }
    s.deductions.forEach((d, i) => {
      if (d.locationId && store.getLocation(d.locationId)?.estateId !== estateId) {
        throw badRequest(`deductions[${i}].locationId: not a location of this estate`, [{ path: `deductions[${i}].locationId`, message: 'unknown location' }]);
      }
    });
    const score = scoreSheet(sheet, s.deductions);
    const items = new Map(sheet.sections.flatMap((sec) => sec.items.map((it) => [it.id, it] as const)));
    const issues = s.deductions.flatMap((d) => {
      if (!d.raiseIssue) return [];
      const item = items.get(d.itemId);
      if (!item) return [];
      const issue = createIssue(
        store,
        {
          estateId,
          locationId: d.locationId,
          source: 'monthly',
          category: item.category,
          severity: d.severity,
          description: `${item.label.zh} · ${item.label.en} (−${d.points})${d.note ? `: ${d.note}` : ''}`,
          cause: item.id,
          photos: d.photos,
          originId: s.id,
          at: now,
        },
        actor,
        { monthly: s.id, item: item.id, points: d.points },
      );
      return [issue.id];
    });
    store.insertMonthly({
      id: s.id,
      estateId,
      month: s.month,
      sheetId: s.sheetId,
      sheetVersion: s.sheetVersion,
      inspectedOn: s.inspectedOn,
      inspectorId: actor.id,
      deductions: s.deductions,
      sections: score.sections,
      total: score.total,
      createdAt: now,
    });
    return { kind: 'monthly', id: s.id, total: score.total, sections: score.sections, issues };
  }).receipt;
}
