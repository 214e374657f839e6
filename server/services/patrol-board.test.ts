/**
 * The board keeps its last summary until an inspection arrives or the clock reaches a slot's next edge. Whatever it
 * keeps must be what a board built afresh would answer, at any instant of the day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, LOCATION_KINDS, defaultTemplateFor, fromLocal, type Schedule } from '../../shared/index.ts';
import { createSqliteStore } from '../storage/sqlite/index.ts';
import type { Store } from '../storage/store.ts';
import { PatrolBoard } from './patrol-board.ts';

const ESTATE = 'e1';
const ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY_START = fromLocal({ year: 2026, month: 3, day: 2 }, 0, ZONE);
const LOCATIONS = 24;
const kindOf = (i: number) => LOCATION_KINDS[i % LOCATION_KINDS.length];
// Every fourth location keeps rounds at odd minutes, so that their edges fall where no template's do.
const scheduleOf = (i: number): Schedule | null =>
  i % 4 === 0 ? { kind: 'dailyAt', times: ['07:25', '13:05', '19:40'], windowMinutes: 47 } : null;

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pqm-board-'));
  store = createSqliteStore(join(dir, 'pqm.sqlite'));
  await store.write(async (tx) => {
    await tx.insertEstate({
      id: ESTATE,
      name: { zh: '测试小区', en: 'Test estate' },
      timeZone: ZONE,
      households: 100,
      address: '',
      servicePhone: '',
      archivedAt: null,
    });
    for (const t of DEFAULT_TEMPLATES) await tx.insertTemplate(ESTATE, t, DAY_START - 30 * 24 * HOUR);
    for (let i = 0; i < LOCATIONS; i++)
      await tx.insertLocation(
        {
          id: `L${i}`,
          estateId: ESTATE,
          buildingId: null,
          kind: kindOf(i),
          name: { zh: `点位${i}`, en: `Point ${i}` },
          code: `code${i}`,
          schedule: scheduleOf(i),
          active: true,
        },
        'secret',
        DAY_START - 30 * 24 * HOUR,
      );
  });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function inspect(n: number, locationIndex: number, finishedAt: number) {
  const tpl = defaultTemplateFor(kindOf(locationIndex));
  await store.write((tx) =>
    tx.insertInspection({
      id: `ins-${n}`,
      estateId: ESTATE,
      locationId: `L${locationIndex}`,
      inspectorId: 'u1',
      templateId: tpl.id,
      templateVersion: tpl.version,
      startedAt: finishedAt - 5 * MINUTE,
      finishedAt,
      confirmedBy: 'printed_code',
      answers: [],
      failedCount: 0,
      receivedAt: finishedAt,
      deviceStartedAt: null,
      deviceFinishedAt: null,
    }),
  );
}

describe('the patrol board', () => {
  it('a summary kept between polls is what a fresh board answers, every 7 minutes of a day while inspections arrive', async () => {
    const kept = new PatrolBoard(store.read);
    let polls = 0;
    // 7 min 13 s steps fall between the slots' edges as well as on them (an edge at 09:00 is met at 08:59:xx and 09:06:xx).
    for (let now = DAY_START + 2 * MINUTE; now < DAY_START + 24 * HOUR; now += 7 * MINUTE + 13_000, polls++) {
      // Now and then a patrol, one of them stamped ten minutes ahead by a phone whose clock runs fast.
      if (polls % 5 === 0) await inspect(polls, polls % LOCATIONS, polls % 25 === 0 ? now + 10 * MINUTE : now - MINUTE);
      const fresh = (await new PatrolBoard(store.read).at(ESTATE, now)).summary(2 * HOUR, 5);
      // Asked twice: the second answer comes from what the board kept.
      const view = await kept.at(ESTATE, now);
      expect(view.summary(2 * HOUR, 5)).toEqual(fresh);
      expect(view.summary(2 * HOUR, 5)).toEqual(fresh);
    }
    expect(polls).toBeGreaterThan(190);
  });
});
