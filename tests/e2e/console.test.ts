/** The supervisor console (extension pages) with the real server: the quality team's daily work. */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { projectRoot } from '../../server/config.ts';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  OWNER_SOURCES,
  dateIn,
  formatEstateTime,
  formatShortCode,
  monthIn,
  monthPeriod,
  previousMonth,
  quarterOfMonth,
  quarterPeriod,
  referenceOf,
  shiftQuarter,
  type Category,
} from '../../shared/index.ts';
import type { TestServer } from '../support/server.ts';
import { cameraPhoto, readQr, e2e, phone, signInOnPhone, waitForServiceWorker, openChecklist } from './support/env.ts';
import { extension, type ExtensionEnv } from './support/extension.ts';
import { startRobots } from '../support/robots.ts';
import { failItem, inspection, raiseIssue } from '../support/payloads.ts';
import { workbook } from '../support/xlsx.ts';
import { logDeskEntry } from '../../server/services/desk.ts';
import { reportProblem } from '../../server/services/owners.ts';
import { API } from '../../shared/index.ts';

let server: TestServer;
let ext: ExtensionEnv;
beforeAll(async () => {
  ({ server } = await e2e());
  ext = await extension();
  await ext.signIn(server.url);
});

const store = () => server.running.deps.store.read;
const consolePage = (hash: string) => ext.page(`src/console/index.html#${hash}`);

/** 接待登记 at the demo's desk, by its service lead, through the service (the phone's form has its own test). */
async function logAtDesk(
  topic: 'consultation' | 'request' | 'complaint',
  resolved: boolean,
  receivedAt: number,
  category: Category = 'service',
): Promise<void> {
  const desk = (await store().getLocation('service-desk'))!;
  const by = { kind: 'user', id: 'u-svc', role: 'department', departmentId: 'service', lead: true } as const;
  const body = { id: randomUUID(), locationId: desk.id, topic, channel: 'visit', receivedAt, answeredAt: receivedAt + 4 * 60_000 } as const;
  await logDeskEntry(server.running.deps, desk, { ...body, resolved, summary: '咨询', household: '', category }, by);
}

/** Made through the service, not the public route: the route's per-address count is the phone tests' to spend. */
async function ownerReport(locationId: string, description: string): Promise<string> {
  const at = (await store().getLocation(locationId))!;
  const body = { id: randomUUID(), locationCode: at.code, category: 'hygiene' as const, description, photos: [], contact: '' };
  return (await reportProblem(server.running.deps, at, body, { author: 'test:console', held: false })).issueId;
}

async function assignInConsole(page: Page, department: string, requirement: string, person?: string): Promise<void> {
  await page.click('[data-testid=action-assign]');
  const form = page.locator('[data-testid=assign-form]');
  await form.locator('select[name=department]').selectOption(department);
  if (person) await form.locator('select[name=assignee]').selectOption({ label: person });
  await form.locator('textarea[name=requirement]').fill(requirement);
  // The deadline is prefilled from the severity rules.
  expect(await form.locator('input[name=deadline]').inputValue()).not.toBe('');
  await form.locator('button[type=submit]').click();
}

describe('rectification in the console', () => {
  it('an owner report is accepted and assigned to a person of a department, with the history recorded', async () => {
    const issueId = await ownerReport('b1-stairs', '楼梯扶手松动 · loose handrail');
    const page = await consolePage(`/issues/${issueId}`);
    await page.locator('[data-testid=issue-detail]').waitFor();
    await page.click('[data-testid=action-accept]');
    await expect.poll(async () => (await store().getIssue(issueId))?.verified).toBe(true);
    await assignInConsole(page, 'engineering', '紧固扶手 · tighten the handrail', '维修工 黄斌 Huang Bin');
    await expect.poll(async () => (await store().getIssue(issueId))?.status).toBe('assigned');
    expect(await store().getIssue(issueId)).toMatchObject({
      departmentId: 'engineering',
      assigneeId: 'u-fitter',
      requirement: '紧固扶手 · tighten the handrail',
    });
    await expect.poll(() => page.getByTestId('assignee').textContent()).toBe('维修工 黄斌 Huang Bin');
    await expect
      .poll(() => page.locator('[data-testid=history] li').allTextContents())
      .toEqual([expect.stringContaining('登记'), expect.stringContaining('受理'), expect.stringContaining('派单')]);
    await page.close();
  });

  it("a department's fix reported on the phone is verified in the console; another is reopened", async () => {
    const fixed = await ownerReport('b2-lobby', '大堂灯不亮 · lobby light out');
    const again = await ownerReport('b2-lobby', '大堂门禁失灵 · door entry broken');
    for (const id of [fixed, again]) {
      const page = await consolePage(`/issues/${id}`);
      await page.locator('[data-testid=issue-detail]').waitFor();
      await assignInConsole(page, 'engineering', '修复 · repair');
      await expect.poll(async () => (await store().getIssue(id))?.status).toBe('assigned');
      await page.close();
    }

    const { context, page: mobile } = await phone();
    await signInOnPhone(mobile, 'engineering');
    await mobile.click('[data-testid=my-notices]');
    for (const id of [fixed, again]) {
      const notice = mobile.locator('[data-testid=notice]', { has: mobile.locator(`text=${(await store().getIssue(id))!.description}`) });
      await notice.locator('[data-testid=report-fix]').click();
      await notice.locator('textarea').fill('已修复 · repaired');
      await notice.locator('[data-testid=after-photo]').setInputFiles(await cameraPhoto('#228866'));
      await notice.locator('.photos img').waitFor();
      await notice.getByRole('button', { name: '反馈整改' }).click();
      await expect.poll(async () => (await store().getIssue(id))?.status, { timeout: 15_000 }).toBe('rectified');
    }
    await context.close();

    const verify = await consolePage(`/issues/${fixed}`);
    await verify.locator('[data-testid=issue-detail] img.photo').first().waitFor();
    await verify.click('[data-testid=action-verify]');
    await expect.poll(async () => (await store().getIssue(fixed))?.status).toBe('closed');
    await verify.close();

    const reopen = await consolePage(`/issues/${again}`);
    await reopen.click('[data-testid=action-reopen]');
    await reopen.locator('[data-testid=reopen-form] textarea').fill('门禁仍无法刷卡 · cards still rejected');
    await reopen.locator('[data-testid=reopen-form] button[type=submit]').click();
    await expect.poll(async () => (await store().getIssue(again))?.status).toBe('reopened');
    expect(await store().getIssue(again)).toMatchObject({ reopenCount: 1, departmentId: 'engineering' });
    await reopen.close();
  });

  it('a 10 s clip recorded offline with a finding reaches the server after reconnecting, and plays in the console', async () => {
    const { context, page: mobile } = await phone();
    await signInOnPhone(mobile, 'li');
    await mobile.goto(`/l/${(await store().getLocation('b2-lobby'))!.code}`);
    await waitForServiceWorker(mobile);
    await mobile.locator('[data-testid=location-name]').waitFor();
    await context.setOffline(true);
    await openChecklist(mobile);
    const form = mobile.locator('[data-testid=patrol-form]');
    await form.locator('fieldset[data-item]').first().waitFor();
    for (const item of await form.locator('fieldset[data-item]').all()) {
      const id = await item.getAttribute('data-item');
      const verdict = item.getByRole('button', { name: id === 'floor' ? '不合格' : '合格', exact: true });
      if (await verdict.count()) await verdict.click();
    }
    const floor = form.locator('fieldset[data-item=floor]');
    await floor.locator('textarea').fill('电梯口积水,见视频 · water by the lifts, see the clip');
    // The phone's camera, in the page: ten seconds, stopped by hand.
    await floor.locator('[data-testid=record-video]').click();
    await floor.locator('[data-testid=start-recording]:not([disabled])').click();
    await mobile.waitForTimeout(10_000);
    await floor.locator('[data-testid=stop-recording]').click();
    await floor.locator('[data-testid=clip-preview]').waitFor();
    await mobile.click('[data-testid=submit-patrol]');
    await expect(mobile.locator('[data-testid=patrol-saved]').textContent()).resolves.toContain('已保存在本机');

    await context.setOffline(false);
    await mobile.evaluate(() => window.dispatchEvent(new Event('online')));
    await mobile.waitForFunction(() => document.querySelector('[data-testid=pending-count]')?.textContent === '0', undefined, {
      timeout: 30_000,
    });
    await context.close();
    const issue = (await store().listIssues({ estateId: 'demo-gardens', locationId: 'b2-lobby' })).issues.find((i) =>
      i.photos.some((p) => p.kind === 'video'),
    )!;
    const clip = issue.photos.find((p) => p.kind === 'video')!;
    const stored = await store().getPhoto(clip.sha256);
    expect(stored).toMatchObject({ mediaType: 'video/webm', size: clip.size });
    // Ten seconds at the recorder's bitrate: well over a few KB, well under the cap.
    expect(clip.size).toBeGreaterThan(50_000);
    expect(clip.size).toBeLessThan(5 * 1024 * 1024);

    const page = await consolePage(`/issues/${issue.id}`);
    const player = page.locator('[data-testid=issue-detail] video[data-testid=clip]');
    await player.waitFor();
    await player.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(
      () => ((document.querySelector('video[data-testid=clip]') as HTMLVideoElement | null)?.currentTime ?? 0) > 2,
      undefined,
      {
        timeout: 15_000,
      },
    );
    expect(await page.locator('[data-testid=clip-unplayable]').count()).toBe(0);
    await page.close();
  });

  it('the board filters by department and status, and verifies many fixes at once', async () => {
    const ids: string[] = [];
    for (const text of ['绿篱缺水 · hedge dry', '草坪有坑 · hole in the lawn']) {
      const id = await ownerReport('south-lawn', text);
      await server.call(API.actOnIssue, {
        params: { id },
        token: await server.login('supervisor'),
        json: { id: randomUUID(), action: { type: 'assign', departmentId: 'greening', requirement: 'fix' } },
      });
      await server.call(API.actOnIssue, {
        params: { id },
        token: await server.login('greening'),
        json: { id: randomUUID(), action: { type: 'rectify', note: 'done', photos: [] } },
      });
      ids.push(id);
    }
    const page = await consolePage('/issues');
    await page.locator('[data-testid=issue-table]').waitFor();
    await page.selectOption('select[name=department]', 'greening');
    await page.selectOption('select[name=status]', 'rectified');
    const shown = () =>
      page.locator('[data-testid=issue-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-issue')));
    await expect.poll(async () => (await shown()).sort()).toEqual([...ids].sort());
    await page.check('[data-testid=issue-table] thead input[type=checkbox]');
    await page.getByRole('button', { name: '批量复查通过' }).click();
    await expect.poll(() => Promise.all(ids.map(async (id) => (await store().getIssue(id))?.status))).toEqual(['closed', 'closed']);
    await page.close();
  });

  it('the printed 整改通知单 carries the estate, the reference number, the deadline, and lines to sign for receipt and re-check', async () => {
    const issueId = await raiseIssue(server, 'demo-gardens', {
      locationId: 'pump-room',
      category: 'facilities',
      severity: 'important',
      description: '水泵异响 · pump noise',
    });
    const page = await consolePage(`/issues/${issueId}`);
    await page.getByTestId('issue-detail').waitFor();
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('notice-sheet');
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? '';
    for (const part of ['示范花园', '整改通知单', referenceOf(issueId), '水泵异响', '签收', '复查', '整改完成情况'])
      expect(text).toContain(part);
    // The screen's own parts stay off the paper.
    expect(await page.getByTestId('history').isVisible()).toBe(false);
    await page.close();
  });

  it('the board finds a report by the reference number the owner quotes, or by words, and exports what it shows', async () => {
    const id = await raiseIssue(server, 'demo-gardens', { locationId: 'b2-lobby', description: '垃圾桶满溢 · bins full' });
    const page = await consolePage('/issues');
    await page.locator('[data-testid=issue-table]').waitFor();
    const shown = () =>
      page.locator('[data-testid=issue-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-issue')));
    await page.getByRole('searchbox', { name: '搜索' }).fill(referenceOf(id));
    await expect.poll(shown).toEqual([id]);
    await page.getByRole('searchbox', { name: '搜索' }).fill('垃圾桶满溢');
    await expect.poll(shown).toEqual([id]);
    const download = page.waitForEvent('download');
    await page.getByTestId('csv-issues').click();
    const csv = (await import('node:fs')).readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, row, more] = csv.trim().split(/\r?\n/);
    expect(header.split(',')[0]).toBe('报事单号');
    expect(row).toContain(referenceOf(id));
    expect(row).toContain('垃圾桶满溢');
    expect(more).toBeUndefined();
    await page.close();
  });
});

describe('administration', () => {
  it('a supervisor reads the administration but is offered no administrator-only action; an administrator is, in words', async () => {
    await ext.signIn(server.url, 'supervisor');
    const page = await consolePage('/admin');
    await page.getByTestId('admin-only').waitFor();
    expect(await page.getByRole('button', { name: /^换码: / }).count()).toBe(0);
    await page.close();
    await ext.signIn(server.url, 'admin');
    const admin = await consolePage('/admin');
    await admin.getByRole('button', { name: '换码: 1号楼大堂' }).waitFor();
    await admin.getByRole('button', { name: '平板链接: 1号楼大堂' }).waitFor();
    expect(await admin.getByTestId('admin-only').count()).toBe(0);
    await admin.close();
    await ext.signIn(server.url, 'supervisor');
  });

  it('the quality team sets up a guard route in the console; its rounds show in the analysis and the KPI, by guard', async () => {
    const page = await consolePage('/admin');
    await page.getByRole('button', { name: '巡更路线' }).click();
    await page.getByTestId('add-route').click();
    const editor = page.getByTestId('route-editor');
    await editor.locator('input[name=name]').fill('东区夜巡');
    for (const place of ['main-gate', 'carpark', 'pump-room']) await editor.locator('select[name=addCheckpoint]').selectOption(place);
    await editor.getByRole('button', { name: '下移 南大门岗亭' }).click();
    await editor.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('routes-admin').getByText('东区夜巡').waitFor();
    const route = (
      await server.call(API.routes, { params: { estateId: 'demo-gardens' }, token: await server.login('supervisor') })
    ).body.routes.find((r) => r.name.zh === '东区夜巡')!;
    expect(route.checkpoints).toEqual(['carpark', 'main-gate', 'pump-room']);
    // A round walked last night by an inspector, with the pump room skipped.
    const at = server.clock.now - 3_600_000;
    const walked = await server.call(API.submitRound, {
      params: { estateId: 'demo-gardens', id: route.id },
      token: await server.login('li'),
      json: {
        id: randomUUID(),
        scans: [
          { locationId: 'carpark', at, method: 'printed_code' },
          { locationId: 'main-gate', at: at + 300_000, method: 'nfc' },
        ],
      },
    });
    expect(walked.body).toMatchObject({ complete: false, skipped: ['pump-room'] });
    await page.goto(page.url().replace(/#.*$/, '#/analysis'));
    const row = page.getByTestId('table-routes').locator('tbody tr', { hasText: '东区夜巡' });
    await row.waitFor();
    await expect(row.locator('td').allTextContents()).resolves.toEqual(expect.arrayContaining(['1', '水泵房 (1)']));
    await expect(page.getByTestId('table-routes-by-guard').locator('tbody tr', { hasText: '东区夜巡' }).textContent()).resolves.toContain(
      '0.0%',
    );
    await page.close();
  });

  it("a location's own schedule is set in the console (by an administrator) and shown as the slots it makes today", async () => {
    await ext.signIn(server.url, 'admin');
    const page = await consolePage('/admin');
    await page.getByRole('button', { name: '编辑: 南大门岗亭' }).click();
    const editor = page.locator('[data-testid=location-editor]');
    await editor.locator('select').nth(1).selectOption('dailyAt');
    await editor.locator('p.inline input').fill('08:00 20:00');
    await expect(editor.locator('p.muted').textContent()).resolves.toBe('08:00–11:00  20:00–23:00');
    await editor.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => (await store().getLocation('main-gate'))?.schedule)
      .toEqual({ kind: 'dailyAt', times: ['08:00', '20:00'] });
    await page.close();
    await ext.signIn(server.url, 'supervisor');
  });
});

describe('accounts in the console', () => {
  it("an administrator resets a lost phone's password and disables, then re-enables, a person", async () => {
    await ext.signIn(server.url, 'admin');
    const lost = (await server.call(API.login, { json: { username: 'service', password: 'demo-2026' } })).body.token;
    const page = await consolePage('/admin');
    await page.getByRole('button', { name: '人员与角色' }).click();
    const form = page.getByTestId('account-form');
    await form.getByRole('combobox', { name: '人员' }).selectOption({ label: '客服主管 郑丽 Zheng Li (service)' });
    await form.getByLabel('新密码').fill('new-service-2026');
    await form.getByRole('button', { name: /重置密码/ }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    // The lost phone's session is over; the new password works.
    expect((await server.call(API.me, { token: lost })).status).toBe(401);
    expect((await server.call(API.login, { json: { username: 'service', password: 'new-service-2026' } })).status).toBe(200);

    await form.getByRole('button', { name: '停用账号' }).click();
    await page.getByTestId('table-people').locator('tr', { hasText: 'service' }).getByText('已停用').waitFor();
    expect((await server.call(API.login, { json: { username: 'service', password: 'new-service-2026' } })).status).toBe(401);
    await form.getByRole('button', { name: '启用账号' }).click();
    await page.getByTestId('table-people').locator('tr', { hasText: 'service' }).getByText('正常').waitFor();
    await page.close();
    await ext.signIn(server.url, 'supervisor');
  });
});

describe('inviting a person', () => {
  it('an administrator adds an inspector with no password; the invitation QR read off the screen lets them choose one on their phone', async () => {
    await ext.signIn(server.url, 'admin');
    const page = await consolePage('/admin');
    await page.getByRole('button', { name: '人员与角色' }).click();
    const form = page.getByTestId('add-person');
    await form.getByLabel('用户名').fill('xu.jing');
    await form.getByLabel('姓名').fill('巡查员 徐静 Xu Jing');
    // The role is 巡查员 (inspector) unless chosen otherwise.
    await form.getByRole('button', { name: '新增' }).click();
    const card = page.getByTestId('invitation');
    await card.getByTestId('qr').waitFor();
    const url = await readQr(card.getByTestId('qr'));
    expect(url).toBe(await card.getByTestId('invitation-url').inputValue());
    // The audit log has it, with who added whom.
    await page.getByRole('button', { name: '操作日志' }).click();
    const row = page.getByTestId('table-audit-log').locator('tbody tr').first();
    await expect(row.textContent()).resolves.toMatch(/系统管理员 Admin \(admin\).*新增人员.*xu\.jing/);
    await page.close();
    await ext.signIn(server.url, 'supervisor');

    const { context, page: mobile } = await phone();
    const link = new URL(url);
    await mobile.goto(link.pathname + link.hash);
    const join = mobile.getByTestId('join-form');
    await expect(join.textContent()).resolves.toContain('巡查员 徐静 Xu Jing');
    await join.getByLabel('新密码').fill('xu-jing-patrol-1');
    await join.getByLabel('再次输入密码').fill('xu-jing-patrol-1');
    await join.getByRole('button', { name: '设置密码并登录' }).click();
    await mobile.waitForURL((u) => u.pathname === '/');
    await mobile.getByTestId('my-day-link').waitFor();
    expect((await server.call(API.login, { json: { username: 'xu.jing', password: 'xu-jing-patrol-1' } })).status).toBe(200);
    await context.close();
  });
});

describe('estates in the console', () => {
  it('an administrator adds an estate from the console; it starts from the defaults with them as its administrator', async () => {
    await ext.signIn(server.url, 'admin');
    const page = await consolePage('/admin');
    await page.getByRole('button', { name: '项目' }).click();
    const form = page.getByTestId('new-estate');
    await form.getByLabel('项目名称').fill('锦绣华庭');
    await form.getByLabel('户数').fill('320');
    await form.getByLabel('物业服务电话').fill('0755-2666 8888');
    await form.getByRole('button', { name: '新增' }).click();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    const made = (await store().listEstates()).find((e) => e.name.zh === '锦绣华庭');
    expect(made).toMatchObject({ name: { en: '锦绣华庭' }, households: 320, servicePhone: '0755-2666 8888', archivedAt: null });
    expect((await store().membersOf(made!.id)).map((m) => [m.username, m.role])).toEqual([['admin', 'admin']]);
    expect(await store().listDepartments(made!.id)).toHaveLength(5);
    await page.close();
    await ext.signIn(server.url, 'supervisor');
  });
});

describe('bringing an estate in', () => {
  it('100 locations from an Excel CSV saved as GBK, then three from an Excel workbook: previewed with the buildings they name, then imported at once', async () => {
    const made = await server.call(API.createEstate, {
      token: await server.login('admin'),
      json: { name: { zh: '导入测试苑', en: 'Import Court' } },
    });
    // Signed in again, the console knows the new estate.
    await ext.signOut();
    await ext.signIn(server.url, 'admin');
    const page = await consolePage('/admin');
    await page.getByRole('combobox', { name: '项目' }).selectOption({ label: '导入测试苑' });
    await page.getByTestId('csv-import').waitFor();
    const form = page.getByTestId('csv-import');
    await form.locator('input[type=file]').setInputFiles(join(projectRoot(), 'tests/fixtures/locations-100-gbk.csv'));
    const preview = form.getByTestId('csv-preview');
    await expect(preview.textContent()).resolves.toMatch(/将导入点位: ?100 · 新楼栋: ?1号楼、2号楼、.*10号楼/);
    expect(await store().listLocations(made.body.id)).toHaveLength(0);
    await form.getByRole('button', { name: 'CSV 导入' }).click();
    await expect.poll(async () => (await store().listLocations(made.body.id)).length).toBe(100);
    const lift = (await store().listLocations(made.body.id)).find((l) => l.name.zh === '3号楼电梯2');
    expect(lift).toMatchObject({ kind: 'lift', name: { en: 'Building 3 2' } });
    expect(await store().listBuildings(made.body.id)).toHaveLength(10);

    // Then three more from an Excel workbook: rich text, an inline string, a number and an empty cell read as Excel shows them.
    const xlsx = workbook([
      ['点位类型', '点位名称', '英文名称', '楼栋'],
      ['大堂', { runs: ['11号楼', '大堂'] }, 'Block 11 lobby', '11号楼'],
      ['电梯', '11号楼电梯', null, { inline: '11号楼' }],
      ['消防站', '消防站', 12, null],
    ]);
    await form.locator('input[type=file]').setInputFiles({ name: '点位.xlsx', mimeType: 'application/octet-stream', buffer: xlsx });
    await expect(preview.textContent()).resolves.toMatch(/将导入点位: ?3 · 新楼栋: ?11号楼/);
    await form.getByRole('button', { name: 'CSV 导入' }).click();
    await expect.poll(async () => (await store().listLocations(made.body.id)).length).toBe(103);
    const fromExcel = (await store().listLocations(made.body.id)).filter((l) => ['11号楼大堂', '11号楼电梯', '消防站'].includes(l.name.zh));
    expect(fromExcel.map((l) => [l.kind, l.name.zh, l.name.en]).sort()).toEqual([
      ['fire_point', '消防站', '12'],
      ['lift', '11号楼电梯', '11号楼电梯'],
      ['lobby', '11号楼大堂', 'Block 11 lobby'],
    ]);
    // A file that is neither is refused in words, with nothing imported.
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: xlsx.subarray(0, 200) });
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/^无法读取该表格文件/);
    expect(await store().listLocations(made.body.id)).toHaveLength(103);
    // The console remembers the chosen estate: back to the demo's for the tests that follow.
    await page.getByRole('combobox', { name: '项目' }).selectOption({ label: '示范花园' });
    await page.close();
    await ext.signOut();
    await ext.signIn(server.url, 'supervisor');
  });
});

describe('staff in bulk', () => {
  it('a staff sheet is previewed, imported, and each person gets an invitation card to print', async () => {
    await ext.signIn(server.url, 'admin');
    const page = await consolePage('/admin');
    await page.getByRole('button', { name: '人员与角色' }).click();
    const form = page.getByTestId('people-import');
    const sheet = '用户名,姓名,角色,部门\r\nlin.feng,巡查员 林峰,巡查员,\r\nguo.hua,保洁员 郭华,部门人员,保洁部\r\n';
    await form.locator('input[type=file]').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await expect.poll(() => form.getByTestId('people-preview').textContent()).toMatch(/2.*巡查员 林峰、保洁员 郭华/);
    await form.getByRole('button', { name: '批量导入人员' }).click();
    await expect.poll(() => form.getByTestId('invitation-cards').getByTestId('invitation').count()).toBe(2);
    expect((await store().getUserByUsername('guo.hua'))?.displayName).toBe('保洁员 郭华');
    await page.close();
    await ext.signIn(server.url, 'supervisor');
  });
});

describe('notification channels in the console', () => {
  it("an administrator adds the cleaning team's WeCom robot, sends a test message, and the team's next assignment reaches it", async () => {
    const robots = await startRobots(() => server.clock.now);
    try {
      await ext.signIn(server.url, 'admin');
      const page = await consolePage('/admin');
      await page.getByRole('button', { name: '通知渠道' }).click();
      const form = page.locator('[data-testid=channels] form');
      await form.getByLabel('名称').fill('保洁部工作群');
      await form.getByLabel('Webhook 地址').fill(robots.wecom);
      await form.getByLabel('接收对象').selectOption({ label: '保洁部' });
      await form.getByRole('button', { name: '新增' }).click();
      const row = page.locator('[data-testid=channel]', { hasText: '保洁部工作群' });
      await row.waitFor();
      // The robot's key is never shown back: only where it is.
      expect(await page.locator('[data-testid=channels]').textContent()).not.toContain('wecom-key');
      await row.getByTestId('test-channel').click();
      await page.getByRole('status').filter({ hasText: '测试消息已送达' }).waitFor();
      expect(robots.received.some((m) => m.text.includes('测试消息') && m.text.includes('保洁部工作群'))).toBe(true);

      // A patrol finding, not an owner's report: owners' reports from one address past ten in ten minutes are held
      // for review, and this suite already sends several from 127.0.0.1.
      const patrol = await server.call(API.submitInspection, {
        token: await server.login('wang'),
        json: inspection(
          'corridor',
          'b1-stairs',
          server.clock.now - 60_000,
          failItem('clean', '楼梯间有积水 · water on the stairs', [{ sha256: 'b'.repeat(64), size: 100 }]),
        ),
      });
      const issueId = patrol.body.issues[0];
      await server.call(API.actOnIssue, {
        params: { id: issueId },
        token: await server.login('supervisor'),
        json: { id: randomUUID(), action: { type: 'assign', departmentId: 'cleaning', requirement: '拖干并放警示牌 · mop and sign' } },
      });
      await server.running.deps.deliveries.drain();
      expect(robots.received.some((m) => m.text.startsWith('【整改通知】Rectification notice') && m.text.includes('楼梯间有积水'))).toBe(
        true,
      );
      await page.reload();
      await page.getByRole('button', { name: '通知渠道' }).click();
      await page.getByTestId('table-deliveries').getByText('已送达').first().waitFor();
      for (const c of (await server.call(API.channels, { params: { estateId: 'demo-gardens' }, token: await server.login('admin') })).body
        .channels)
        await server.call(API.removeChannel, { params: { estateId: 'demo-gardens', id: c.id }, token: await server.login('admin') });
      await page.close();
    } finally {
      await robots.close();
      await ext.signIn(server.url, 'supervisor');
    }
  });
});

describe('QR labels', () => {
  it("a printed sheet's codes decode to the right locations, and open them in the PWA", async () => {
    const page = await consolePage('/labels');
    for (const id of ['b1-lobby', 'b2-lift-a', 'pump-room']) await page.check(`input[data-location="${id}"]`);
    await page.fill('input[name=offset]', '2');
    await page.emulateMedia({ media: 'print' });
    const labels = page.locator('[data-testid=label]');
    await expect.poll(() => labels.count()).toBe(3);
    // The skipped first label of a partly used sheet stays empty.
    expect(await page.locator('[data-testid=label-sheet] > div').first().getAttribute('class')).toContain('empty');
    const { context, page: mobile } = await phone();
    for (const label of await labels.all()) {
      const locationId = (await label.getAttribute('data-location'))!;
      await label.locator('img').waitFor();
      const url = new URL(await readQr(label.locator('img')));
      expect(url.origin).toBe('http://pqm.test');
      expect(url.pathname).toBe(`/l/${(await store().getLocation(locationId))!.code}`);
      // Under the QR, the ten characters a person can type instead.
      expect(await label.getByTestId('short-code').textContent()).toBe(formatShortCode((await store().getLocation(locationId))!.code));
      await mobile.goto(url.pathname + url.search);
      await expect(mobile.locator('[data-testid=location-name]').textContent()).resolves.toBe(
        (await store().getLocation(locationId))!.name.zh,
      );
    }
    await context.close();
    await page.close();
  });
});

describe('the monthly comprehensive inspection', () => {
  it('deductions score the sheet as they are typed, a cap is named at once, and only the ones ticked "raise an issue" create issues', async () => {
    const before = (await store().listIssues({ estateId: 'demo-gardens', source: ['monthly'] })).total;
    const page = await consolePage('/monthly');
    await page.locator('[data-testid=monthly-page]').waitFor();
    for (const [item, points, raise] of [
      ['pub-hygiene', '3', true],
      ['saf-fire', '2', true],
      ['svc-reception', '1', false],
    ] as const) {
      await page.click('[data-testid=add-deduction]');
      const row = page.locator('[data-testid=deductions] tbody tr').last();
      await row.locator('select[name=item]').selectOption(item);
      await row.locator('input[name=points]').fill(points);
      await row.locator('input[name=note]').fill('检查发现 · found on inspection');
      // Raising an issue is a choice made per deduction: none is raised unless ticked.
      expect(await row.locator('input[name=raise]').isChecked()).toBe(false);
      if (raise) await row.locator('input[name=raise]').check();
    }
    await expect(page.locator('[data-testid=live-total]').textContent()).resolves.toBe('94');
    // Past an item's cap, the row says so as it is typed and nothing can be sent.
    const last = page.locator('[data-testid=deductions] tbody tr').last();
    await last.locator('input[name=points]').fill('99');
    await expect(last.getByTestId('over-cap').textContent()).resolves.toMatch(/^本项最多扣 \d+ 分$/);
    expect(await page.getByTestId('submit-monthly').isDisabled()).toBe(true);
    await last.locator('input[name=points]').fill('1');
    expect(await last.getByTestId('over-cap').count()).toBe(0);
    await page.click('[data-testid=submit-monthly]');
    await expect(page.locator('[data-testid=monthly-result]').textContent()).resolves.toContain('94');
    expect((await store().listIssues({ estateId: 'demo-gardens', source: ['monthly'] })).total).toBe(before + 2);
    await page.close();
  });
});

describe('analysis', () => {
  it("the dashboard's figures match a count made directly on the database", async () => {
    const page = await consolePage('/analysis');
    const total = page.locator('[data-testid=issues-total]');
    await total.waitFor();
    const shown = Number(await total.textContent());
    const db = new Database(`${server.dataDir}/pqm.sqlite`, { readonly: true });
    const { n } = db
      .prepare("SELECT count(*) AS n FROM issues WHERE estate_id = 'demo-gardens' AND status != 'rejected' AND created_at >= ?")
      .get(server.clock.now - 30 * 86_400_000) as { n: number };
    db.close();
    expect(shown).toBe(n);
    expect(shown).toBeGreaterThan(0);
    for (const chart of [
      'chart-kind',
      'chart-heat',
      'chart-issues-time',
      'chart-lifts',
      'chart-complaints',
      'chart-rect',
      'chart-satisfaction',
    ]) {
      await page.locator(`[data-testid=${chart}] svg`).first().waitFor();
    }
    // The departments' chart shows both of its rates: fixed by the deadline, and reopened.
    expect(await page.locator('[data-testid=chart-rect] svg').count()).toBe(2);
    // 接待与咨询: the desk's figures are the log's, recounted.
    await logAtDesk('consultation', true, server.clock.now - 2 * 3_600_000);
    await logAtDesk('complaint', false, server.clock.now - 3 * 3_600_000);
    await page.reload();
    await page.getByTestId('desk-figures').waitFor();
    const desk = await server.call(API.deskAnalysis, {
      params: { estateId: 'demo-gardens' },
      query: { from: String(server.clock.now - 30 * 86_400_000), to: String(server.clock.now) },
      token: await server.login('supervisor'),
    });
    await expect(page.locator('[data-testid=table-desk-by-topic] tbody tr').count()).resolves.toBe(desk.body.byTopic.length);
    expect(desk.body.total.count).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('desk-first-contact').textContent()).resolves.toBe(
      `${(desk.body.total.firstContact.rate! * 100).toFixed(1)}%`,
    );
    // The heat map and the Pareto name their axes.
    await expect(page.locator('[data-testid=chart-heat] [data-axis]').allTextContents()).resolves.toEqual(['点位', '时段开始(点)']);
    await expect(page.locator('[data-testid=chart-lift-causes] [data-axis]').allTextContents()).resolves.toEqual(['故障次数', '累计占比']);
    const download = page.waitForEvent('download');
    await page.click('[data-testid=csv-issues-by-category]');
    const file = await (await download).path();
    const csv = (await import('node:fs')).readFileSync(file!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    await page.close();
  });
});

describe('the quarterly review (持续改进)', () => {
  it("opens with the analysis pages' figures; a measure taken last quarter shows its figure before and after, as recounted", async () => {
    const SH = 'Asia/Shanghai';
    const quarter = quarterOfMonth(monthIn(server.clock.now, SH));
    const last = shiftQuarter(quarter, -1);
    const [then, now] = [quarterPeriod(last, SH), quarterPeriod(quarter, SH)];
    // Owners complained about greening at the desk: twice last quarter, once this one.
    await logAtDesk('complaint', false, then.from + 20 * 86_400_000, 'greening');
    await logAtDesk('complaint', false, then.from + 40 * 86_400_000, 'greening');
    await logAtDesk('complaint', false, server.clock.now - 3_600_000, 'greening');
    const recount = async (from: number, to: number) =>
      (await store().issuesCreatedBetween('demo-gardens', from, to)).filter(
        (i) => i.status !== 'rejected' && i.category === 'greening' && (OWNER_SOURCES.includes(i.source) || i.source === 'kiosk'),
      ).length;

    const page = await consolePage('/review');
    const complaints = page.getByTestId('table-review-complaints');
    await complaints.waitFor();
    const analysis = await server.call(API.issueAnalysis, {
      params: { estateId: 'demo-gardens' },
      query: { from: String(now.from), to: String(server.clock.now) },
      token: await server.login('supervisor'),
    });
    const shown = await complaints
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll('td')[1].textContent)));
    expect(shown).toEqual(analysis.body.complaints.byCategory.map((c) => c.count));

    // Last quarter's review: a measure against greening complaints, owned by the greening team.
    await page.selectOption('select[name=quarter]', last);
    const row = page.getByTestId('table-review-complaints').locator('tr', { hasText: '绿化养护' });
    await row.getByRole('button', { name: '制定措施' }).click();
    const form = page.getByTestId('measure-form');
    await form.locator('select[name=department]').selectOption('greening');
    await form.locator('input[name=dueOn]').fill(dateIn(now.from + 30 * 86_400_000, SH));
    await form.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-testid=table-review-measures] tbody tr').first().waitFor();

    // This quarter's review shows it with its figure then and now.
    await page.selectOption('select[name=quarter]', quarter);
    const previous = page.getByTestId('table-review-previous').locator('tbody tr', { hasText: '减少投诉' });
    await previous.waitFor();
    const cells = await previous.locator('td').allTextContents();
    expect(cells[5]).toBe(String(await recount(then.from, then.to)));
    expect(cells[6]).toBe(String(await recount(now.from, server.clock.now + 60_000)));
    await page.close();
  });
});

describe('the group overview (集团看板)', () => {
  it("sets every estate side by side with the estate's own figures, opens one on a click, and gives a regional manager their estates", async () => {
    await ext.signIn(server.url, 'admin');
    const page = await consolePage('/group');
    const table = page.getByTestId('table-group');
    await table.waitFor();
    const month = previousMonth(monthIn(server.clock.now, 'Asia/Shanghai'));
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toContain(month);
    const estates = await store().listEstates();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(estates.length);
    // The demo's patrol completion reads as on its own analysis page.
    const own = await server.call(API.patrolAnalysis, {
      params: { estateId: 'demo-gardens' },
      query: { month },
      token: await server.login('admin'),
    });
    const rate = own.body.total.completionRate;
    const cells = await table.locator('tr[data-estate=demo-gardens] td').allTextContents();
    expect(cells[4]).toBe(rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
    const download = page.waitForEvent('download');
    await page.getByTestId('csv-group').click();
    const csv = (await import('node:fs')).readFileSync((await (await download).path())!, 'utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(estates.length + 1);

    // A name opens that estate's analysis.
    await table.getByRole('button', { name: '滨江苑' }).click();
    await page.getByTestId('analysis-page').waitFor();
    await expect(page.getByRole('combobox', { name: '项目' }).inputValue()).resolves.toBe('riverside');

    // 集团角色: Riverside's supervisor becomes the regional manager of Riverside.
    await page.goto(page.url().replace(/#.*$/, '#/group'));
    await page.getByRole('button', { name: '集团角色' }).click();
    const row = page.locator('[data-testid=group-roles] tr[data-person=rs-supervisor]');
    await row.getByRole('combobox').selectOption({ label: '区域经理' });
    await row.getByRole('checkbox', { name: '滨江苑' }).check();
    await row.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => (await store().getUser('rs-supervisor'))?.groupAccess)
      .toEqual({ role: 'regional', estateIds: ['riverside'] });
    // The console remembers the chosen estate: back to the demo's for the tests that follow.
    await page.getByRole('combobox', { name: '项目' }).selectOption({ label: '示范花园' });
    await page.close();
    await ext.signIn(server.url, 'supervisor');
  });
});

describe('shared templates (集团模板)', () => {
  it('the group edits its lobby checklist and publishes it to one estate, which gets it as its next version', async () => {
    await ext.signIn(server.url, 'admin');
    const target = (await store().listEstates()).find((e) => e.name.zh === '导入测试苑')!;
    const page = await consolePage('/group');
    await page.getByRole('button', { name: '集团模板' }).click();
    const row = page.locator('[data-testid=group-library] tr[data-entry=tpl-lobby]');
    await expect(row.locator(`li[data-estate=${target.id}]`).getAttribute('data-status')).resolves.toBe('same');
    await row.getByRole('button', { name: '编辑' }).click();
    const editor = page.getByTestId('template-editor');
    await editor.getByRole('button', { name: '添加检查项' }).click();
    await editor.locator('tbody tr').last().locator('input').first().fill('防滑地垫铺设到位');
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    // Every estate now differs from the group's version 2; publish to one of them only.
    await expect.poll(() => row.locator(`li[data-estate=${target.id}]`).getAttribute('data-status')).toBe('differs');
    const publish = page.getByTestId('publish-tpl-lobby');
    for (const box of await publish.getByRole('checkbox').all()) await box.setChecked(false);
    await publish.getByRole('checkbox', { name: '导入测试苑' }).check();
    await publish.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => row.locator(`li[data-estate=${target.id}]`).getAttribute('data-status')).toBe('same');
    const lobby = (await store().latestTemplates(target.id)).find((t) => t.id === 'tpl-lobby')!;
    expect([lobby.version, lobby.items.at(-1)?.label.zh]).toEqual([2, '防滑地垫铺设到位']);
    // The demo estate keeps its own version 1.
    expect((await store().latestTemplates('demo-gardens')).find((t) => t.id === 'tpl-lobby')?.version).toBe(1);
    await expect(row.locator('li[data-estate=demo-gardens]').getAttribute('data-status')).resolves.toBe('differs');
    await page.close();
    await ext.signIn(server.url, 'supervisor');
  });
});

describe("the estate's calendar on a laptop in another zone (Berlin, while the estate is in Shanghai)", () => {
  const SH = 'Asia/Shanghai';

  it("the monthly inspection defaults to the estate's month and day, the KPI report to the estate's last month", async () => {
    const monthly = await consolePage('/monthly');
    await monthly.locator('input[name=month]').waitFor();
    expect(await monthly.locator('input[name=month]').inputValue()).toBe(monthIn(server.clock.now, SH));
    expect(await monthly.locator('input[type=date]').first().inputValue()).toBe(dateIn(server.clock.now, SH));
    await monthly.close();
    const kpi = await consolePage('/kpi');
    await kpi.locator('input[type=month]').waitFor();
    expect(await kpi.locator('input[type=month]').inputValue()).toBe(previousMonth(monthIn(server.clock.now, SH)));
    // Each rate has one name and its definition beside it: patrols on time and fixes by the deadline are not both "准时率".
    await kpi.locator('[data-figure=patrolOnTime]').waitFor();
    expect(await kpi.locator('[data-figure=patrolOnTime]').textContent()).toContain('巡查准时率已结束的巡查时段中,在时段内完成的比例');
    const headers = await kpi.locator('th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['个人巡查准时率', '整改按期率', '整改重开率']));
    expect(headers).not.toContain('准时率');
    expect(await kpi.locator('.definitions').first().textContent()).toContain('逾期未整改计为逾期');
    await kpi.close();
  });

  it('the monthly report prints as a report: one title, the score by section against earlier months, overdue, reopen and satisfaction, no idle rows', async () => {
    const month = previousMonth(monthIn(server.clock.now, SH));
    // Someone called the desk in the middle of that month.
    await logAtDesk('request', true, monthPeriod(month, SH).from + 14 * 86_400_000);
    const page = await consolePage('/kpi');
    await page.locator('[data-testid=report-cards] [data-figure=satisfaction]').waitFor();
    await page.locator('[data-testid=chart-monthly-score]').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    // One title on paper: the company, the estate, the report and its month.
    const titles = await page.locator('h1:visible, h2:visible').allTextContents();
    expect(titles).toHaveLength(1);
    expect(titles[0]).toContain('示范花园');
    expect(titles[0]).toContain(`月度品质报告 · ${month}`);
    const figures = await page
      .locator('[data-testid=report-cards] [data-figure]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-figure')));
    expect(figures).toEqual(['monthlyScore', 'patrolCompletion', 'patrolOnTime', 'overdueRate', 'reopenRate', 'satisfaction']);
    await expect(page.getByTestId('chart-monthly-score').isVisible()).resolves.toBe(true);

    // The score by section is the month's scored inspection's, month by month (the latest of a month if several).
    const sup = await server.login('supervisor');
    const params = { estateId: 'demo-gardens' };
    const { body: monthly } = await server.call(API.monthly, { params, token: sup });
    const sectionHeader = await page.locator('[data-testid=table-kpi-sections] th').allTextContents();
    const months = sectionHeader.slice(1);
    expect(months).toHaveLength(6);
    expect(months.at(-1)).toBe(month);
    const firstRow = await page.locator('[data-testid=table-kpi-sections] tbody tr').first().locator('td').allTextContents();
    const section = monthly.sheet!.sections[0];
    const expected = months.map((m) => {
      const latest = monthly.inspections.filter((r) => r.month === m).sort((a, b) => b.createdAt - a.createdAt)[0];
      const score = latest?.sections.find((x) => x.sectionId === section.id)?.score;
      return score === undefined ? '' : String(score);
    });
    expect(firstRow.slice(1)).toEqual(expected);

    // The desk's month, person by person.
    await expect(page.locator('[data-testid=table-desk-by-person] tbody tr').count()).resolves.toBe(1);
    // People with no patrol duty and nothing to show are not rows of zeros.
    const { body: kpi } = await server.call(API.kpi, { params, query: { month }, token: sup });
    const shown = kpi.people.filter((p) => p.role === 'inspector' || p.slotsFilled + p.voluntary + p.trainingHours + p.training.of > 0);
    expect(shown.length).toBeLessThan(kpi.people.length);
    await expect(page.locator('[data-testid=table-kpi-people] tbody tr').count()).resolves.toBe(shown.length);
    await page.close();
  });

  it("an issue's times are the estate's wall clock, with its zone named", async () => {
    const issueId = await ownerReport('b2-stairs', '扶手有灰 · dusty handrail');
    const page = await consolePage(`/issues/${issueId}`);
    const first = page.locator('[data-testid=history] li').first();
    await first.waitFor();
    const created = (await store().getIssue(issueId))!.createdAt;
    expect(await first.textContent()).toContain(`${formatEstateTime(created, SH, { seconds: true, deviceZone: 'Europe/Berlin' })}`);
    expect(await first.textContent()).toContain('(Asia/Shanghai)');
    await page.close();
  });
});

describe('when the estate cannot be loaded', () => {
  it('the console says so in words and loads it on "重试", instead of waiting forever', async () => {
    const page = await ext.context.newPage();
    let refused = 0;
    await page.route('**/api/estates/*/setup', (route) => (refused++ === 0 ? route.abort('connectionrefused') : route.continue()));
    await page.goto(`chrome-extension://${ext.id}/src/console/index.html#/kpi`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('无法加载小区资料');
    await alert.getByRole('button', { name: '重试' }).click();
    await page.locator('[data-testid=kpi-page]').waitFor();
    expect(refused).toBe(2);
    await page.close();
  });
});
