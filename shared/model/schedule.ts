import * as v from 'valibot';
import { Clock, finiteNumber } from './common.ts';

const hours = (max: number) =>
  v.pipe(finiteNumber(), v.minValue(0.25, 'must be at least 0.25 h'), v.maxValue(max, `must be at most ${max} h`));
/** Minutes after a slot opens during which an inspection counts as on time (default 3 h, capped by the next slot). */
const windowMinutes = v.optional(v.pipe(finiteNumber(), v.integer(), v.minValue(5), v.maxValue(24 * 60)));

/**
 * How often a location must be patrolled, in the estate's time zone.
 * A window whose end is earlier than its start runs across midnight (a 22:00–06:00 night round).
 */
export const Schedule = v.variant('kind', [
  v.object({ kind: v.literal('interval'), everyHours: hours(12), from: Clock, to: Clock }),
  v.object({
    kind: v.literal('timesPerDay'),
    times: v.pipe(finiteNumber(), v.integer(), v.minValue(1), v.maxValue(24)),
    minGapHours: v.optional(hours(12), 0),
    from: v.optional(Clock, '00:00'),
    to: v.optional(Clock, '24:00'),
  }),
  v.object({ kind: v.literal('dailyAt'), times: v.pipe(v.array(Clock), v.minLength(1), v.maxLength(24)), windowMinutes }),
  v.object({
    kind: v.literal('weekly'),
    weekdays: v.pipe(v.array(v.pipe(finiteNumber(), v.integer(), v.minValue(0), v.maxValue(6))), v.minLength(1)),
    at: Clock,
    windowMinutes,
  }),
  v.object({
    kind: v.literal('monthly'),
    /** Day of month; 31 means "the last day" in shorter months. */
    day: v.pipe(finiteNumber(), v.integer(), v.minValue(1), v.maxValue(31)),
    at: Clock,
    windowMinutes,
  }),
]);
export type Schedule = v.InferOutput<typeof Schedule>;
