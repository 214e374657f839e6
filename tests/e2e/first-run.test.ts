/**
 * A real customer's first start, in Chromium, as the README walks it: from an empty database, the setup link, 100
 * locations from a GBK spreadsheet, an inspector invited who sets a password on a phone, the labels printed, one of
 * them read by the phone's camera, and that location patrolled. Each step's time in the browser is reported.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import { issueSetupLink } from '../../server/services/first-run.ts';
import { API } from '../../shared/index.ts';
import type { TestServer } from '../support/server.ts';
import { readQr, e2e, emptyServer, openChecklist, phone as phoneOn } from './support/env.ts';
import { extension } from './support/extension.ts';

let server: TestServer;
beforeAll(async () => {
  server = await emptyServer();
});
afterAll(() => server.close());

const ADMIN = { username: 'zhou', password: 'harbour-view-2026' };

describe('the first start', () => {
  it('from an empty database to the first patrol: set up, import 100 locations, invite an inspector, print and scan a label, patrol', async () => {
    const { browser } = await e2e();
    const store = () => server.running.deps.store.read;
    const steps: [string, number][] = [];
    let mark = Date.now();
    const done = (step: string) => {
      steps.push([step, Date.now() - mark]);
      mark = Date.now();
    };

    // 1. The setup link the server printed: the company, the first estate, the first administrator.
    const link = await issueSetupLink({ store: server.running.deps.store, clock: () => server.clock.now, publicUrl: server.url });
    const desk = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1024, height: 900 } });
    const page = await desk.newPage();
    await page.goto(link!);
    const form = page.getByTestId('setup-form');
    await form.getByLabel('公司名称').fill('安居物业服务有限公司');
    await form.getByLabel('项目名称').fill('滨江花园');
    await form.getByLabel('地址').fill('上海市浦东新区滨江大道 1 号');
    await form.getByLabel('户数').fill('860');
    await form.getByLabel('物业服务电话').fill('021-5555 0100');
    await form.getByLabel('用户名').fill(ADMIN.username);
    await form.getByLabel('姓名').fill('周经理');
    await form.getByLabel('密码', { exact: true }).fill('short1');
    await form.getByLabel('再次输入密码').fill('short1');
    await form.getByRole('button', { name: '完成设置' }).click();
    // The shared schema names the field before anything is sent.
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/^密码: /);
    expect(await store().countUsers()).toBe(0);
    await form.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await form.getByLabel('再次输入密码').fill(ADMIN.password);
    await form.getByRole('button', { name: '完成设置' }).click();
    await page.getByTestId('setup-done').waitFor();
    // The token leaves the address bar once used, and the link is spent.
    expect(new URL(page.url()).hash).toBe('');
    const [estate] = await store().listEstates();
    expect(estate).toMatchObject({ name: { zh: '滨江花园', en: '滨江花园' }, households: 860, servicePhone: '021-5555 0100' });
    await page.getByRole('link', { name: '进入首页' }).click();
    await expect(page.getByText('周经理').first().textContent()).resolves.toContain('周经理');
    expect((await server.call(API.firstRun, {})).body).toEqual({ needed: false });
    await page.goto(link!);
    await page.getByTestId('setup-closed').waitFor();
    await desk.close();
    done('set up the company, the estate and the administrator');

    // 2. The extension, signed in to this server: 100 locations from an Excel sheet saved as GBK.
    const ext = await extension();
    await ext.signIn(server.url, ADMIN.username, ADMIN.password);
    const console_ = await ext.page('src/console/index.html#/admin');
    const importForm = console_.getByTestId('csv-import');
    await importForm.locator('input[type=file]').setInputFiles(join(projectRoot(), 'tests/fixtures/locations-100-gbk.csv'));
    await expect(importForm.getByTestId('csv-preview').textContent()).resolves.toMatch(/将导入点位: ?100/);
    await importForm.getByRole('button', { name: 'CSV 导入' }).click();
    await expect.poll(async () => (await store().listLocations(estate.id)).length).toBe(100);
    done('import 100 locations (GBK CSV)');

    // 3. An inspector, invited: the QR code read off the screen opens on their phone, where they choose a password.
    await console_.getByRole('button', { name: '人员与角色' }).click();
    const add = console_.getByTestId('add-person');
    await add.getByLabel('用户名').fill('sun.li');
    await add.getByLabel('姓名').fill('巡查员 孙丽');
    await add.getByRole('button', { name: '新增' }).click();
    const card = console_.getByTestId('invitation');
    await card.getByTestId('qr').waitFor();
    const invitation = new URL(await readQr(card.getByTestId('qr')));
    // The inspector's phone, on this fresh install.
    const { context: mobile, page: phone } = await phoneOn('zh-CN', 'Asia/Shanghai', server);
    await phone.goto(invitation.pathname + invitation.hash);
    const join_ = phone.getByTestId('join-form');
    await expect(join_.textContent()).resolves.toContain('巡查员 孙丽');
    await join_.getByLabel('新密码').fill('sun-li-patrol-7');
    await join_.getByLabel('再次输入密码').fill('sun-li-patrol-7');
    await join_.getByRole('button', { name: '设置密码并登录' }).click();
    await phone.waitForURL((u) => u.pathname === '/');
    done('invite an inspector, who sets a password on the phone');

    // 4. The labels for every location, printed; the phone's camera reads the first building's lobby.
    await console_.goto(console_.url().replace(/#.*$/, '#/labels'));
    await console_.getByRole('checkbox', { name: '全选' }).check();
    await console_.getByRole('button', { name: '打印标签' }).click();
    await expect.poll(async () => (await store().readinessCounts(estate.id)).unlabelled).toBe(0);
    await console_.emulateMedia({ media: 'print' });
    const lobby = (await store().listLocations(estate.id)).find((l) => l.name.zh === '1号楼大堂1')!;
    const label = console_.locator(`[data-testid=label][data-location="${lobby.id}"] img`);
    await label.waitFor();
    const scanned = new URL(await readQr(label));
    expect(scanned.pathname).toBe(`/l/${lobby.code}`);
    done('print the labels and scan one');

    // 5. The patrol at that lobby, on the phone.
    await phone.goto(scanned.pathname + scanned.search);
    await expect(phone.getByTestId('location-name').textContent()).resolves.toBe('1号楼大堂1');
    // The page carries the company's and the estate's name, not the app's.
    await expect(phone.getByTestId('brand').textContent()).resolves.toBe('安居物业服务有限公司 · 滨江花园');
    await openChecklist(phone);
    await phone.locator('[data-testid=patrol-form] fieldset[data-item]').first().waitFor();
    for (const item of await phone.locator('[data-testid=patrol-form] fieldset[data-item]').all())
      if ((await item.getAttribute('data-item')) !== 'remarks') await item.getByRole('button', { name: '合格', exact: true }).click();
    await phone.click('[data-testid=submit-patrol]');
    await phone.getByTestId('patrol-saved').waitFor();
    await expect.poll(async () => (await store().inspectionTimes(estate.id, 0, Number.MAX_SAFE_INTEGER)).length).toBe(1);
    done('patrol the scanned location');

    // What the administrator did is in the audit log, by name.
    const log = await store().auditLog({ estateId: estate.id, withGroup: true, limit: 100, offset: 0 });
    expect(log.entries.map((e) => e.action).sort()).toEqual(expect.arrayContaining(['locations.import', 'user.add']));
    expect(new Set(log.entries.map((e) => e.actor))).toEqual(new Set(['周经理 (zhou)']));

    await mobile.close();
    await console_.close();
    await ext.signOut();
    const total = steps.reduce((n, [, ms]) => n + ms, 0);
    for (const [step, ms] of steps) console.log(`  first start · ${step}: ${(ms / 1000).toFixed(1)} s`);
    console.log(`  first start · in the browser, in all: ${(total / 1000).toFixed(1)} s (a person: at most 15 minutes)`);
  });
});
