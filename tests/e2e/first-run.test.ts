/** A real customer's first start, in Chromium: the one-time setup link's page, from an empty database to signed in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/index.ts';
import { issueSetupLink } from '../../server/services/first-run.ts';
import type { TestServer } from '../support/server.ts';
import { e2e, emptyServer } from './support/env.ts';

let server: TestServer;
beforeAll(async () => {
  server = await emptyServer();
});
afterAll(() => server.close());

describe('the first start', () => {
  it('the setup link opens a form that names what is wrong, then creates the company, the estate and the administrator, who is signed in', async () => {
    const { browser } = await e2e();
    const link = await issueSetupLink({ store: server.running.deps.store, clock: () => server.clock.now, publicUrl: server.url });
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(link!);
    const form = page.getByTestId('setup-form');
    await form.getByLabel('公司名称').fill('安居物业服务有限公司');
    await form.getByLabel('项目名称').fill('滨江花园');
    await form.getByLabel('地址').fill('上海市浦东新区滨江大道 1 号');
    await form.getByLabel('户数').fill('860');
    await form.getByLabel('物业服务电话').fill('021-5555 0100');
    await form.getByLabel('姓名').fill('周经理');
    await form.getByLabel('密码', { exact: true }).fill('short1');
    await form.getByLabel('再次输入密码').fill('short1');
    await form.getByRole('button', { name: '完成设置' }).click();
    // The shared schema names the field before anything is sent.
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/^密码: /);
    expect(await server.running.deps.store.read.countUsers()).toBe(0);

    await form.getByLabel('密码', { exact: true }).fill('harbour-view-2026');
    await form.getByLabel('再次输入密码').fill('harbour-view-2026');
    await form.getByRole('button', { name: '完成设置' }).click();
    await page.getByTestId('setup-done').waitFor();
    // The token leaves the address bar once used.
    expect(new URL(page.url()).hash).toBe('');
    const [estate] = await server.running.deps.store.read.listEstates();
    expect(estate).toMatchObject({ name: { zh: '滨江花园', en: '滨江花园' }, households: 860, servicePhone: '021-5555 0100' });

    await page.getByRole('link', { name: '进入首页' }).click();
    await expect(page.getByText('周经理').first().textContent()).resolves.toContain('周经理');
    expect((await server.call(API.firstRun, {})).body).toEqual({ needed: false });

    // The link is spent: opened again, it says the server is set up and offers sign-in.
    await page.goto(link!);
    await page.getByTestId('setup-closed').waitFor();
    console.log(`  first-run setup in the browser: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await context.close();
  });
});
