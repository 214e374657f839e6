/** Survey campaigns: one at a time per estate, so each household is asked once a quarter and each quarter reads alone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const params = { estateId: 'demo-gardens' };
const campaign = (zh: string, opensOn: string, closesOn: string) => ({
  name: { zh, en: zh },
  surveyId: 'survey-quarterly',
  opensOn,
  closesOn,
});

describe('survey campaigns', () => {
  it('a campaign whose dates overlap another is refused, naming the other; one that starts the day after is taken', async () => {
    const token = await server.login('supervisor');
    expect((await server.call(API.createCampaign, { params, token, json: campaign('一季度', '2026-03-01', '2026-03-31') })).status).toBe(
      201,
    );
    const overlapping = await server.call(API.createCampaign, { params, token, json: campaign('三月补充', '2026-03-31', '2026-04-15') });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.error).toContain('一季度');
    expect((await server.call(API.campaigns, { params, token })).body.campaigns).toHaveLength(1);
    expect((await server.call(API.createCampaign, { params, token, json: campaign('二季度', '2026-04-01', '2026-04-30') })).status).toBe(
      201,
    );
  });
});
