/** The quality team's periodic records in the demo: monthly scores, a survey, training and drills, and this morning's work. */
import { DAY, DEFAULT_REQUIREMENT, HOUR, dateIn, shiftDate, toLocal, type Actor, type Issue } from '../../shared/index.ts';
import { actOnIssue, createIssue } from '../services/issues.ts';
import { submitMonthly } from '../services/monthly.ts';
import { createCampaign, submitResponse } from '../services/surveys.ts';
import { DEMO_ESTATE, DEMO_USERS } from './estate.ts';
import type { Seeding } from './timeline.ts';
import { supervisor } from './workflow.ts';

/** Two past monthly scored inspections; the issues their deductions raise are returned for follow-up. */
export async function seedMonthly({ deps, rnd, now, timeline }: Seeding): Promise<string[]> {
  const today = toLocal(now, DEMO_ESTATE.timeZone);
  const issues: string[] = [];
  for (const back of [2, 1]) {
    const month = new Date(Date.UTC(today.year, today.month - 1 - back, 1));
    const ym = `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
    timeline.at = Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 25, 2);
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
    issues.push(...receipt.issues);
  }
  return issues;
}

/** This quarter's satisfaction survey, with answers from online, phone and in-person interviews. */
export async function seedSurvey({ deps, rnd, now, timeline }: Seeding): Promise<void> {
  const opened = now - 45 * DAY;
  timeline.at = opened;
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
    timeline.at = opened + n * 8 * HOUR + rnd.between(0, 4 * HOUR);
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
export async function seedToday({ tx, photos, now }: Seeding): Promise<void> {
  const eng: Actor = { kind: 'user', id: 'u-eng', role: 'department', departmentId: 'engineering' };
  const wang: Actor = { kind: 'user', id: 'u-wang', role: 'inspector' };
  const raise = (input: Parameters<typeof createIssue>[1], actor: Actor) => createIssue(tx, input, actor);
  // What the dispatch rules already sent on is not assigned again.
  const assign = async (found: Issue | Promise<Issue>, departmentId: string, at: number) => {
    const issue = await found;
    if (issue.status !== 'reported') return issue;
    return actOnIssue(
      tx,
      issue,
      { type: 'assign', departmentId, requirement: DEFAULT_REQUIREMENT, deadline: null, assigneeId: null },
      supervisor,
      at,
    );
  };

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
export async function seedPlanRecords({ tx, rnd, now }: Seeding): Promise<void> {
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
