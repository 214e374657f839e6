/** The audit log (操作日志): every administrative change, who made it and when, with what was before and after. */

export const AUDIT_ACTIONS = [
  'estate.create',
  'estate.update',
  'estate.archive',
  'estate.restore',
  'building.add',
  'location.add',
  'location.change',
  'location.revokeCode',
  'locations.import',
  'department.add',
  'user.add',
  'users.import',
  'user.membership',
  'user.disable',
  'user.enable',
  'user.resetPassword',
  'user.invite',
  'user.endSessions',
  'template.publish',
  'policy.set',
  'routing.set',
  'channel.add',
  'channel.remove',
  'owner.export',
  'owner.erase',
  'group.access',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The estate id under which changes to the group itself (group roles) are recorded; group administrators read them. */
export const GROUP_AUDIT = '';

export interface AuditEntry {
  id: string;
  /** The estate changed, or GROUP_AUDIT for the group. */
  estateId: string;
  at: number;
  actorId: string;
  /** The actor's username and name when it happened. */
  actor: string;
  action: AuditAction;
  /** What was changed: a location's, a person's, a template's … name or id. */
  target: string;
  /** JSON of the state before and after; null where there was none. Never a password or a channel's secret. */
  before: unknown;
  after: unknown;
}

/** GET /api/estates/:id/audit (`?format=csv` for a spreadsheet). */
export interface AuditPage {
  total: number;
  entries: AuditEntry[];
}
