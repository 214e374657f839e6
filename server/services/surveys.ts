/** Quarterly owner survey campaigns and their responses (one per household per campaign). */
import { randomUUID } from 'node:crypto';
import { formatDate, sampleProgress, satisfaction, satisfactionByArea, toLocal, type CampaignInput, type SurveyResponseSubmission } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { newPublicCode } from '../security/crypto.ts';
import type { Campaign } from '../storage/store.ts';
import { once } from './idempotency.ts';

export function createCampaign(deps: Deps, estateId: string, input: CampaignInput): Campaign {
  if (!deps.store.getSurvey(estateId, input.surveyId)) {
    throw badRequest(`surveyId: no survey ${input.surveyId}`, [{ path: 'surveyId', message: 'unknown survey' }]);
  }
  const campaign: Campaign = { id: randomUUID(), estateId, code: newPublicCode(), createdAt: deps.clock(), ...input };
  deps.store.tx(() => deps.store.insertCampaign(campaign));
  return campaign;
}

export function campaignByCode(deps: Deps, code: string): Campaign {
  const c = /^[a-z2-7]{26}$/.test(code) ? deps.store.getCampaignByCode(code) : undefined;
  if (!c) throw notFound('survey');
  return c;
}

export function submitResponse(deps: Deps, campaign: Campaign, r: SurveyResponseSubmission, enteredBy: string | null) {
  const now = deps.clock();
  const today = formatDate(toLocal(now, deps.store.getEstate(campaign.estateId)?.timeZone ?? 'Asia/Shanghai'));
  if (enteredBy === null && (today < campaign.opensOn || today > campaign.closesOn)) throw conflict('this survey is not open now');
  const survey = deps.store.getSurvey(campaign.estateId, campaign.surveyId);
  const areas = new Set(survey?.areas.map((a) => a.id));
  const unknown = Object.keys(r.answers).filter((k) => !areas.has(k));
  if (unknown.length) throw badRequest(`answers: unknown area ${unknown.join(', ')}`, unknown.map((k) => ({ path: `answers.${k}`, message: 'not a question of this survey' })));
  if (Object.values(r.answers).every((v) => v === null)) throw badRequest('answers: answer at least one question', [{ path: 'answers', message: 'all blank' }]);
  return once(deps.store, r.id, 'surveyResponse', { ...r, campaign: campaign.id }, now, () => {
    if (deps.store.hasResponse(campaign.id, r.household)) throw conflict(`household ${r.household} has already answered this survey`);
    deps.store.insertResponse({ id: r.id, campaignId: campaign.id, household: r.household, channel: r.channel, answers: r.answers, comment: r.comment, enteredBy, createdAt: now });
    return { kind: 'surveyResponse', id: r.id, campaignId: campaign.id };
  }).receipt;
}

export function campaignResults(deps: Deps, campaign: Campaign) {
  const survey = deps.store.getSurvey(campaign.estateId, campaign.surveyId);
  const estate = deps.store.getEstate(campaign.estateId);
  const responses = deps.store.responsesOf(campaign.id);
  const areaIds = survey?.areas.map((a) => a.id) ?? [];
  return {
    campaign,
    sample: sampleProgress(responses.length, estate?.households ?? 0, campaign.sampleTarget),
    areas: satisfactionByArea(areaIds, responses),
    overall: satisfaction(responses.flatMap((r) => Object.values(r.answers))),
    byChannel: Object.fromEntries(['online', 'phone', 'in_person'].map((ch) => [ch, responses.filter((r) => r.channel === ch).length])),
  };
}
