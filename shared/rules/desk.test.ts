import { describe, expect, it } from 'vitest';
import { becomesIssue, deskFigures } from './desk.ts';

const MIN = 60_000;
const entry = (topic: 'consultation' | 'request' | 'complaint', staffId: string, waitMinutes: number, resolved: boolean) => ({
  topic,
  staffId,
  receivedAt: 1_800_000_000_000,
  answeredAt: 1_800_000_000_000 + waitMinutes * MIN,
  resolved,
});

describe('the service desk log', () => {
  it('a complaint always becomes an issue, a request only when it was not settled at the desk, a consultation never', () => {
    expect(becomesIssue({ topic: 'complaint', resolved: false })).toBe(true);
    expect(becomesIssue({ topic: 'request', resolved: false })).toBe(true);
    expect(becomesIssue({ topic: 'request', resolved: true })).toBe(false);
    expect(becomesIssue({ topic: 'consultation', resolved: false })).toBe(false);
  });

  it('response time is the median minutes to an answer, with the slowest tenth beside it; first-contact resolution is settled of all', () => {
    const entries = [
      entry('consultation', 'a', 0, true),
      entry('consultation', 'a', 2, true),
      entry('consultation', 'b', 4, false),
      entry('request', 'b', 10, true),
      entry('complaint', 'b', 30, false),
    ];
    const f = deskFigures(entries);
    expect(f.total).toMatchObject({ count: 5, medianMinutes: 4, p90Minutes: 30, firstContact: { count: 3, of: 5, rate: 0.6 } });
    expect(f.byTopic.map((x) => [x.key, x.count, x.medianMinutes, x.firstContact.rate])).toEqual([
      ['consultation', 3, 2, 2 / 3],
      ['complaint', 1, 30, 0],
      ['request', 1, 10, 1],
    ]);
    expect(f.byPerson.map((x) => [x.key, x.count, x.medianMinutes])).toEqual([
      ['b', 3, 10],
      ['a', 2, 0],
    ]);
  });

  it('no entries is no figure, not a zero', () => {
    expect(deskFigures([]).total).toMatchObject({ count: 0, medianMinutes: null, firstContact: { rate: null } });
  });
});
