/** 持续改进: the quarterly review and its measures, for the quality team. */
import type { Hono } from 'hono';
import { API, SUPERVISORS, isQuarter } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { created, route } from '../http/contract.ts';
import { badRequest } from '../http/errors.ts';
import { addMeasure, quarterReview, setMeasureStatus } from '../services/review.ts';

const quarterOf = (q: string) => {
  if (!isQuarter(q)) throw badRequest('quarter: must be YYYY-Qn', [{ path: 'quarter', message: 'must be YYYY-Qn', rule: 'format' }]);
  return q;
};

export function reviewRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.quarterReview, async (c, { params }) => {
    requireRole(c, params.estateId, SUPERVISORS);
    return quarterReview(deps, params.estateId, quarterOf(params.quarter));
  });
  route(app, API.addMeasure, async (c, req) => {
    const m = requireRole(c, req.params.estateId, SUPERVISORS);
    return created(await addMeasure(deps, req.params.estateId, quarterOf(req.params.quarter), await req.body(), m.userId));
  });
  route(app, API.setMeasureStatus, async (c, req) => {
    requireRole(c, req.params.estateId, SUPERVISORS);
    return setMeasureStatus(deps, req.params.estateId, req.params.id, (await req.body()).status);
  });
}
