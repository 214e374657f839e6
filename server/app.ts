/**
 * The HTTP surface: JSON API under /api, the built PWA at /, and /healthz.
 * Every route checks role and estate itself (http/auth.ts); every refusal is a 4xx naming the problem.
 */
import type { Refused } from '../shared/index.ts';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from './context.ts';
import { authenticate, type Env } from './http/auth.ts';
import { capBodies } from './http/body-limit.ts';
import { compressAnswers } from './http/compress.ts';
import { publicLimits } from './http/public-limits.ts';
import { loadPwa, servePwa } from './http/pwa.ts';
import { HttpError } from './http/errors.ts';
import { Refusal, type RefusalKind } from './services/refusals.ts';
import { isUniqueViolation } from './storage/conflicts.ts';
import { describeDiskProblem, diskProblem } from './storage/disk-errors.ts';
import { accountRoutes } from './routes/accounts.ts';
import { pushRoutes } from './routes/push.ts';
import { setupRoutes } from './routes/setup.ts';
import { estateRoutes } from './routes/estates.ts';
import { auditRoutes } from './routes/audit.ts';
import { groupRoutes } from './routes/group.ts';
import { adminRoutes } from './routes/admin.ts';
import { alertRoutes } from './routes/alerts.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { authRoutes } from './routes/auth.ts';
import { inspectionRoutes } from './routes/inspections.ts';
import { fieldRoutes } from './routes/field.ts';
import { planRoutes } from './routes/plans.ts';
import { issueRoutes } from './routes/issues.ts';
import { photoRoutes } from './routes/photos.ts';
import { publicRoutes } from './routes/public.ts';
import { recordRoutes } from './routes/records.ts';
import { deskRoutes } from './routes/desk.ts';
import { reviewRoutes } from './routes/review.ts';
import { guardRouteRoutes } from './routes/guard-routes.ts';

const REFUSAL_STATUS = {
  invalid: 400,
  notFound: 404,
  forbidden: 403,
  conflict: 409,
  tooLarge: 413,
  unsupported: 415,
} as const satisfies Record<RefusalKind, number>;

export function createApp(deps: Deps) {
  const app = new Hono<Env>();

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      return c.json({ error: err.message, code: err.code, fields: err.fields } satisfies Refused, err.status, err.headers);
    }
    // A service's refusal, in the domain's terms: the status is chosen here, the kind goes along as `code`.
    if (err instanceof Refusal)
      return c.json({ error: err.message, code: err.kind, fields: err.fields } satisfies Refused, REFUSAL_STATUS[err.kind]);
    // Someone else saved the same key a moment before; nothing of this request was written.
    if (isUniqueViolation(err))
      return c.json(
        {
          error: 'this was changed by someone else at the same moment; reload and try again',
          code: 'conflict',
          fields: [],
        } satisfies Refused,
        409,
      );
    // Nothing was written (the transaction rolled back); the phone keeps the record and tries again.
    const disk = diskProblem(err);
    if (disk) {
      console.error(`pqm: ${describeDiskProblem(disk)} (${c.req.method} ${c.req.path} answered 503)`);
      const error = `the server cannot store anything now: ${describeDiskProblem(disk)}; try again later`;
      return c.json({ error, code: 'unavailable', fields: [] } satisfies Refused, 503, {
        'Retry-After': '60',
      });
    }
    console.error('unexpected error', c.req.method, c.req.path, err);
    return c.json({ error: 'internal error', code: 'internal', fields: [] } satisfies Refused, 500);
  });

  const pwa = loadPwa(deps.config.staticDir);
  const csp = pwa?.csp ?? null;
  app.use(
    '*',
    secureHeaders({
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      // Browsers ignore HSTS over plain HTTP; send it only where the origin is HTTPS.
      strictTransportSecurity: deps.config.https ? 'max-age=31536000; includeSubDomains' : false,
      // The console (an extension page) shows photos from this origin.
      crossOriginResourcePolicy: false,
      // A new browsing-context group per navigation costs a process swap on every QR scan; nothing here needs it.
      crossOriginOpenerPolicy: false,
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    // The PWA's policy comes from its own <meta> tag; as a header it also covers its service worker and
    // forbids framing. API answers load nothing.
    const api = c.req.path.startsWith('/api/');
    c.header('content-security-policy', !api && csp ? `${csp}; frame-ancestors 'none'` : "default-src 'none'; frame-ancestors 'none'");
  });

  // Bodies are capped before any route reads them; anonymous writes are counted before their body is read.
  app.use('/api/*', authenticate(deps));
  app.use('/api/*', publicLimits(deps));
  app.use('*', capBodies());
  // Answers over 1 KB travel gzipped: the routes make theirs so (textAnswer), this catches the rest (an error's JSON).
  // The PWA's files are precompressed.
  app.use('/api/*', compressAnswers());

  // A load balancer drops a server whose database or photo storage does not answer.
  app.get('/healthz', async (c) => {
    try {
      await deps.health();
      return c.json({ ok: true, time: deps.clock() });
    } catch (e) {
      console.error('pqm: health check failed:', (e as Error).message);
      return c.json({ ok: false, error: 'the database or the photo storage does not answer' }, 503, { 'Retry-After': '10' });
    }
  });

  // Every API route is registered from the shared contract (shared/api/endpoints.ts).
  for (const routes of [
    authRoutes,
    publicRoutes,
    inspectionRoutes,
    photoRoutes,
    issueRoutes,
    accountRoutes,
    pushRoutes,
    setupRoutes,
    alertRoutes,
    analysisRoutes,
    recordRoutes,
    deskRoutes,
    reviewRoutes,
    guardRouteRoutes,
    adminRoutes,
    fieldRoutes,
    planRoutes,
    estateRoutes,
    auditRoutes,
    groupRoutes,
  ])
    routes(app, deps);
  app.all('/api/*', (c) =>
    c.json({ error: `no such API route: ${c.req.method} ${c.req.path}`, code: 'notFound', fields: [] } satisfies Refused, 404),
  );

  if (pwa) servePwa(app, deps, pwa);
  return app;
}
