/** Quarterly owner survey campaigns and their responses (one per household per campaign). */
import { randomUUID } from 'node:crypto';
import {
  formatDate,
  sampleProgress,
  satisfaction,
  satisfactionByArea,
  toLocal,
  type CampaignInput,
  type CampaignResults,
  type SurveyResponseSubmission,
  type SurveyResponseReceipt,
  type PublicSurvey,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { conflict, invalid, notFound } from './refusals.ts';
import { newPublicCode } from '../security/crypto.ts';
import type { Campaign } from '../storage/store.ts';
import { once } from './idempotency.ts';

export async function createCampaign(deps: Deps, estateId: string, input: CampaignInput): Promise<Campaign> {
  if (!(await deps.store.read.getSurvey(estateId, input.surveyId))) {
    throw invalid(`surveyId: no survey ${input.surveyId}`, [{ path: 'surveyId', message: 'unknown survey', rule: 'unknown' }]);
  }
  const campaign: Campaign = { id: randomUUID(), estateId, code: newPublicCode(), createdAt: deps.clock(), ...input };
  await deps.store.write(async (tx) => {
    // One survey at a time: overlapping campaigns would ask the same households twice and blur each quarter's figure.
    const overlap = (await tx.listCampaigns(estateId)).find((c) => c.opensOn <= input.closesOn && input.opensOn <= c.closesOn);
    if (overlap) throw conflict(`opensOn: overlaps ${overlap.name.zh} (${overlap.opensOn} – ${overlap.closesOn}); choose dates outside it`);
    await tx.insertCampaign(campaign);
  });
  return campaign;
}

export async function campaignByCode(deps: Deps, code: string): Promise<Campaign> {
  const c = /^[a-z2-7]{26}$/.test(code) ? await deps.store.read.getCampaignByCode(code) : undefined;
  if (!c) throw notFound('survey');
  return c;
}

export async function submitResponse(deps: Deps, campaign: Campaign, r: SurveyResponseSubmission, enteredBy: string | null) {
  const now = deps.clock();
  const estate = await deps.store.read.getEstate(campaign.estateId);
  if (estate?.archivedAt != null) throw conflict('this estate no longer runs this survey');
  const today = formatDate(toLocal(now, estate?.timeZone ?? 'Asia/Shanghai'));
  if (enteredBy === null && (today < campaign.opensOn || today > campaign.closesOn)) throw conflict('this survey is not open now');
  const survey = await deps.store.read.getSurvey(campaign.estateId, campaign.surveyId);
  const areas = new Set(survey?.areas.map((a) => a.id));
  const unknown = Object.keys(r.answers).filter((k) => !areas.has(k));
  if (unknown.length)
    throw invalid(
      `answers: unknown area ${unknown.join(', ')}`,
      unknown.map((k) => ({ path: `answers.${k}`, message: 'not a question of this survey', rule: 'unknown' })),
    );
  if (Object.values(r.answers).every((v) => v === null))
    throw invalid('answers: answer at least one question', [{ path: 'answers', message: 'all blank' }]);
  const { receipt } = await deps.store.write((tx) =>
    once<SurveyResponseReceipt>(tx, campaign.estateId, r.id, 'surveyResponse', { ...r, campaign: campaign.id }, now, async () => {
      if (await tx.hasResponse(campaign.id, r.household)) throw conflict(`household ${r.household} has already answered this survey`);
      await tx.insertResponse({
        id: r.id,
        campaignId: campaign.id,
        household: r.household,
        channel: r.channel,
        answers: r.answers,
        comment: r.comment,
        enteredBy,
        createdAt: now,
      });
      return { kind: 'surveyResponse', id: r.id, campaignId: campaign.id };
    }),
  );
  return receipt;
}

export async function campaignResults(deps: Deps, campaign: Campaign): Promise<CampaignResults> {
  const [survey, estate, responses] = await Promise.all([
    deps.store.read.getSurvey(campaign.estateId, campaign.surveyId),
    deps.store.read.getEstate(campaign.estateId),
    deps.store.read.responsesOf(campaign.id),
  ]);
  const areaIds = survey?.areas.map((a) => a.id) ?? [];
  return {
    campaign,
    sample: sampleProgress(responses.length, estate?.households ?? 0, campaign.sampleTarget),
    areas: satisfactionByArea(areaIds, responses),
    overall: satisfaction(responses.flatMap((r) => Object.values(r.answers))),
    byChannel: Object.fromEntries(['online', 'phone', 'in_person'].map((ch) => [ch, responses.filter((r) => r.channel === ch).length])),
  };
}

/** What an owner sees before answering: the campaign's name and dates, the estate, the questions. */
export async function publicSurvey(deps: Deps, campaign: Campaign): Promise<PublicSurvey> {
  const [survey, estate] = await Promise.all([
    deps.store.read.getSurvey(campaign.estateId, campaign.surveyId),
    deps.store.read.getEstate(campaign.estateId),
  ]);
  return {
    campaign: { name: campaign.name, opensOn: campaign.opensOn, closesOn: campaign.closesOn },
    estate: estate ? { name: estate.name } : null,
    survey: survey ?? null,
  };
}
