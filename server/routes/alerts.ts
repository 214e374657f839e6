import type { Hono } from 'hono';
import { etag } from 'hono/etag';
import { SUPERVISORS, API } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { raw, route } from '../http/contract.ts';
import { textAnswer } from '../http/compress.ts';
import { sha256Hex } from '../security/crypto.ts';
import { computeAlerts } from '../services/alerts.ts';

export function alertRoutes(app: Hono<Env>, deps: Deps) {
  route(
    app,
    API.alerts,
    async (c, { params: { estateId } }) => {
      requireRole(c, estateId, SUPERVISORS);
      const now = deps.clock();
      const body = JSON.stringify(await computeAlerts(deps.store.read, await deps.board.at(estateId, now), estateId, now));
      // The ETag is the content's hash: a poll that finds nothing new is a bodiless 304.
      const tag = `"${sha256Hex(body).slice(0, 32)}"`;
      return raw(
        await textAnswer(c, body, 200, {
          etag: tag,
          'cache-control': 'private, no-cache',
          'content-type': 'application/json; charset=utf-8',
        }),
      );
    },
    // Hono's etag answers If-None-Match (weakly, so a compressed answer's W/"…" still matches) with a bodiless 304.
    etag(),
  );
}
