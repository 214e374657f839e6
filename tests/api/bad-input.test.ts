/** Every write route, fed bad input: always a 4xx whose message names what is wrong, never a 500. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failItem, inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API, ERROR_CODES } from '../../shared/index.ts';

let server: TestServer;
let sup: string;
let admin: string;
let ctx: { issueId: string; track: string; code: string; campaignCode: string; campaignId: string };

interface Route {
  name: string;
  method: string;
  path: () => string;
  token?: () => string;
  /** Where every field is optional, an empty body is valid and meets the state check instead. */
  emptyStatus?: number;
  /** A body with one field wrong, and the field the answer must name. */
  wrong: [() => unknown, string][];
}

const A = '/api/estates/demo-gardens';
const ROUTES: Route[] = [
  { name: 'login', method: 'POST', path: () => '/api/auth/login', wrong: [[() => ({ username: 'x' }), 'password']] },
  {
    name: 'inspection',
    method: 'POST',
    path: () => '/api/inspections',
    token: () => sup,
    wrong: [
      [() => ({ ...inspection('lobby', 'b1-lobby', server.clock.now), confirmedBy: 'telepathy' }), 'confirmedBy'],
      [
        () => ({
          ...inspection('lobby', 'b1-lobby', server.clock.now),
          answers: [{ itemId: 'floor', value: 'pass', photos: [{ sha256: 'nothex', size: 1 }] }],
        }),
        'answers[0].photos[0].sha256',
      ],
    ],
  },
  {
    name: 'issue action',
    method: 'POST',
    path: () => `/api/issues/${ctx.issueId}/actions`,
    token: () => sup,
    wrong: [
      [() => ({ id: randomUUID(), action: { type: 'assign', departmentId: 'cleaning' } }), 'action.requirement'],
      [
        () => ({ id: randomUUID(), action: { type: 'assign', departmentId: 'cleaning', requirement: 'x', deadline: 'tomorrow' } }),
        'action.deadline',
      ],
      [() => ({ id: 'retry-1', action: { type: 'accept' } }), 'id'],
    ],
  },
  {
    name: 'owner report',
    method: 'POST',
    path: () => '/api/owner/reports',
    wrong: [
      [() => ({ id: randomUUID(), locationCode: ctx.code, category: 'ufo', description: 'x' }), 'category'],
      [() => ({ id: randomUUID(), locationCode: ctx.code, category: 'hygiene', description: 'x'.repeat(1001) }), 'description'],
    ],
  },
  {
    name: 'general report',
    method: 'POST',
    path: () => '/api/owner/general-reports',
    wrong: [
      [() => ({ id: randomUUID(), estateId: 'demo-gardens', place: '', category: 'hygiene', description: 'x' }), 'place'],
      [() => ({ id: randomUUID(), estateId: '../x', place: '3号楼', category: 'hygiene', description: 'x' }), 'estateId'],
    ],
  },
  {
    name: 'desk entry',
    method: 'POST',
    path: () => '/api/desk-entries',
    token: () => sup,
    wrong: [
      [
        () => ({
          id: randomUUID(),
          locationId: 'service-desk',
          topic: 'gossip',
          channel: 'visit',
          receivedAt: server.clock.now,
          answeredAt: server.clock.now,
          resolved: true,
          summary: 'x',
        }),
        'topic',
      ],
      [
        () => ({
          id: randomUUID(),
          locationId: 'service-desk',
          topic: 'consultation',
          channel: 'visit',
          receivedAt: server.clock.now,
          answeredAt: server.clock.now,
          resolved: true,
          summary: '',
        }),
        'summary',
      ],
    ],
  },
  {
    name: 'me too',
    method: 'POST',
    path: () => '/api/owner/me-too',
    wrong: [[() => ({ id: randomUUID(), locationCode: ctx.code, issueId: 'nope' }), 'issueId']],
  },
  {
    name: 'not fixed',
    method: 'POST',
    path: () => `/api/track/${ctx.track}/not-fixed`,
    emptyStatus: 409,
    wrong: [[() => ({ reason: 42 }), 'reason']],
  },
  { name: 'owner rating', method: 'POST', path: () => `/api/track/${ctx.track}/rating`, wrong: [[() => ({ rating: 6 }), 'rating']] },
  {
    name: 'kiosk rating',
    method: 'POST',
    path: () => '/api/kiosk/ratings',
    wrong: [[() => ({ id: randomUUID(), locationCode: ctx.code, face: 7 }), 'face']],
  },
  {
    name: 'survey response',
    method: 'POST',
    path: () => `/api/surveys/${ctx.campaignCode}/responses`,
    wrong: [[() => ({ id: randomUUID(), household: '', answers: { hygiene: 5 } }), 'household']],
  },
  {
    name: 'monthly inspection',
    method: 'POST',
    path: () => `${A}/monthly`,
    token: () => sup,
    wrong: [
      [
        () => ({
          id: randomUUID(),
          month: '2026-13',
          sheetId: 'sheet-monthly',
          sheetVersion: 1,
          inspectedOn: '2026-02-25',
          deductions: [],
        }),
        'month',
      ],
      [
        () => ({
          id: randomUUID(),
          month: '2026-02',
          sheetId: 'sheet-monthly',
          sheetVersion: 1,
          inspectedOn: '2026-02-25',
          deductions: [{ itemId: 'pub-refuse', points: 9, note: '' }],
        }),
        'deductions[0].points',
      ],
    ],
  },
  {
    name: 'campaign',
    method: 'POST',
    path: () => `${A}/campaigns`,
    token: () => sup,
    wrong: [
      [
        () => ({ name: { zh: '秋', en: 'Autumn' }, surveyId: 'survey-quarterly', opensOn: '2026-09-30', closesOn: '2026-09-01' }),
        'closesOn',
      ],
    ],
  },
  {
    name: 'staff-entered survey response',
    method: 'POST',
    path: () => `${A}/campaigns/${ctx.campaignId}/responses`,
    token: () => sup,
    wrong: [[() => ({ id: randomUUID(), household: '1-1-101', channel: 'fax', answers: { hygiene: 5 } }), 'channel']],
  },
  {
    name: 'training record',
    method: 'POST',
    path: () => `${A}/records`,
    token: () => sup,
    wrong: [
      [
        () => ({ kind: 'training', id: randomUUID(), date: '2026-03-01', topic: 'fire', title: 'Extinguishers', hours: 0, attendees: [] }),
        'hours',
      ],
      [
        () => ({
          kind: 'training',
          id: randomUUID(),
          date: '2026-03-01',
          topic: 'fire',
          title: 'Extinguishers',
          hours: 2,
          attendees: [{ userId: 'rs-inspector', attended: true }],
        }),
        'attendees[0].userId',
      ],
    ],
  },
  {
    name: 'new user',
    method: 'POST',
    path: () => `${A}/users`,
    token: () => admin,
    wrong: [[() => ({ username: 'newbie', displayName: 'N', password: 'short', role: 'inspector' }), 'password']],
  },
  {
    name: 'location import',
    method: 'POST',
    path: () => `${A}/locations/import`,
    token: () => admin,
    wrong: [[() => ({ csv: 'kind,name_zh,name_en\nlobby,甲,A\nspaceship,乙,B\n' }), 'csv.line3']],
  },
  {
    name: 'deadline policy',
    method: 'PUT',
    path: () => `${A}/policy`,
    token: () => admin,
    wrong: [
      [
        () => ({ hours: { general: 72, important: 24, urgent: -1 }, level2AfterHours: { general: 72, important: 24, urgent: 2 } }),
        'hours.urgent',
      ],
    ],
  },
  {
    name: 'checklist version',
    method: 'POST',
    path: () => `${A}/templates`,
    token: () => admin,
    wrong: [[() => ({ id: 'tpl-lobby', kind: 'lobby', name: { zh: '大堂', en: 'Lobby' }, schedule: null, items: [] }), 'items']],
  },
  {
    name: 'manual issue',
    method: 'POST',
    path: () => `${A}/issues`,
    token: () => sup,
    wrong: [[() => ({ id: randomUUID(), source: 'survey', category: 'service', severity: 'catastrophic', description: 'x' }), 'severity']],
  },
  {
    name: 'new location',
    method: 'POST',
    path: () => `${A}/locations`,
    token: () => admin,
    wrong: [[() => ({ kind: 'moon', name: { zh: 'x', en: 'x' } }), 'kind']],
  },
  {
    name: 'edit location',
    method: 'PUT',
    path: () => `${A}/locations/b1-lobby`,
    token: () => admin,
    wrong: [
      [
        () => ({
          kind: 'lobby',
          name: { zh: '大堂', en: 'Lobby' },
          schedule: { kind: 'interval', everyHours: 2, from: '25:00', to: '21:00' },
        }),
        'schedule.from',
      ],
    ],
  },
];

beforeAll(async () => {
  server = await startTestServer();
  sup = await server.login('supervisor');
  admin = await server.login('admin');
  const code = (await server.running.deps.store.read.getLocation('b1-lobby'))!.code;
  const insp = await server.call(API.submitInspection, {
    token: sup,
    json: inspection('lobby', 'b1-lobby', server.clock.now, failItem('notices', 'old notice')),
  });
  const report = await server.call(API.reportProblem, {
    json: { id: randomUUID(), locationCode: code, category: 'hygiene', description: 'x' },
  });
  const campaign = await server.request('POST', `${A}/campaigns`, {
    token: sup,
    json: { name: { zh: '春', en: 'Spring' }, surveyId: 'survey-quarterly', opensOn: '2026-03-01', closesOn: '2026-03-31' },
  });
  ctx = {
    issueId: insp.body.issues[0],
    track: report.body.trackingToken,
    code,
    campaignCode: campaign.body.code,
    campaignId: campaign.body.id,
  };
});
afterAll(() => server.close());

describe.each(ROUTES)('$method $name', (route) => {
  const send = (body: string | undefined, contentType = 'application/json') =>
    server.request(route.method, route.path(), { token: route.token?.(), body, headers: { 'content-type': contentType } });

  it('refuses a body that is not JSON with 415', async () => {
    const r = await send('a=1', 'application/x-www-form-urlencoded');
    expect(r.status).toBe(415);
    expect(r.body.error).toMatch(/application\/json/);
  });

  it('refuses malformed JSON with 400', async () => {
    const r = await send('{"id": ');
    expect(r).toMatchObject({ status: 400, body: { error: 'body is not valid JSON' } });
  });

  it('refuses an empty object, naming the missing fields', async () => {
    const r = await send('{}');
    expect(r.status).toBe(route.emptyStatus ?? 400);
    if (!route.emptyStatus) expect(r.body.fields.length).toBeGreaterThan(0);
  });

  it.each(route.wrong.map(([make, field]) => ({ make, field })))('names $field when it is wrong', async ({ make, field }) => {
    const r = await send(JSON.stringify(make()));
    expect(r.status, r.text).toBe(400);
    expect(r.body.fields.map((f: { path: string }) => f.path)).toContain(field);
    // Each field names the rule it broke, so the phone and the console can say it in their user's language.
    expect(r.body.code).toBe('invalid');
    for (const f of r.body.fields) expect(f.rule, JSON.stringify(f)).toEqual(expect.any(String));
  });

  it('survives junk of every JSON type without a 500', async () => {
    for (const junk of ['null', '[]', '"text"', '12', 'true', '{"id":{"$gt":""}}', JSON.stringify({ id: 'x'.repeat(100_000) })]) {
      const r = await send(junk);
      expect(r.status, `${junk.slice(0, 30)} → ${r.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(ERROR_CODES).toContain(r.body.code);
    }
  });
});

describe('bad input outside bodies', () => {
  it('a malformed photo hash in the URL', async () => {
    const r = await server.request('PUT', '/api/photos/NOT-A-HASH', { token: sup, body: new Uint8Array([1]) });
    expect(r).toMatchObject({ status: 400, body: { fields: [{ path: 'sha256' }] } });
  });

  it('an unknown filter value on the issue board', async () => {
    const r = await server.request('GET', `${A}/issues?status=lost`, { token: sup });
    expect(r).toMatchObject({ status: 400, body: { fields: [{ path: 'status' }] } });
  });

  it('an analysis period that ends before it starts', async () => {
    const r = await server.request('GET', `${A}/analysis/issues?from=2026-03-01&to=2026-02-01`, { token: sup });
    expect(r.status).toBe(400);
  });

  it('an unknown API route is a JSON 404', async () => {
    const r = await server.request('GET', '/api/nothing-here');
    expect(r).toMatchObject({ status: 404, body: { error: 'no such API route: GET /api/nothing-here', code: 'notFound' } });
  });
});
