/**
 * The allow/deny matrix: every staff route × every role of estate A, plus estate B's staff
 * trying estate A's data and a caller with no token. "Allowed" means not 401/403
 * (a well-formed refusal for other reasons, such as 409, still proves the gate let it through).
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failItem, inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

type Who = 'admin' | 'supervisor' | 'inspector' | 'department' | 'outsider-admin' | 'outsider-supervisor' | 'anonymous';
const USERS: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'admin',
  supervisor: 'supervisor',
  inspector: 'wang',
  department: 'cleaning',
  'outsider-admin': 'rs-admin',
  'outsider-supervisor': 'rs-supervisor',
};
const EVERYONE: Who[] = ['admin', 'supervisor', 'inspector', 'department', 'outsider-admin', 'outsider-supervisor', 'anonymous'];

interface Ctx {
  issueId: string;
  inspectionId: string;
  campaignId: string;
}
interface Case {
  route: string;
  method: string;
  path: (c: Ctx) => string;
  json?: (c: Ctx) => unknown;
  allow: Who[];
}

const A = '/api/estates/demo-gardens';
const month = { id: '', month: '2026-02', sheetId: 'sheet-monthly', sheetVersion: 1, inspectedOn: '2026-02-25', deductions: [] };

const CASES: Case[] = [
  {
    route: 'me',
    method: 'GET',
    path: () => '/api/auth/me',
    allow: ['admin', 'supervisor', 'inspector', 'department', 'outsider-admin', 'outsider-supervisor'],
  },
  { route: 'alerts', method: 'GET', path: () => `${A}/alerts`, allow: ['admin', 'supervisor'] },
  { route: 'issue board', method: 'GET', path: () => `${A}/issues`, allow: ['admin', 'supervisor'] },
  {
    route: 'department notices',
    method: 'GET',
    path: () => `${A}/notices?department=cleaning`,
    allow: ['admin', 'supervisor', 'department'],
  },
  { route: 'one issue', method: 'GET', path: (c) => `/api/issues/${c.issueId}`, allow: ['admin', 'supervisor', 'inspector', 'department'] },
  {
    route: 'issue action (escalate)',
    method: 'POST',
    path: (c) => `/api/issues/${c.issueId}/actions`,
    json: () => ({ id: randomUUID(), action: { type: 'escalate', reason: 'matrix' } }),
    allow: ['admin', 'supervisor'],
  },
  {
    route: 'submit inspection',
    method: 'POST',
    path: () => '/api/inspections',
    json: () => inspection('lobby', 'b1-lobby', Date.parse('2026-03-02T01:00:00Z')),
    allow: ['admin', 'supervisor', 'inspector'],
  },
  { route: 'read inspection', method: 'GET', path: (c) => `/api/inspections/${c.inspectionId}`, allow: ['admin', 'supervisor'] },
  { route: 'analysis: patrols', method: 'GET', path: () => `${A}/analysis/patrols`, allow: ['admin', 'supervisor'] },
  { route: 'analysis: issues', method: 'GET', path: () => `${A}/analysis/issues`, allow: ['admin', 'supervisor'] },
  { route: 'analysis: rectification', method: 'GET', path: () => `${A}/analysis/rectification`, allow: ['admin', 'supervisor'] },
  { route: 'analysis: satisfaction', method: 'GET', path: () => `${A}/analysis/satisfaction`, allow: ['admin', 'supervisor'] },
  { route: 'analysis: KPI CSV', method: 'GET', path: () => `${A}/analysis/kpi?month=2026-02&format=csv`, allow: ['admin', 'supervisor'] },
  { route: 'monthly list', method: 'GET', path: () => `${A}/monthly`, allow: ['admin', 'supervisor'] },
  {
    route: 'monthly submit',
    method: 'POST',
    path: () => `${A}/monthly`,
    json: () => ({ ...month, id: randomUUID() }),
    allow: ['admin', 'supervisor'],
  },
  { route: 'campaign list', method: 'GET', path: () => `${A}/campaigns`, allow: ['admin', 'supervisor'] },
  {
    route: 'campaign create',
    method: 'POST',
    path: () => `${A}/campaigns`,
    json: () => ({ name: { zh: '测试', en: 'Test' }, surveyId: 'survey-quarterly', opensOn: '2026-03-01', closesOn: '2026-03-31' }),
    allow: ['admin', 'supervisor'],
  },
  {
    route: 'phone survey entry',
    method: 'POST',
    path: (c) => `${A}/campaigns/${c.campaignId}/responses`,
    json: () => ({ id: randomUUID(), household: `1-1-${Math.floor(Math.random() * 1e6)}`, channel: 'phone', answers: { hygiene: 5 } }),
    allow: ['admin', 'supervisor'],
  },
  { route: 'estate set-up', method: 'GET', path: () => `${A}/setup`, allow: ['admin', 'supervisor'] },
  {
    route: 'create location',
    method: 'POST',
    path: () => `${A}/locations`,
    json: () => ({ kind: 'corridor', name: { zh: '新楼道', en: 'New corridor' } }),
    allow: ['admin'],
  },
  {
    route: 'edit location',
    method: 'PUT',
    path: () => `${A}/locations/north-garden`,
    json: () => ({ kind: 'green_area', name: { zh: '北区花园', en: 'North garden' } }),
    allow: ['admin'],
  },
  { route: 'revoke a QR code', method: 'POST', path: () => `${A}/locations/service-desk/revoke-code`, allow: ['admin'] },
  { route: 'kiosk link', method: 'GET', path: () => `${A}/locations/b1-lobby/kiosk-link`, allow: ['admin'] },
  { route: 'field kit', method: 'GET', path: () => `${A}/field-kit`, allow: ['admin', 'supervisor', 'inspector', 'department'] },
  {
    route: 'add building',
    method: 'POST',
    path: () => `${A}/buildings`,
    json: () => ({ name: { zh: '3号楼', en: 'Building 3' } }),
    allow: ['admin'],
  },
  {
    route: 'import locations',
    method: 'POST',
    path: () => `${A}/locations/import`,
    json: () => ({ csv: 'kind,name_zh,name_en\nlobby,新大堂,New lobby\n' }),
    allow: ['admin'],
  },
  {
    route: 'add department',
    method: 'POST',
    path: () => `${A}/departments`,
    json: () => ({ name: { zh: '保安二队', en: 'Guards 2' }, categories: ['order'] }),
    allow: ['admin'],
  },
  {
    route: 'add user',
    method: 'POST',
    path: () => `${A}/users`,
    json: () => ({ username: `u${Math.floor(Math.random() * 1e9)}`, displayName: 'New', password: 'long-enough-1', role: 'inspector' }),
    allow: ['admin'],
  },
  {
    route: 'deadline policy',
    method: 'PUT',
    path: () => `${A}/policy`,
    json: () => ({ hours: { general: 72, important: 24, urgent: 2 }, level2AfterHours: { general: 72, important: 24, urgent: 2 } }),
    allow: ['admin'],
  },
  {
    route: 'new checklist version',
    method: 'POST',
    path: () => `${A}/templates`,
    json: () => ({
      id: 'tpl-green',
      kind: 'green_area',
      name: { zh: '绿化', en: 'Green' },
      schedule: null,
      items: [{ id: 'x', label: { zh: '甲', en: 'A' }, category: 'greening', answer: { kind: 'passFail' } }],
    }),
    allow: ['admin'],
  },
  { route: 'plan records', method: 'GET', path: () => `${A}/records?kind=drill`, allow: ['admin', 'supervisor'] },
  {
    route: 'record a drill',
    method: 'POST',
    path: () => `${A}/records`,
    json: () => ({
      kind: 'drill',
      id: randomUUID(),
      date: '2026-03-01',
      scenario: 'fire in the car park',
      participants: 12,
      responseMinutes: 4,
      problems: [],
    }),
    allow: ['admin', 'supervisor'],
  },
  {
    route: 'raise an issue by hand',
    method: 'POST',
    path: () => `${A}/issues`,
    json: () => ({
      id: randomUUID(),
      source: 'survey',
      category: 'service',
      severity: 'important',
      description: 'complaint handling is slow',
    }),
    allow: ['admin', 'supervisor'],
  },
  { route: 'kiosk code', method: 'GET', path: () => `${A}/locations/b1-lobby/kiosk-code`, allow: ['admin', 'supervisor'] },
];

let server: TestServer;
let ctx: Ctx;
const tokens: Partial<Record<Who, string>> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const [who, username] of Object.entries(USERS)) tokens[who as Who] = await server.login(username);
  const insp = inspection('lobby', 'b1-lobby', server.clock.now, failItem('notices', 'out-of-date notice'));
  const created = await server.call(API.submitInspection, { token: tokens.inspector, json: insp });
  const issueId = created.body.issues[0];
  await server.call(API.actOnIssue, {
    params: { id: issueId },
    token: tokens.supervisor,
    json: { id: randomUUID(), action: { type: 'assign', departmentId: 'cleaning', requirement: 'replace notice' } },
  });
  const campaign = await server.request('POST', `${A}/campaigns`, {
    token: tokens.supervisor,
    json: { name: { zh: '春季', en: 'Spring' }, surveyId: 'survey-quarterly', opensOn: '2026-03-01', closesOn: '2026-03-31' },
  });
  ctx = { issueId, inspectionId: insp.id, campaignId: campaign.body.id };
});
afterAll(() => server.close());

describe.each(CASES)('$method $route', (c) => {
  it.each(EVERYONE)('%s', async (who) => {
    const r = await server.request(c.method, c.path(ctx), { token: tokens[who], json: c.json?.(ctx) });
    expect(r.status, r.text).not.toBe(500);
    if (c.allow.includes(who)) {
      expect([401, 403], `${who} should be let through: ${r.text}`).not.toContain(r.status);
    } else {
      expect(r.status, r.text).toBe(who === 'anonymous' ? 401 : 403);
    }
  });
});

describe('a department sees only what is assigned to it', () => {
  it('engineering cannot read an issue assigned to cleaning', async () => {
    const r = await server.call(API.issue, { params: { id: ctx.issueId }, token: await server.login('engineering') });
    expect(r.status).toBe(403);
  });

  it("department staff get their own department's notices whatever they ask for", async () => {
    const r = await server.request('GET', `${A}/notices?department=engineering`, { token: tokens.department });
    expect(r.body.notices.every((n: { departmentId: string }) => n.departmentId === 'cleaning')).toBe(true);
  });
});

describe('sessions', () => {
  it('a wrong password is a 401 that does not say which part was wrong', async () => {
    const r = await server.call(API.login, { json: { username: 'supervisor', password: 'nope' } });
    expect(r).toMatchObject({ status: 401, body: { error: 'wrong username or password', code: 'wrongLogin' } });
  });

  it('sign-in is rate-limited per account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await server.call(API.login, { json: { username: 'li', password: `guess-${i}` } })).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it('logout ends the session; the token stops working', async () => {
    const r = await server.call(API.login, { json: { username: 'zhao', password: 'demo-2026' } });
    const token = r.body.token as string;
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect((await server.call(API.logout, { token })).status).toBe(200);
    expect((await server.call(API.me, { token })).status).toBe(401);
  });

  it('an expired session is refused', async () => {
    const r = await server.call(API.login, { json: { username: 'zhao', password: 'demo-2026' } });
    server.clock.advance(31 * 86_400_000);
    expect((await server.call(API.me, { token: r.body.token })).status).toBe(401);
    server.clock.advance(-31 * 86_400_000);
  });

  it('the session token is stored only as a hash', async () => {
    const r = await server.call(API.login, { json: { username: 'zhao', password: 'demo-2026' } });
    expect(await server.sql('SELECT token_hash FROM sessions WHERE token_hash = ?', [r.body.token])).toEqual([]);
    expect(
      await server.sql('SELECT token_hash FROM sessions WHERE token_hash = ?', [createHash('sha256').update(r.body.token).digest('hex')]),
    ).toHaveLength(1);
  });
});
