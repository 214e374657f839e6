/**
 * A new estate and what it starts with: checklists for every kind of place, the monthly score sheet, the
 * quarterly survey, the departments and the dispatch rules that send each problem to one of them. All are
 * editable defaults (shared/content); the deadline policy's default needs no row.
 */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_DEPARTMENTS,
  DEFAULT_ROUTING,
  DEFAULT_SCORING_SHEET,
  DEFAULT_SURVEY,
  DEFAULT_TEMPLATES,
  type Category,
  type Estate,
  type EstateInput,
  type LocalText,
  type RoutingRule,
} from '../../shared/index.ts';
import type { Writes } from '../storage/store.ts';

export interface EstateContent {
  departments: readonly { id: string; name: LocalText; categories: Category[] }[];
  /** none: every finding waits in 待派单 for a supervisor. */
  routing: readonly RoutingRule[];
}

const DEFAULT_CONTENT: EstateContent = { departments: DEFAULT_DEPARTMENTS, routing: DEFAULT_ROUTING };

/** Writes an estate's starting content in the caller's transaction. */
export async function writeDefaults(tx: Writes, estateId: string, at: number, content: EstateContent = DEFAULT_CONTENT): Promise<void> {
  for (const t of DEFAULT_TEMPLATES) await tx.insertTemplate(estateId, t, at);
  await tx.insertSheet(estateId, DEFAULT_SCORING_SHEET);
  await tx.insertSurvey(estateId, DEFAULT_SURVEY);
  for (const d of content.departments) await tx.insertDepartment({ ...d, estateId });
  if (content.routing.length) await tx.setRouting(estateId, content.routing);
}

/** A new estate with the defaults, in the caller's transaction. Its id is short and random (it appears in links). */
export async function newEstate(tx: Writes, input: EstateInput, at: number): Promise<Estate> {
  const estate: Estate = { id: `e-${randomBytes(5).toString('hex')}`, ...input };
  await tx.insertEstate(estate);
  await writeDefaults(tx, estate.id, at);
  return estate;
}
