/** The demo's daily life as events on the timeline: patrol rounds, owners' reports, ratings at the lobby tablets. */
import {
  DAY,
  HOUR,
  MINUTE,
  addDays,
  defaultTemplateFor,
  slotsOfDay,
  toLocal,
  type Actor,
  type Answer,
  type ChecklistTemplate,
  type Location,
} from '../../shared/index.ts';
import { submitInspection } from '../services/inspections.ts';
import { createIssue } from '../services/issues.ts';
import { logDeskEntry } from '../services/desk.ts';
import { rateAtKiosk } from '../services/kiosk.ts';
import { submitRound } from '../services/routes.ts';
import { DEMO_ESTATE, DEMO_LOCATIONS, DEMO_USERS } from './estate.ts';
import type { Seeding, Step } from './timeline.ts';
import { planWorkflow } from './workflow.ts';

const inspectors = DEMO_USERS.filter((u) => u.role === 'inspector');

/** Most slots of every day are patrolled; night rounds and the last hours of today are where misses happen. */
export function patrolRounds(s: Seeding): Step[] {
  const { rnd, now, days } = s;
  const today = toLocal(now, DEMO_ESTATE.timeZone);
  const events: Step[] = [];
  for (let d = -days; d <= 0; d++) {
    const date = addDays(today, d);
    for (const loc of DEMO_LOCATIONS) {
      const template = defaultTemplateFor(loc.kind);
      if (!template.schedule) continue;
      for (const slot of slotsOfDay(template.schedule, date, DEMO_ESTATE.timeZone)) {
        const skip = rnd.chance(toLocal(slot.start, DEMO_ESTATE.timeZone).hour < 6 ? 0.15 : 0.06);
        if (skip) continue;
        const late = slot.closes > slot.end && rnd.chance(0.07);
        const finished = late ? rnd.between(slot.end, slot.closes - MINUTE) : rnd.between(slot.start + MINUTE, slot.end - 2 * MINUTE);
        if (finished >= now - 5 * MINUTE) continue;
        events.push({ time: finished, run: () => inspect(s, loc.id, template, finished) });
      }
    }
  }
  return events;
}

/** One round through the API's own service; a failed item becomes an issue, whose follow-up is planned. */
async function inspect(s: Seeding, locationId: string, template: ChecklistTemplate, finished: number): Promise<void> {
  const { rnd } = s;
  const location = await s.tx.getLocation(locationId);
  if (!location) return;
  const inspector = rnd.pick(inspectors);
  const answers = template.items.map((item) => answer(s, location, item));
  const started = finished - rnd.between(2, 8) * MINUTE;
  const confirmedBy = rnd.chance(0.2) ? 'link' : 'printed_code';
  const { receipt } = await submitInspection(
    s.deps,
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
  for (const id of receipt.issues) {
    const issue = await s.tx.getIssue(id);
    if (issue) planWorkflow(s, issue);
  }
}

/** Lifts fail a little more often, and one lift's doors much more: the analyses have a pattern to find. */
const failChance = (location: Location, itemId: string) =>
  itemId === 'doors' && location.id === 'b2-lift-b' ? 0.05 : location.kind === 'lift' ? 0.012 : 0.008;

function answer(s: Seeding, location: Location, item: ChecklistTemplate['items'][number]): Answer {
  const { rnd, photos } = s;
  const fail = item.answer.kind !== 'text' && rnd.chance(failChance(location, item.id));
  if (item.answer.kind === 'number') {
    const { min, max } = item.answer;
    const value = fail ? Math.round((min - rnd.between(0.05, 0.2)) * 100) / 100 : Math.round(rnd.between(min, max) * 100) / 100;
    return { itemId: item.id, value, note: fail ? '读数低于标准 · Reading below the limit' : '', photos: fail ? [rnd.pick(photos)] : [] };
  }
  if (item.answer.kind === 'text') return { itemId: item.id, value: '', note: '', photos: [] };
  return fail
    ? { itemId: item.id, value: 'fail', note: '现场发现问题 · Found on the round', photos: item.photoOnFail ? [rnd.pick(photos)] : [] }
    : { itemId: item.id, value: 'pass', note: '', photos: [] };
}

/** Owners' reports: about one every day and a half, complaints weighted the way surveys find them. */
export function ownerReports(s: Seeding): Step[] {
  const { rnd, now, days } = s;
  const categories = ['hygiene', 'hygiene', 'facilities', 'facilities', 'order', 'service', 'greening'] as const;
  const events: Step[] = [];
  for (let t = now - days * DAY + rnd.between(0, DAY); t < now - HOUR; t += rnd.between(0.6, 2.4) * DAY) {
    const time = Math.round(t);
    events.push({
      time,
      run: async () => {
        const loc = rnd.pick(DEMO_LOCATIONS);
        const category = rnd.pick(categories);
        const issue = await createIssue(
          s.tx,
          {
            estateId: DEMO_ESTATE.id,
            locationId: loc.id,
            source: 'owner',
            category,
            severity: category === 'facilities' ? 'important' : 'general',
            description: OWNER_TEXT[category],
            verified: false,
            at: time,
          },
          { kind: 'owner' },
        );
        // The newest reports are still waiting for a supervisor to accept them.
        if (now - time > 6 * HOUR) planWorkflow(s, issue);
      },
    });
  }
  return events;
}

const OWNER_TEXT: Record<string, string> = {
  hygiene: '楼道垃圾没有及时清理,有异味 · Rubbish in the corridor not cleared, it smells',
  facilities: '电梯按钮失灵 · Lift button not working',
  order: '外来车辆占用消防通道 · Outside cars parked in the fire lane',
  service: '前台电话无人接听 · Nobody answers the front desk phone',
  greening: '草坪很久没修剪 · The lawn has not been mown for weeks',
};

/** Ratings at the lobby tablets, a few a day; a poor one with a reason becomes an issue. */
export function kioskRatings(s: Seeding): Step[] {
  const { rnd, now, days } = s;
  const events: Step[] = [];
  for (let t = now - days * DAY; t < now - HOUR; t += rnd.between(2, 8) * HOUR) {
    const time = Math.round(t);
    events.push({
      time,
      run: async () => {
        const loc = await s.tx.getLocation(rnd.pick(['b1-lobby', 'b2-lobby', 'service-desk']));
        if (!loc) return;
        const face = rnd.chance(0.75) ? 4 : rnd.chance(0.6) ? 3 : rnd.chance(0.5) ? 2 : 1;
        const receipt = await rateAtKiosk(s.deps, loc, {
          id: rnd.uuid(),
          locationCode: loc.code,
          face,
          reason: face <= 2 && rnd.chance(0.5) ? '大堂地面有水渍 · Wet floor in the lobby' : '',
          category: face <= 2 ? 'hygiene' : undefined,
        });
        const issue = receipt.issueId ? await s.tx.getIssue(receipt.issueId) : undefined;
        if (issue && now - time > 6 * HOUR) planWorkflow(s, issue);
      },
    });
  }
  return events;
}

/** What owners bring to the service desk, as the desk logs it: mostly questions, some requests, now and then a complaint. */
const DESK_TALK = {
  consultation: ['咨询停车月卡办理', '询问物业费缴纳方式', '咨询装修申报流程', '询问快递代收'],
  request: ['家中水管漏水,请求上门维修', '单元门禁卡失灵,需重新授权', '楼道灯不亮'],
  complaint: ['夜间楼下噪音扰民', '垃圾清运不及时,有异味', '维修人员迟到'],
} as const;

/** The service desk's log (接待与咨询): visits and calls in office hours, answered within minutes. */
export function deskEntries(s: Seeding): Step[] {
  const { rnd, now, days } = s;
  const events: Step[] = [];
  const desk: Actor & { kind: 'user' } = { kind: 'user', id: 'u-svc', role: 'department', departmentId: 'service', lead: true };
  for (let day = now - days * DAY; day < now - HOUR; day += DAY) {
    for (let n = Math.round(rnd.between(1, 4)); n > 0; n--) {
      const local = toLocal(day, DEMO_ESTATE.timeZone);
      // Between 08:30 and 18:30 in the estate.
      const time = Math.round(day - (local.hour * 60 + local.minute) * MINUTE + rnd.between(8.5, 18.5) * HOUR);
      if (time >= now - HOUR) continue;
      const topic = rnd.chance(0.6) ? 'consultation' : rnd.chance(0.7) ? 'request' : 'complaint';
      const resolved = topic === 'consultation' ? rnd.chance(0.9) : topic === 'request' && rnd.chance(0.4);
      const waited = Math.round(rnd.between(0, topic === 'complaint' ? 25 : 12));
      events.push({
        time: time + waited * MINUTE,
        run: async () => {
          const loc = await s.tx.getLocation('service-desk');
          if (!loc) return;
          const receipt = await logDeskEntry(
            s.deps,
            loc,
            {
              id: rnd.uuid(),
              locationId: loc.id,
              topic,
              channel: rnd.chance(0.5) ? 'visit' : 'call',
              receivedAt: time,
              answeredAt: time + waited * MINUTE,
              resolved,
              summary: rnd.pick(DESK_TALK[topic]),
              household: `${rnd.pick(['1', '2'])}-${rnd.pick(['1', '2'])}-${rnd.pick(['301', '802', '1502', '1801'])}`,
              category: topic === 'complaint' ? rnd.pick(['order', 'hygiene', 'service'] as const) : 'facilities',
            },
            desk,
          );
          const issue = receipt.issueId ? await s.tx.getIssue(receipt.issueId) : undefined;
          if (issue && now - time > 6 * HOUR) planWorkflow(s, issue);
        },
      });
    }
  }
  return events;
}

/** The demo's night route (巡更): gate, car park, stairwells, pump room, every 2 h from 22:00 to 06:00. */
export const DEMO_ROUTE = {
  id: 'night-round',
  name: { zh: '夜间巡更', en: 'Night round' },
  checkpoints: ['main-gate', 'carpark', 'b1-stairs', 'b2-stairs', 'pump-room'],
  schedule: { kind: 'interval' as const, everyHours: 2, from: '22:00', to: '06:00' },
  legMinutes: { min: 2, max: 20 },
  active: true,
};

/** Most night slots are walked whole; now and then a checkpoint is skipped, or everything is scanned in a hurry. */
export function guardRounds(s: Seeding): Step[] {
  const { rnd, now, days } = s;
  const events: Step[] = [];
  const route = { ...DEMO_ROUTE, estateId: DEMO_ESTATE.id };
  for (let day = addDays(toLocal(now - days * DAY, DEMO_ESTATE.timeZone), 1); ; day = addDays(day, 1)) {
    const slots = slotsOfDay(route.schedule, day, DEMO_ESTATE.timeZone);
    if (!slots.length || slots[0].start >= now - HOUR) break;
    for (const slot of slots) {
      if (slot.closes > now - HOUR || rnd.chance(0.12)) continue;
      const start = Math.round(slot.start + rnd.between(2, 40) * MINUTE);
      const skip = rnd.chance(0.08) ? rnd.pick(route.checkpoints.slice(1)) : null;
      const hurry = rnd.chance(0.05);
      const guard = rnd.pick(inspectors);
      let at = start;
      const scans = route.checkpoints
        .filter((c) => c !== skip)
        .map((locationId, i) => {
          if (i) at += Math.round((hurry ? rnd.between(0.2, 1) : rnd.between(3, 9)) * MINUTE);
          return { locationId, at, method: rnd.chance(0.3) ? ('nfc' as const) : ('printed_code' as const) };
        });
      events.push({
        time: at,
        run: async () => {
          await submitRound(s.deps, route, { id: rnd.uuid(), scans }, guard.id);
        },
      });
    }
  }
  return events;
}
