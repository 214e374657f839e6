/**
 * The domain core: types, payload schemas, rules and default content.
 * Pure TypeScript with no DOM or Node APIs, used by the PWA, the extension and the server.
 */
export * from './model/common.ts';
export * from './model/vocabulary.ts';
export * from './model/estate.ts';
export * from './model/schedule.ts';
export * from './model/checklist.ts';
export * from './model/issue.ts';
export * from './model/scoring.ts';
export * from './model/survey.ts';
export * from './model/records.ts';
export * from './model/routing.ts';
export * from './model/channels.ts';
export * from './model/setup.ts';
export * from './model/audit.ts';
export * from './model/group.ts';
export * from './model/desk.ts';
export * from './model/review.ts';
export * from './model/route.ts';
export type * from './model/alerts.ts';
export * from './time/zoned.ts';
export * from './time/calendar.ts';
export * from './rules/schedule.ts';
export * from './rules/device-clock.ts';
export * from './rules/deadlines.ts';
export * from './rules/issue-workflow.ts';
export * from './rules/checklist.ts';
export * from './rules/scoring.ts';
export * from './rules/satisfaction.ts';
export * from './rules/kpi.ts';
export * from './content/templates.ts';
export * from './content/scoring-sheet.ts';
export * from './content/survey.ts';
export * from './content/departments.ts';
export * from './i18n/labels.ts';
export * from './i18n/failures.ts';
export * from './validate.ts';
export * from './csv.ts';
export * from './rules/owed-slots.ts';
export * from './rules/figures.ts';
export * from './rules/dispatch.ts';
export * from './rules/notices.ts';
export * from './rules/group.ts';
export * from './rules/desk.ts';
export * from './rules/review.ts';
export * from './rules/routes.ts';
export type * from './model/answers.ts';
export type * from './model/receipts.ts';
export * as API from './api/endpoints.ts';
export {
  pathOf,
  type AnswerOf,
  type BodyOf,
  type CallArgs,
  type Endpoint,
  type ParamsOf,
  type ParsedBodyOf,
  type Query,
} from './api/endpoint.ts';
