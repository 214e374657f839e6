/** The monthly comprehensive inspection: score the sheet, raise issues for deductions that ask for one. */
import { checkDeductions, scoreSheet, type Actor, type MonthlyInspectionSubmission, type MonthlyReceipt } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { invalid } from './refusals.ts';
import { once } from './idempotency.ts';
import { createIssue } from './issues.ts';

export async function submitMonthly(deps: Deps, estateId: string, s: MonthlyInspectionSubmission, actor: Actor & { kind: 'user' }) {
  const now = deps.clock();
  const { receipt } = await deps.store.write((tx) =>
    once<MonthlyReceipt>(tx, estateId, s.id, 'monthly', { ...s, estateId }, now, async () => {
      const sheet = await tx.getSheet(estateId, s.sheetId, s.sheetVersion);
      if (!sheet)
        throw invalid(`sheetId: no sheet ${s.sheetId} v${s.sheetVersion}`, [
          { path: 'sheetId', message: 'unknown scoring sheet', rule: 'unknown' },
        ]);
      const errors = checkDeductions(sheet, s.deductions);
      if (errors.length) {
        const fields = errors.map(({ index, ...e }) => ({ path: `deductions[${index}].points`, ...e }));
        throw invalid(fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
      }
      for (const [i, d] of s.deductions.entries()) {
        if (d.locationId && (await tx.getLocation(d.locationId))?.estateId !== estateId) {
          throw invalid(`deductions[${i}].locationId: not a location of this estate`, [
            { path: `deductions[${i}].locationId`, message: 'unknown location', rule: 'unknown' },
          ]);
        }
      }
      const score = scoreSheet(sheet, s.deductions);
      const items = new Map(sheet.sections.flatMap((sec) => sec.items.map((it) => [it.id, it] as const)));
      const issues: string[] = [];
      for (const d of s.deductions) {
        const item = d.raiseIssue ? items.get(d.itemId) : undefined;
        if (!item) continue;
        const issue = await createIssue(
          tx,
          {
            estateId,
            locationId: d.locationId,
            source: 'monthly',
            category: item.category,
            severity: d.severity,
            description: `${item.label.zh}(扣 ${d.points} 分)${d.note ? `:${d.note}` : ''}`,
            cause: item.id,
            photos: d.photos,
            originId: s.id,
            at: now,
          },
          actor,
          { monthly: s.id, item: item.id, points: d.points },
        );
        issues.push(issue.id);
      }
      await tx.insertMonthly({
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
    }),
  );
  return receipt;
}
