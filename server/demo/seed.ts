/**
 * The demo estate with about 60 days of realistic history, generated through the same services
 * the API uses (so every record, issue and history entry is one the product could have made).
 * Deterministic: the same seed gives the same estate.
 */
import sharp from 'sharp';
import { actorAuthor, userAuthor } from '../photos/authors.ts';
import {
  DAY,
  dateIn,
  shiftDate,
  HOUR,
  MINUTE,
  addDays,
  defaultTemplateFor,
  slotsOfDay,
  toLocal,
  type Actor,
  type Answer,
  type ChecklistTemplate,
  type Issue,
  type IssueAction,
  type PhotoRef,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { sha256Hex } from '../security/crypto.ts';
import { submitInspection } from '../services/inspections.ts';
import { actOnIssue, createIssue } from '../services/issues.ts';
import { submitMonthly } from '../services/monthly.ts';
import { createCampaign, submitResponse } from '../services/surveys.ts';
import { rateAtKiosk } from '../services/kiosk.ts';
import { DEMO_BUILDINGS, DEMO_DEPARTMENTS, DEMO_ESTATE, DEMO_LOCATIONS, DEMO_PASSWORD, DEMO_USERS, departmentFor } from './estate.ts';
import { seededRandom, type Random } from './random.ts';
import { passwordHashes, writeEstate, type EstateSpec, type PasswordHashes } from './setup.ts';
import type { StoredPhoto } from '../photos/blob-store.ts';
import { withinTransaction, type Writes } from '../storage/store.ts';

export const DEMO_ACCOUNTS = { password: DEMO_PASSWORD, users: DEMO_USERS };

const supervisor: Actor = { kind: 'user', id: 'u-supervisor', role: 'supervisor' };
const inspectors = DEMO_USERS.filter((u) => u.role === 'inspector');
/** How reliably each department meets its deadlines in the demo, so the KPI has a spread. */
const ON_TIME: Record<string, number> = { cleaning: 0.92, greening: 0.85, engineering: 0.74, security: 0.9, service: 0.8 };

const DEMO: EstateSpec = {
  estate: DEMO_ESTATE,
  buildings: DEMO_BUILDINGS,
  locations: DEMO_LOCATIONS,
  departments: DEMO_DEPARTMENTS,
  users: DEMO_USERS,
  password: DEMO_PASSWORD,
};

/** A few plain JPEGs stand in for site photos, stored through the real blob store (files only; rows in the seed's transaction). */
async function demoPhotos(deps: Deps): Promise<StoredPhoto[]> {
  const stored: StoredPhoto[] = [];
  for (const background of ['#b0bec5', '#a1887f', '#90a4ae']) {
    const bytes = new Uint8Array(
      await sharp({ create: { width: 640, height: 480, channels: 3, background } })
        .jpeg({ quality: 70 })
        .toBuffer(),
    );
    stored.push(await deps.blobs.put(sha256Hex(bytes), bytes));
  }
  return stored;
}

/**
 * The demo estate with its history. Everything slow and asynchronous (password hashes, photo files) comes
 * first; then every row is written in one transaction, so a kill during the first start leaves either the
 * whole demo or none of it, and the next start makes it again.
 */
export async function seedDemo(deps: Deps, days = 60, seed = 20261126): Promise<void> {
  const hashes = await passwordHashes(DEMO);
  const files = await demoPhotos(deps);
  await deps.store.write(async (tx) => {
    // Servers starting together on one empty database: one seeds, the others find it done.
    await tx.exclusive('demo-seed');
    if ((await tx.listEstates()).length === 0)
      await writeDemo({ ...deps, store: withinTransaction(deps.store, tx) }, tx, hashes, files, days, seed);
  });
  deps.board.invalidate(DEMO_ESTATE.id);
}

/** `deps.store` runs inside `tx`: every service call below lands in the seed's one transaction. */
async function writeDemo(deps: Deps, tx: Writes, hashes: PasswordHashes, files: StoredPhoto[], days: number, seed: number): Promise<void> {
  const now = deps.clock();
  const rnd = seededRandom(seed);
  await writeEstate(tx, DEMO, hashes, now - days * DAY);
  const photos: PhotoRef[] = [];
  for (const stored of files) {
    await tx.insertPhoto({ ...stored, receivedAt: now - days * DAY });
    // In the demo, everyone who cites these photos took them (photos/authors.ts).
    for (const author of [...DEMO_USERS.map((u) => userAuthor(u.id)), actorAuthor({ kind: 'owner' })])
      await tx.addPhotoUploader(stored.sha256, author, now - days * DAY);
    photos.push({ sha256: stored.sha256, size: stored.size });
  }

  // Services read the clock; the seed walks it through history.
  let at = now;
  const seedDeps: Deps = { ...deps, clock: () => Math.round(at) };
  type Step = { time: number; run: () => Promise<void> };
  const pending: Step[] = [];
  const later = (time: number, run: () => Promise<void>) => {
    if (time < now) pending.push({ time, run });
  };
  const act = (issueId: string, action: IssueAction, actor: Actor) => async () => {
    const issue = await tx.getIssue(issueId);
    if (!issue) return;
    try {
      await actOnIssue(tx, issue, action, actor, Math.round(at));
    } catch (e) {
      if (process.env.DEBUG_SEED) console.error(action.type, e);
      // An action that no longer fits (the issue moved on) is simply skipped, as a person would.
    }
  };

  /** Plans what happens to an issue after it is raised: assignment, fix, check, sometimes a reopen. */
  const planWorkflow = (issue: Issue) => {
    const dept = departmentFor(issue.category);
    const engineer: Actor = {
      kind: 'user',
      id: DEMO_USERS.find((u) => u.department === dept)?.id ?? 'u-svc',
      role: 'department',
      departmentId: dept,
    };
    const assignAt = issue.createdAt + rnd.between(10 * MINUTE, 2 * HOUR);
    if (!issue.verified) later(assignAt - 5 * MINUTE, act(issue.id, { type: 'accept' }, supervisor));
    later(
      assignAt,
      act(
        issue.id,
        {
          type: 'assign',
          departmentId: dept,
          requirement: '按标准整改并拍照反馈 · Fix to standard and send an after-photo',
          deadline: null,
        },
        supervisor,
      ),
    );
    const window = issue.deadline - issue.createdAt;
    const onTime = rnd.chance(ON_TIME[dept] ?? 0.8);
    const fixAt = onTime ? assignAt + rnd.between(0.1, 0.9) * window : issue.deadline + rnd.between(0.1, 1.5) * window;
    const fix: IssueAction = { type: 'rectify', note: '已整改 · Fixed', photos: [rnd.pick(photos)] };
    later(fixAt, act(issue.id, fix, engineer));
    const reopen = rnd.chance(0.08);
    const checkAt = fixAt + rnd.between(1 * HOUR, 6 * HOUR);
    if (reopen) {
      later(checkAt, act(issue.id, { type: 'reopen', reason: '复查未通过 · Failed the check' }, supervisor));
      const refixAt = checkAt + rnd.between(0.2, 0.8) * window;
      later(refixAt, act(issue.id, fix, engineer));
      later(refixAt + 2 * HOUR, act(issue.id, { type: 'verify', note: '' }, supervisor));
    } else {
      later(checkAt, act(issue.id, { type: 'verify', note: '' }, supervisor));
    }
  };

  const templates = new Map(DEMO_LOCATIONS.map((l) => [l.id, defaultTemplateFor(l.kind)]));
  const today = toLocal(now, DEMO_ESTATE.timeZone);
  const events: Step[] = [];

  for (let d = -days; d <= 0; d++) {
    const date = addDays(today, d);
    for (const loc of DEMO_LOCATIONS) {
      const template = templates.get(loc.id) as ChecklistTemplate;
      if (!template.schedule) continue;
      for (const slot of slotsOfDay(template.schedule, date, DEMO_ESTATE.timeZone)) {
        // Night rounds and the last hours of today are where misses happen in real life.
        const skip = rnd.chance(toLocal(slot.start, DEMO_ESTATE.timeZone).hour < 6 ? 0.15 : 0.06);
        if (skip) continue;
        const late = slot.closes > slot.end && rnd.chance(0.07);
        const finished = late ? rnd.between(slot.end, slot.closes - MINUTE) : rnd.between(slot.start + MINUTE, slot.end - 2 * MINUTE);
        if (finished >= now - 5 * MINUTE) continue;
        events.push({ time: finished, run: () => inspect(loc.id, template, finished) });
      }
    }
  }

  const inspect = async (locationId: string, template: ChecklistTemplate, finished: number) => {
    const location = await tx.getLocation(locationId);
    if (!location) return;
    const inspector = rnd.pick(inspectors);
    const answers: Answer[] = template.items.map((item) => {
      const failP = item.id === 'doors' && locationId === 'b2-lift-b' ? 0.05 : location.kind === 'lift' ? 0.012 : 0.008;
      const fail = item.answer.kind !== 'text' && rnd.chance(failP);
      if (item.answer.kind === 'number') {
        const { min, max } = item.answer;
        const value = fail ? Math.round((min - rnd.between(0.05, 0.2)) * 100) / 100 : Math.round(rnd.between(min, max) * 100) / 100;
        return {
          itemId: item.id,
          value,
          note: fail ? '读数低于标准 · Reading below the limit' : '',
          photos: fail ? [rnd.pick(photos)] : [],
        };
      }
      if (item.answer.kind === 'text') return { itemId: item.id, value: '', note: '', photos: [] };
      return fail
        ? { itemId: item.id, value: 'fail', note: '现场发现问题 · Found on the round', photos: item.photoOnFail ? [rnd.pick(photos)] : [] }
        : { itemId: item.id, value: 'pass', note: '', photos: [] };
    });
    at = finished;
    const started = finished - rnd.between(2, 8) * MINUTE;
    const confirmedBy = rnd.chance(0.2) ? 'link' : 'printed_code';
    const { receipt } = await submitInspection(
      seedDeps,
      location,
      {
        id: rnd.uuid(),
        locationId,
        templateId: template.id,
        templateVersion: template.version,
        startedAt: Math.round(started),
        finishedAt: Math.round(finished),
        confirmedBy,
        answers,
      },
      { kind: 'user', id: inspector.id, role: 'inspector' },
    );
    for (const id of receipt.issues as string[]) {
      const issue = await tx.getIssue(id);
      if (issue) planWorkflow(issue);
    }
  };

  // Owner reports: about one every day and a half, complaints weighted the way surveys find them.
  const ownerCategories = ['hygiene', 'hygiene', 'facilities', 'facilities', 'order', 'service', 'greening'] as const;
  for (let t = now - days * DAY + rnd.between(0, DAY); t < now - HOUR; t += rnd.between(0.6, 2.4) * DAY) {
    const time = Math.round(t);
    events.push({
      time,
      run: async () => {
        const loc = rnd.pick(DEMO_LOCATIONS);
        at = time;
        const category = rnd.pick(ownerCategories);
        const issue = await createIssue(
          tx,
          {
            estateId: DEMO_ESTATE.id,
            locationId: loc.id,
            source: 'owner',
            category,
            severity: category === 'facilities' ? 'important' : 'general',
            description: OWNER_TEXT[category],
            verified: false,
            at: Math.round(time),
          },
          { kind: 'owner' },
        );
        // The newest reports are still waiting for a supervisor to accept them.
        if (now - time > 6 * HOUR) planWorkflow(issue);
      },
    });
  }

  // Kiosk ratings at the lobbies, a few a day.
  for (let t = now - days * DAY; t < now - HOUR; t += rnd.between(2, 8) * HOUR) {
    const time = Math.round(t);
    events.push({
      time,
      run: async () => {
        at = time;
        const loc = await tx.getLocation(rnd.pick(['b1-lobby', 'b2-lobby', 'service-desk']));
        if (!loc) return;
        const face = rnd.chance(0.75) ? 4 : rnd.chance(0.6) ? 3 : rnd.chance(0.5) ? 2 : 1;
        const receipt = await rateAtKiosk(seedDeps, loc, {
          id: rnd.uuid(),
          locationCode: loc.code,
          face,
          reason: face <= 2 && rnd.chance(0.5) ? '大堂地面有水渍 · Wet floor in the lobby' : '',
          category: face <= 2 ? 'hygiene' : undefined,
        });
        const issue = receipt.issueId ? await tx.getIssue(receipt.issueId as string) : undefined;
        if (issue && now - time > 6 * HOUR) planWorkflow(issue);
      },
    });
  }

  // Monthly inspections raise issues too; their follow-up runs with everything else.
  const monthlyIssues = await seedMonthly(seedDeps, rnd, now, (t) => (at = t));
  for (const id of monthlyIssues) {
    const issue = await tx.getIssue(id);
    if (issue) planWorkflow(issue);
  }

  events.sort((a, b) => a.time - b.time);
  for (const e of events) {
    // Workflow steps planned by earlier events run in time order, interleaved with new events.
    pending.sort((a, b) => a.time - b.time);
    while (pending.length && pending[0].time <= e.time) {
      const p = pending.shift() as Step;
      at = p.time;
      await p.run();
    }
    await e.run();
  }
  pending.sort((a, b) => a.time - b.time);
  for (const p of pending) {
    at = p.time;
    await p.run();
  }

  await seedSurvey(seedDeps, rnd, now, (t) => (at = t));
  await seedToday(tx, photos, now);
  await seedPlanRecords(tx, rnd, now);
}

const OWNER_TEXT: Record<string, string> = {
  hygiene: '楼道垃圾没有及时清理,有异味 · Rubbish in the corridor not cleared, it smells',
  facilities: '电梯按钮失灵 · Lift button not working',
  order: '外来车辆占用消防通道 · Outside cars parked in the fire lane',
  service: '前台电话无人接听 · Nobody answers the front desk phone',
  greening: '草坪很久没修剪 · The lawn has not been mown for weeks',
};

async function seedMonthly(deps: Deps, rnd: Random, now: number, setClock: (t: number) => void): Promise<string[]> {
  const today = toLocal(now, DEMO_ESTATE.timeZone);
  const issues: string[] = [];
  for (const back of [2, 1]) {
    const month = new Date(Date.UTC(today.year, today.month - 1 - back, 1));
    const ym = `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
    setClock(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 25, 2));
    const receipt = await submitMonthly(
      deps,
      DEMO_ESTATE.id,
      {
        id: rnd.uuid(),
        month: ym,
        sheetId: 'sheet-monthly',
        sheetVersion: 1,
        inspectedOn: `${ym}-25`,
        deductions: [
          {
            itemId: 'pub-hygiene',
            points: back === 2 ? 3 : 2,
            note: '地库角落有垃圾 · Litter in car park corners',
            locationId: 'carpark',
            photos: [],
            raiseIssue: true,
            severity: 'general',
          },
          {
            itemId: 'pub-lift',
            points: 2,
            note: '维保记录缺签字 · Maintenance log unsigned',
            locationId: 'b2-lift-b',
            photos: [],
            raiseIssue: back === 1,
            severity: 'important',
          },
          {
            itemId: 'svc-complaints',
            points: back === 2 ? 4 : 3,
            note: '两起投诉超时 · Two complaints past their deadline',
            locationId: null,
            photos: [],
            raiseIssue: false,
            severity: 'general',
          },
          {
            itemId: 'saf-fire',
            points: back === 2 ? 2 : 1,
            note: '楼梯间堆放杂物 · Items stored in a stairwell',
            locationId: 'b1-stairs',
            photos: [],
            raiseIssue: true,
            severity: 'important',
          },
        ],
      },
      supervisor as Actor & { kind: 'user' },
    );
    issues.push(...(receipt.issues as string[]));
  }
  return issues;
}

async function seedSurvey(deps: Deps, rnd: Random, now: number, setClock: (t: number) => void) {
  const opened = now - 45 * DAY;
  setClock(opened);
  // Campaign dates are the estate's calendar days.
  const iso = (t: number) => dateIn(t, DEMO_ESTATE.timeZone);
  const campaign = await createCampaign(deps, DEMO_ESTATE.id, {
    name: { zh: '本季度业主满意度调查', en: 'This quarter’s owner satisfaction survey' },
    surveyId: 'survey-quarterly',
    opensOn: iso(opened),
    closesOn: iso(now + 15 * DAY),
    sampleTarget: 0.3,
  });
  // Complaint handling scores lowest, as city-wide surveys find; cleanliness and security best.
  const satisfiedP: Record<string, number> = {
    hygiene: 0.93,
    greening: 0.9,
    facilities: 0.86,
    order: 0.94,
    fire: 0.95,
    reception: 0.9,
    complaints: 0.74,
    community: 0.88,
  };
  for (let n = 0; n < 118; n++) {
    setClock(opened + n * 8 * HOUR + rnd.between(0, 4 * HOUR));
    const answers = Object.fromEntries(
      Object.entries(satisfiedP).map(([area, p]) => [
        area,
        rnd.chance(0.05) ? null : rnd.chance(p) ? (rnd.chance(0.55) ? 5 : 4) : rnd.pick([1, 2, 3, 3]),
      ]),
    );
    const household = `${rnd.pick(['1', '2'])}-${1 + Math.floor(rnd.next() * 3)}-${100 * (1 + Math.floor(rnd.next() * 28)) + 1 + Math.floor(rnd.next() * 4)}`;
    if (await deps.store.read.hasResponse(campaign.id, household)) continue;
    await submitResponse(
      deps,
      campaign,
      { id: rnd.uuid(), household, channel: rnd.pick(['online', 'online', 'phone', 'in_person']), answers, comment: '' },
      n % 3 === 0 ? 'u-supervisor' : null,
    );
  }
}

/** A morning's worth of live work, so every list a supervisor opens has something in it. */
async function seedToday(tx: Writes, photos: PhotoRef[], now: number) {
  const eng: Actor = { kind: 'user', id: 'u-eng', role: 'department', departmentId: 'engineering' };
  const wang: Actor = { kind: 'user', id: 'u-wang', role: 'inspector' };
  const raise = (input: Parameters<typeof createIssue>[1], actor: Actor) => createIssue(tx, input, actor);
  const assign = async (issue: Issue | Promise<Issue>, departmentId: string, at: number) =>
    actOnIssue(
      tx,
      await issue,
      { type: 'assign', departmentId, requirement: '按标准整改并拍照反馈 · Fix to standard and send an after-photo', deadline: null },
      supervisor,
      at,
    );

  // Overdue: an important lift fault from yesterday, and an old landscaping job.
  const lift = await raise(
    {
      estateId: DEMO_ESTATE.id,
      locationId: 'b2-lift-b',
      source: 'patrol',
      category: 'facilities',
      severity: 'important',
      cause: 'doors',
      description: '开关门正常、防夹感应有效 · Doors open/close, safety edge works: 防夹感应时好时坏 · Safety edge intermittent',
      photos: [photos[0]],
      at: now - 30 * HOUR,
    },
    wang,
  );
  await assign(lift, 'engineering', now - 29 * HOUR);
  const lawn = await raise(
    {
      estateId: DEMO_ESTATE.id,
      locationId: 'south-lawn',
      source: 'patrol',
      category: 'greening',
      severity: 'general',
      cause: 'trim',
      description: '修剪整齐 · Neatly trimmed: 南侧灌木未修剪 · South hedge not trimmed',
      at: now - 80 * HOUR,
    },
    wang,
  );
  await assign(lawn, 'greening', now - 79 * HOUR);
  // Urgent and new: a lift alarm found an hour ago, due within the next hour.
  const alarm = await raise(
    {
      estateId: DEMO_ESTATE.id,
      locationId: 'b1-lift-a',
      source: 'patrol',
      category: 'facilities',
      severity: 'urgent',
      cause: 'alarm',
      description: '紧急呼叫/对讲可用 · Emergency call/intercom works: 对讲无声 · Intercom silent',
      photos: [photos[1]],
      at: now - 1 * HOUR,
    },
    wang,
  );
  await assign(alarm, 'engineering', now - 50 * 60_000);
  // Fixed and waiting for the quality team to check.
  const drain = await raise(
    {
      estateId: DEMO_ESTATE.id,
      locationId: 'carpark',
      source: 'patrol',
      category: 'facilities',
      severity: 'general',
      cause: 'drain',
      description: '排水沟通畅 · Drains clear: 排水沟堵塞 · Drain blocked',
      at: now - 20 * HOUR,
    },
    wang,
  );
  await actOnIssue(
    tx,
    await assign(drain, 'engineering', now - 19 * HOUR),
    { type: 'rectify', note: '已疏通 · Cleared', photos: [photos[2]] },
    eng,
    now - 2 * HOUR,
  );
  // Owner reports waiting to be accepted.
  await raise(
    {
      estateId: DEMO_ESTATE.id,
      locationId: 'b1-stairs',
      source: 'owner',
      category: 'hygiene',
      severity: 'general',
      description: '3楼楼道有垃圾袋没人收 · Rubbish bags left on the 3rd floor landing',
      verified: false,
      at: now - 2 * HOUR,
    },
    { kind: 'owner' },
  );
  await raise(
    {
      estateId: DEMO_ESTATE.id,
      locationId: 'carpark',
      source: 'owner',
      category: 'order',
      severity: 'general',
      description: '有车长期占用消防通道 · A car keeps blocking the fire lane',
      photos: [photos[0]],
      verified: false,
      at: now - 40 * 60_000,
    },
    { kind: 'owner' },
  );
}

/** Training sessions, fire drills and community activities over the period, as the plan asks to record. */
async function seedPlanRecords(tx: Writes, rnd: Random, now: number) {
  const day = (back: number) => shiftDate(dateIn(now, DEMO_ESTATE.timeZone), -back);
  const staff = DEMO_USERS.filter((u) => u.role !== 'admin').map((u) => u.id);
  const trainings: [number, 'new_staff' | 'skills' | 'quality' | 'fire', string, number][] = [
    [52, 'quality', '品质监控标准与巡查要点 · Quality standards and patrol points', 2],
    [38, 'fire', '消防器材使用与疏散 · Fire equipment and evacuation', 3],
    [24, 'skills', '投诉处理与沟通技巧 · Complaint handling and communication', 2],
    [10, 'new_staff', '新员工入职培训 · Induction for new staff', 4],
  ];
  for (const [back, topic, title, hours] of trainings) {
    await tx.insertPlanRecord(
      DEMO_ESTATE.id,
      {
        kind: 'training',
        id: rnd.uuid(),
        date: day(back),
        topic,
        title,
        hours,
        trainer: '品质部 · Quality team',
        attendees: staff.map((userId) => ({ userId, attended: rnd.chance(0.85) })),
      },
      now - back * DAY,
    );
  }
  await tx.insertPlanRecord(
    DEMO_ESTATE.id,
    {
      kind: 'drill',
      id: rnd.uuid(),
      date: day(45),
      scenario: '地下车库火灾疏散演练 · Car park fire evacuation',
      participants: 26,
      responseMinutes: 4.5,
      problems: ['2号楼应急照明一处不亮 · One emergency light out in Building 2'],
    },
    now - 45 * DAY,
  );
  await tx.insertPlanRecord(
    DEMO_ESTATE.id,
    {
      kind: 'drill',
      id: rnd.uuid(),
      date: day(15),
      scenario: '电梯困人救援演练 · Lift entrapment rescue',
      participants: 9,
      responseMinutes: 6,
      problems: [],
    },
    now - 15 * DAY,
  );
  await tx.insertPlanRecord(
    DEMO_ESTATE.id,
    {
      kind: 'activity',
      id: rnd.uuid(),
      date: day(33),
      title: '中秋邻里游园会 · Mid-autumn neighbourhood fair',
      turnout: 186,
      feedback: 4.6,
      notes: '',
    },
    now - 33 * DAY,
  );
  await tx.insertPlanRecord(
    DEMO_ESTATE.id,
    { kind: 'activity', id: rnd.uuid(), date: day(8), title: '垃圾分类宣传日 · Waste sorting day', turnout: 74, feedback: 4.1, notes: '' },
    now - 8 * DAY,
  );
}
