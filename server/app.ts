/**
 * The HTTP surface: JSON API under /api, the built PWA at /, and /healthz.
 * Every route checks role and estate itself (http/auth.ts); every refusal is a 4xx naming the problem.
 */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Deps } from './context.ts';
import { authenticate, type Env } from './http/auth.ts';
import { HttpError } from './http/errors.ts';
import { adminRoutes } from './routes/admin.ts';
import { alertRoutes } from './routes/alerts.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { authRoutes } from './routes/auth.ts';
import { inspectionRoutes } from './routes/inspections.ts';
import { fieldRoutes } from './routes/field.ts';
import { planRoutes } from './routes/plans.ts';
import { setupRoutes } from './routes/setup.ts';
import { estateIssueRoutes, issueRoutes } from './routes/issues.ts';
import { photoRoutes } from './routes/photos.ts';
import { publicRoutes } from './routes/public.ts';
import { recordRoutes } from './routes/records.ts';

export function createApp(deps: Deps) {
  const app = new Hono<Env>();

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      return c.json({ error: err.message, fields: err.fields }, err.status, err.headers);
    }
    console.error('unexpected error', c.req.method, c.req.path, err);
    return c.json({ error: 'internal error' }, 500);
  });

  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-frame-options', 'DENY');
  });

  app.get('/healthz', (c) => c.json({ ok: true, time: deps.clock() }));

  const api = new Hono<Env>();
  api.use('*', authenticate(deps));
  api.route('/auth', authRoutes(deps));
  api.route('/', publicRoutes(deps));
  api.route('/inspections', inspectionRoutes(deps));
  api.route('/photos', photoRoutes(deps));
  api.route('/issues', issueRoutes(deps));
  for (const routes of [estateIssueRoutes, alertRoutes, analysisRoutes, recordRoutes, adminRoutes, fieldRoutes, setupRoutes, planRoutes]) api.route('/estates', routes(deps));
  api.get('/estates', (c) => {
    const auth = c.get('auth');
    return c.json(auth ? deps.store.listEstates().filter((e) => auth.memberships.some((m) => m.estateId === e.id)) : []);
  });
  api.all('*', (c) => c.json({ error: `no such API route: ${c.req.method} ${c.req.path}` }, 404));
  app.route('/api', api);

  const dir = deps.config.staticDir;
  if (dir && existsSync(join(dir, 'index.html'))) {
    app.use('/*', serveStatic({ root: dir }));
    // The PWA's own routes (/l/<code>, /t/<token>, /kiosk/<code>, …) all open its shell.
    app.get('*', serveStatic({ path: join(dir, 'index.html') }));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
