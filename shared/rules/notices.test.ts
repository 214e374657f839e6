import { describe, expect, it } from 'vitest';
import type { Issue } from '../model/issue.ts';
import { noticeFor, noticeText } from './notices.ts';

const issue = {
  id: 'i1',
  estateId: 'e1',
  locationId: 'l1',
  category: 'hygiene',
  severity: 'important',
  description: '大堂地面积水 · water on the lobby floor',
  departmentId: 'cleaning',
  deadline: Date.parse('2026-03-02T04:00:00Z'),
} as Issue;
const cleaning = { kind: 'department', departmentId: 'cleaning' } as const;
const quality = { kind: 'quality' } as const;

describe('who is told what', () => {
  it("an assignment goes to that department's group, not another's, and not to the quality team's", () => {
    expect(noticeFor(cleaning, { kind: 'assigned', issue })).toBe(true);
    expect(noticeFor({ kind: 'department', departmentId: 'security' }, { kind: 'assigned', issue })).toBe(false);
    expect(noticeFor(quality, { kind: 'assigned', issue })).toBe(false);
  });

  it("an owner's report, a 'not fixed', a poor rating and a problem waiting for dispatch go to the quality team", () => {
    for (const kind of ['ownerReport', 'ownerNotFixed', 'lowRating', 'toDispatch'] as const) {
      expect(noticeFor(quality, { kind, issue }), kind).toBe(true);
      expect(noticeFor(cleaning, { kind, issue }), kind).toBe(false);
    }
  });

  it("a job someone owns reaches their phone, not their colleagues'; overdue also reaches the department's lead", () => {
    const owned = { ...issue, assigneeId: 'u-zhang' };
    const phone = (userId: string) => ({ kind: 'person', userId }) as const;
    const zhang = { userId: 'u-zhang', role: 'department', departmentId: 'cleaning', lead: false } as const;
    const colleague = { ...zhang, userId: 'u-wu' };
    const lead = { ...zhang, userId: 'u-liu', lead: true };
    expect(noticeFor(phone('u-zhang'), { kind: 'assigned', issue: owned }, zhang)).toBe(true);
    expect(noticeFor(phone('u-wu'), { kind: 'assigned', issue: owned }, colleague)).toBe(false);
    expect(noticeFor(phone('u-liu'), { kind: 'assigned', issue: owned }, lead)).toBe(false);
    expect(noticeFor(phone('u-liu'), { kind: 'overdue', issue: owned }, lead)).toBe(true);
    expect(noticeFor(phone('u-liu'), { kind: 'escalated', issue: owned }, lead)).toBe(false);
    // Until someone owns it, the job is the whole department's.
    expect(noticeFor(phone('u-wu'), { kind: 'assigned', issue: { ...issue, assigneeId: null } }, colleague)).toBe(true);
    // A phone hears nothing for someone who has left the estate, or is not its owner.
    expect(noticeFor(phone('u-zhang'), { kind: 'assigned', issue: owned })).toBe(false);
    expect(noticeFor(phone('u-zhang'), { kind: 'assigned', issue: owned }, colleague)).toBe(false);
  });

  it("level 2 and everything waiting for a supervisor reach supervisors' phones, not department staff's", () => {
    const manager = { userId: 'u-chen', role: 'supervisor', departmentId: null, lead: false } as const;
    const staff = { userId: 'u-zhang', role: 'department', departmentId: 'cleaning', lead: true } as const;
    for (const kind of ['escalated', 'ownerReport', 'acceptLate', 'ownerNotFixed', 'lowRating', 'toDispatch'] as const) {
      expect(noticeFor({ kind: 'person', userId: 'u-chen' }, { kind, issue }, manager), kind).toBe(true);
      expect(noticeFor({ kind: 'person', userId: 'u-zhang' }, { kind, issue }, staff), kind).toBe(false);
    }
    expect(noticeFor({ kind: 'person', userId: 'u-chen' }, { kind: 'assigned', issue }, manager)).toBe(false);
  });

  it("a message reads Chinese first, with the place, the problem, the severity and the deadline on the estate's clock", () => {
    const m = noticeText({
      kind: 'assigned',
      issue,
      location: { zh: '1号楼大堂', en: 'Building 1 lobby' },
      locationCode: 'abc',
      department: { zh: '保洁部', en: 'Cleaning' },
      timeZone: 'Asia/Shanghai',
    });
    expect(m.text.split('\n')).toEqual([
      '【整改通知】Rectification notice',
      '地点 Place: 1号楼大堂 Building 1 lobby',
      '问题 Problem: 大堂地面积水 · water on the lobby floor',
      '类别 Category: 环境卫生 · 等级 Severity: 重要 Important',
      '责任部门 Department: 保洁部 Cleaning',
      '完成时限 Due: 2026-03-02 12:00',
    ]);
    expect(m.link).toBe('/notices');
  });
});
