import { describe, expect, it } from 'vitest';
import { describeError, describeFailure } from './failures.ts';

describe('a refusal, in the user’s language', () => {
  it('a role the estate does not give reads as Chinese, not as the server’s English', () => {
    const f = { status: 403, code: 'role', message: 'needs role admin in this estate' };
    expect(describeFailure(f, 'zh-CN')).toBe('您在本项目的角色不能执行此操作');
    expect(describeFailure(f, 'en')).toBe('needs role admin in this estate');
  });

  it('a deduction over its cap names the row and the cap', () => {
    const f = {
      status: 400,
      code: 'invalid',
      message: 'deductions[1].points: Refuse cleared: at most 12 points can be deducted',
      fields: [
        { path: 'deductions[1].points', message: 'Refuse cleared: at most 12 points can be deducted', rule: 'max_value', limit: 12 },
      ],
    };
    expect(describeFailure(f, 'zh-CN')).toBe('填写的内容有误:第 2 条扣分:不能大于 12');
    expect(describeFailure(f, 'en')).toBe('deductions[1].points: Refuse cleared: at most 12 points can be deducted');
  });

  it('no answer at all is "no network", never "offline" in English on a Chinese screen', () => {
    expect(describeFailure({ status: 0, message: 'offline' }, 'zh-CN')).toBe('网络未连接');
  });

  it('an answer without a code (an older server, a proxy) is worded from its status', () => {
    expect(describeFailure({ status: 429, message: 'slow down' }, 'zh-CN')).toBe('操作太频繁,请稍后再试');
    expect(describeFailure({ status: 502, message: 'bad gateway' }, 'zh-CN')).toBe('服务器暂时无法处理,请稍后再试');
  });

  it('a field nobody named still reads in Chinese, and a file’s line keeps its own words', () => {
    expect(
      describeFailure({ status: 400, code: 'invalid', message: 'x', fields: [{ path: 'widget', message: 'bad', rule: 'check' }] }, 'zh-CN'),
    ).toBe('填写的内容有误:此项:填写不正确');
    const line = { path: 'csv.line3', message: 'kind "飞船" is not a kind of place', rule: 'csv', zh: '点位类型 "飞船" 不是可选的类型' };
    expect(describeFailure({ status: 400, code: 'invalid', message: 'x', fields: [line] }, 'zh-CN')).toBe(
      '填写的内容有误:第 3 行:点位类型 "飞船" 不是可选的类型',
    );
  });

  it('whatever a client caught: a refusal by its status, its own schema check by its fields, anything else by its message', () => {
    expect(describeError({ status: 403, code: 'role', message: 'needs role admin' }, 'zh-CN')).toBe('您在本项目的角色不能执行此操作');
    const local = Object.assign(new Error('reason: bad'), { fields: [{ path: 'reason', message: 'bad', rule: 'regex' }] });
    expect(describeError(local, 'zh-CN')).toBe('填写的内容有误:原因:填写不正确');
    expect(describeError(new Error('quota exceeded'), 'zh-CN')).toBe('quota exceeded');
  });
});
