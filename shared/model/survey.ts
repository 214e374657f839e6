import * as v from 'valibot';
import { Category, Id, IsoDate, LocalText, Uuid, requiredText, trimmedText, finiteNumber } from './common.ts';

/** The owner questionnaire: one 1–5 question per service area. */
export const SurveyTemplate = v.object({
  id: Id,
  name: LocalText,
  areas: v.pipe(v.array(v.object({ id: Id, label: LocalText, category: Category })), v.minLength(1)),
});
export type SurveyTemplate = v.InferOutput<typeof SurveyTemplate>;

export const CampaignInput = v.pipe(
  v.object({
    name: LocalText,
    surveyId: Id,
    opensOn: IsoDate,
    closesOn: IsoDate,
    /** Share of households to reach (plan practice: 30 %). */
    sampleTarget: v.optional(v.pipe(finiteNumber(), v.minValue(0.01), v.maxValue(1)), 0.3),
  }),
  v.forward(
    v.check((c) => c.closesOn >= c.opensOn, 'must not be before opensOn'),
    ['closesOn'],
  ),
);
export type CampaignInput = v.InferOutput<typeof CampaignInput>;

export const SURVEY_CHANNELS = ['online', 'phone', 'in_person'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const Score5 = v.nullable(
  v.pipe(finiteNumber('must be 1–5'), v.integer('must be a whole number 1–5'), v.minValue(1, 'must be 1–5'), v.maxValue(5, 'must be 1–5')),
);

export const SurveyResponseSubmission = v.object({
  id: Uuid,
  /** Household identifier such as "2-1-1502" (building-unit-room); one response per household per campaign. */
  household: requiredText(40, 'household'),
  channel: v.optional(v.picklist(SURVEY_CHANNELS, 'must be online, phone or in_person'), 'online'),
  /** area id → 1–5, or null for "no answer". */
  answers: v.record(Id, Score5),
  comment: v.optional(trimmedText(1000, 'comment'), ''),
});
export type SurveyResponseSubmission = v.InferOutput<typeof SurveyResponseSubmission>;

/** The four-face kiosk rating (HappyOrNot): 1 = very unhappy … 4 = very happy. */
export const KioskRating = v.object({
  id: Uuid,
  locationCode: v.pipe(v.string(), v.regex(/^[a-z2-7]{26}$/, 'must be a location code')),
  face: v.pipe(finiteNumber(), v.integer(), v.minValue(1, 'face must be 1–4'), v.maxValue(4, 'face must be 1–4')),
  reason: v.optional(trimmedText(300, 'reason'), ''),
  category: v.optional(Category),
});
export type KioskRating = v.InferOutput<typeof KioskRating>;
