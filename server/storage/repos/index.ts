/** Every query, written once against `Sql`; each engine hands in its own connection. */
import type { ChecklistTemplate } from '../../../shared/index.ts';
import type { Sql } from '../sql.ts';
import type { Writes } from '../store.ts';
import { auditRepo } from './audit.ts';
import { estateRepo } from './estates.ts';
import { groupRepo } from './group.ts';
import { issueRepo } from './issues.ts';
import { notificationRepo } from './notifications.ts';
import { peopleRepo } from './people.ts';
import { recordRepo } from './records.ts';

/** `templateCache` only for reads outside a transaction (see estateRepo). */
export function repositories(
  sql: Sql,
  templateCache: Map<string, ChecklistTemplate> | null = null,
): Omit<Writes, 'exclusive' | 'inspectionsAfter'> {
  return {
    ...estateRepo(sql, templateCache),
    ...peopleRepo(sql),
    ...issueRepo(sql),
    ...recordRepo(sql),
    ...notificationRepo(sql),
    ...auditRepo(sql),
    ...groupRepo(sql),
  };
}
