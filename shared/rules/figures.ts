/**
 * One name and one definition for every figure a quality manager signs, shown next to the figure on
 * every screen (two different "准时率" on two screens was a real confusion). The rules that compute
 * them are named in each definition's comment.
 */
import type { LocalText } from '../model/common.ts';

export interface Figure {
  name: LocalText;
  definition: LocalText;
}

export const FIGURES = {
  /** completion() in rules/schedule.ts */
  patrolCompletion: {
    name: { zh: '巡查完成率', en: 'Patrol completion' },
    definition: { zh: '已结束的巡查时段中,有人巡查的比例', en: 'Of the patrol slots that have closed, the share that were patrolled' },
  },
  /** completion() in rules/schedule.ts */
  patrolOnTime: {
    name: { zh: '巡查准时率', en: 'Patrols on time' },
    definition: {
      zh: '已结束的巡查时段中,在时段内完成的比例',
      en: 'Of the patrol slots that have closed, the share patrolled inside their window',
    },
  },
  /** patrolKpiTally() in rules/kpi.ts */
  ownRoundsOnTime: {
    name: { zh: '个人巡查准时率', en: 'Own rounds on time' },
    definition: {
      zh: '本人完成的巡查时段中,在时段内完成的比例',
      en: 'Of the slots this person patrolled, the share done inside their window',
    },
  },
  /** rectificationKpi() in rules/kpi.ts, firstFixOnTime() in rules/deadlines.ts */
  rectificationOnTime: {
    name: { zh: '整改按期率', en: 'Fixed by the deadline' },
    definition: {
      zh: '期限在本期内的整改中,首次整改在期限内完成的比例;逾期未整改计为逾期,重开不改变首次结果',
      en: 'Of the work due in the period, the share first fixed by its deadline; work still unfixed past it counts as late, and a reopen does not change the first result',
    },
  },
  /** rectificationKpi() in rules/kpi.ts */
  reopenRate: {
    name: { zh: '整改重开率', en: 'Fixes reopened' },
    definition: {
      zh: '已整改的问题中,复查不通过或业主反馈未解决而重开的比例',
      en: 'Of the work fixed, the share reopened by a failed check or an owner\'s "not fixed"',
    },
  },
  /** overdueOf() in rules/group.ts: the complement of rectificationOnTime */
  overdueRate: {
    name: { zh: '整改逾期率', en: 'Fixed late or overdue' },
    definition: {
      zh: '期限在本期内的整改中,逾期完成或逾期未整改的比例',
      en: 'Of the work due in the period, the share fixed after its deadline or still unfixed past it',
    },
  },
  /** complaintsPer100() in rules/group.ts */
  complaintsPer100: {
    name: { zh: '每百户投诉', en: 'Complaints per 100 households' },
    definition: {
      zh: '本期业主扫码报事与自助终端投诉的问题数(驳回除外),按每 100 户计',
      en: 'Problems owners reported by QR code or at a kiosk in the period (rejected ones aside), per 100 households',
    },
  },
  /** routeSlots() in rules/routes.ts */
  routeCompletion: {
    name: { zh: '巡更完成率', en: 'Guard rounds completed' },
    definition: {
      zh: '已结束的巡更时段中,有一趟在时段内确认了全部巡更点的比例;漏点的一趟不算完成',
      en: 'Of the round slots that have closed, the share where one round confirmed every checkpoint inside the window; a round with a skipped checkpoint does not count',
    },
  },
  /** deskFigures() in rules/desk.ts */
  deskResponse: {
    name: { zh: '接待响应时间', en: 'Desk response time' },
    definition: {
      zh: '业主来访或来电到得到答复的分钟数,取中位数(另列最慢一成的时间)',
      en: 'Minutes from an owner coming in or calling to being answered: the median (and the slowest one in ten)',
    },
  },
  /** deskFigures() in rules/desk.ts */
  firstContactResolution: {
    name: { zh: '首次接待解决率', en: 'Settled at first contact' },
    definition: {
      zh: '接待登记中,当场解决、无需后续处理的比例;投诉一律转为问题跟进',
      en: 'Of the desk entries, the share settled there and then with nothing left to do; complaints always become issues',
    },
  },
  /** The month's scored inspection (rules/scoring.ts) */
  monthlyScore: {
    name: { zh: '月度考评得分', en: 'Monthly score' },
    definition: { zh: '本月评分检查的总分(多次检查取最后一次)', en: "The month's scored inspection total (the latest if several)" },
  },
  /** satisfaction() in rules/satisfaction.ts */
  satisfaction: {
    name: { zh: '满意率', en: 'Satisfied' },
    definition: {
      zh: '评分 4–5 分(满分 5 分)的回答占比,目标 ≥ 90%',
      en: 'Share of answers rating 4 or 5 of 5; the target is at least 90 %',
    },
  },
} as const satisfies Record<string, Figure>;

export type FigureId = keyof typeof FIGURES;
