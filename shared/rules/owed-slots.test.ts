import { describe, expect, it } from 'vitest';
import type { Schedule } from '../model/schedule.ts';
import { eachLocationSlots, owedSlots, slotsTouchingDay, type LocationVersion, type TemplateVersion } from './owed-slots.ts';
import { slotStates } from './schedule.ts';

const SH = 'Asia/Shanghai';
const H = 3_600_000;
/** Shanghai wall clock (UTC+8) on 2 March 2026. */
const mar2 = (h: number) => Date.parse('2026-03-01T16:00:00Z') + h * H;
const fireDaily: Schedule = { kind: 'dailyAt', times: ['09:00', '16:00'] };
const templates: TemplateVersion[] = [{ createdAt: 0, template: { kind: 'fire_point', schedule: fireDaily } }];
const fire = (since: number, patch: Partial<LocationVersion> = {}): LocationVersion => ({
  since,
  active: true,
  kind: 'fire_point',
  schedule: null,
  ...patch,
});
const starts = (versions: LocationVersion[], t = templates) =>
  owedSlots(versions, t, SH, mar2(0), mar2(24)).map((s) => (s.start - mar2(0)) / H);

describe('what a location owed, by what was in force then', () => {
  it('a fire point in service all day owes its 09:00 and 16:00 checks', () => {
    expect(starts([fire(0)])).toEqual([9, 16]);
  });

  it('one created at 10:00 owes only the 16:00 check that day', () => {
    expect(starts([fire(mar2(10))])).toEqual([16]);
  });

  it('one deactivated at 12:00 owes only the 09:00 check; reactivated at 15:00 it owes 16:00 again', () => {
    expect(starts([fire(0), fire(mar2(12), { active: false })])).toEqual([9]);
    expect(starts([fire(0), fire(mar2(12), { active: false }), fire(mar2(15))])).toEqual([9, 16]);
  });

  it('its own schedule, set at 12:00, replaces the template from then on', () => {
    expect(starts([fire(0), fire(mar2(12), { schedule: { kind: 'dailyAt', times: ['13:00', '20:00'] } })])).toEqual([9, 13, 20]);
  });

  it('a template published at 12:00 applies from 12:00, not to the morning', () => {
    const later: TemplateVersion = {
      createdAt: mar2(12),
      template: { kind: 'fire_point', schedule: { kind: 'dailyAt', times: ['09:00', '18:00'] } },
    };
    expect(starts([fire(0)], [...templates, later])).toEqual([9, 18]);
  });

  it('no versions, or no schedule: nothing is owed', () => {
    expect(starts([])).toEqual([]);
    expect(starts([fire(0)], [])).toEqual([]);
  });
});

describe("a location's page and its figures count the same slots", () => {
  const nightGate: Schedule = { kind: 'interval', everyHours: 4, from: '22:00', to: '06:00' };

  it("last night's rounds that are open after midnight show on today's page, beside tonight's 22:00", () => {
    const slots = slotsTouchingDay(nightGate, SH, '2026-03-03');
    expect(slots.map((s) => s.key)).toEqual(['2026-03-02#0', '2026-03-02#1', '2026-03-03#0']);
  });

  it('the board and the analysis build each location from the same rounds: a round fills its slot in both', () => {
    const [[id, { slots, inspections }]] = [
      ...eachLocationSlots(
        [{ id: 'f1' }],
        new Map([['f1', [fire(0)]]]),
        templates,
        [{ id: 'r1', locationId: 'f1', finishedAt: mar2(9.5) }],
        SH,
        { from: mar2(0), to: mar2(24) },
      ),
    ];
    expect(id).toBe('f1');
    expect(slotStates(slots, inspections, mar2(24)).map((s) => [(s.start - mar2(0)) / H, s.status, s.filledBy ?? null])).toEqual([
      [9, 'done', 'r1'],
      [16, 'missed', null],
    ]);
  });
});
