import { etagMatches } from '../http/etag.ts';
import { Hono } from 'hono';
import type { Deps } from '../context.ts';
import { SUPERVISORS, requireRole, type Env } from '../http/auth.ts';
import { sha256Hex } from '../security/crypto.ts';
import { computeAlerts } from '../services/alerts.ts';

export function alertRoutes(deps: Deps) {
  return new Hono<Env>().get('/:estateId/alerts', (c) => {
    const estateId = c.req.param('estateId');
    requireRole(c, estateId, SUPERVISORS);
    const body = JSON.stringify(computeAlerts(deps.store, deps.board, estateId, deps.clock()));
    // The ETag is the content's hash: a poll that finds nothing new is a bodiless 304.
    const etag = `"${sha256Hex(body).slice(0, 32)}"`;
    const headers = { etag, 'cache-control': 'private, no-cache' };
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  });
}
