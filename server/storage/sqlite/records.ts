import type { PlanRecord, ScoringSheet, SurveyTemplate } from '../../../shared/index.ts';
import type { Campaign, InspectionRecord, InspectionTimeRow, KioskRatingRecord, MonthlyRecord, Store, SurveyResponseRecord } from '../store.ts';
import type { Db } from './open.ts';

type Row = Record<string, unknown>;

type RecordRepo = Pick<
  Store,
  | 'getReceipt' | 'insertReceipt'
  | 'insertInspection' | 'getInspection' | 'inspectionTimes' | 'inspectionsAt'
  | 'getPhoto' | 'insertPhoto' | 'linkPhotos' | 'addPhotoUploader' | 'receivedPhotos' | 'recordsWithPhoto'
  | 'insertSheet' | 'getSheet' | 'latestSheet' | 'insertMonthly' | 'listMonthly'
  | 'insertSurvey' | 'getSurvey' | 'insertCampaign' | 'getCampaign' | 'getCampaignByCode' | 'listCampaigns'
  | 'insertResponse' | 'hasResponse' | 'responsesOf'
  | 'insertKioskRating' | 'kioskRatings' | 'insertPlanRecord' | 'listPlanRecords'
>;

const toTime = (r: Row): InspectionTimeRow => ({
  id: r.id as string,
  locationId: r.location_id as string,
  inspectorId: r.inspector_id as string,
  finishedAt: r.finished_at as number,
});

const toCampaign = (r: Row): Campaign => ({
  id: r.id as string,
  estateId: r.estate_id as string,
  surveyId: r.survey_id as string,
  name: JSON.parse(r.name as string),
  opensOn: r.opens_on as string,
  closesOn: r.closes_on as string,
  sampleTarget: r.sample_target as number,
  code: r.code as string,
  createdAt: r.created_at as number,
});

export function recordRepo(db: Db): RecordRepo {
  const q = {
    receipt: db.prepare('SELECT * FROM receipts WHERE id = ?'),
    insertReceipt: db.prepare('INSERT INTO receipts (id, kind, body_hash, receipt, created_at) VALUES (?, ?, ?, ?, ?)'),
    insertInspection: db.prepare(
      `INSERT INTO inspections (id, estate_id, location_id, inspector_id, template_id, template_version, started_at, finished_at, confirmed_by, answers, failed_count, received_at,
         device_started_at, device_finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    inspection: db.prepare('SELECT * FROM inspections WHERE id = ?'),
    times: db.prepare(
      'SELECT id, location_id, inspector_id, finished_at FROM inspections WHERE estate_id = ? AND finished_at >= ? AND finished_at < ? ORDER BY finished_at',
    ),
    timesAt: db.prepare(
      'SELECT id, location_id, inspector_id, finished_at FROM inspections WHERE location_id = ? AND finished_at >= ? AND finished_at < ? ORDER BY finished_at',
    ),
    photo: db.prepare('SELECT * FROM photos WHERE sha256 = ?'),
    insertPhoto: db.prepare('INSERT OR IGNORE INTO photos (sha256, size, stored_size, width, height, received_at) VALUES (?, ?, ?, ?, ?, ?)'),
    link: db.prepare('INSERT OR IGNORE INTO record_photos (record_id, sha256, author) VALUES (?, ?, ?)'),
    addUploader: db.prepare('INSERT OR IGNORE INTO photo_uploads (sha256, uploader, at) VALUES (?, ?, ?)'),
    // A citation counts once its author has sent the bytes (or it predates authors: NULL).
    received: db
      .prepare(
        `SELECT DISTINCT rp.sha256 FROM record_photos rp JOIN photos p ON p.sha256 = rp.sha256
         WHERE rp.record_id = ? AND (rp.author IS NULL OR EXISTS (SELECT 1 FROM photo_uploads u WHERE u.sha256 = rp.sha256 AND u.uploader = rp.author))
         ORDER BY rp.sha256`,
      )
      .pluck(),
    withPhoto: db
      .prepare(
        `SELECT DISTINCT record_id FROM record_photos rp WHERE rp.sha256 = ?
         AND (rp.author IS NULL OR EXISTS (SELECT 1 FROM photo_uploads u WHERE u.sha256 = rp.sha256 AND u.uploader = rp.author))`,
      )
      .pluck(),
    insertSheet: db.prepare('INSERT INTO scoring_sheets (estate_id, id, version, body) VALUES (?, ?, ?, ?)'),
    sheet: db.prepare('SELECT body FROM scoring_sheets WHERE estate_id = ? AND id = ? AND version = ?').pluck(),
    latestSheet: db.prepare('SELECT body FROM scoring_sheets WHERE estate_id = ? ORDER BY version DESC LIMIT 1').pluck(),
    insertMonthly: db.prepare(
      `INSERT INTO monthly_inspections (id, estate_id, month, sheet_id, sheet_version, inspected_on, inspector_id, deductions, sections, total, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    monthly: db.prepare('SELECT * FROM monthly_inspections WHERE estate_id = ? ORDER BY month, created_at'),
    insertSurvey: db.prepare('INSERT INTO surveys (estate_id, id, body) VALUES (?, ?, ?)'),
    survey: db.prepare('SELECT body FROM surveys WHERE estate_id = ? AND id = ?').pluck(),
    insertCampaign: db.prepare(
      'INSERT INTO campaigns (id, estate_id, survey_id, name, opens_on, closes_on, sample_target, code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    campaign: db.prepare('SELECT * FROM campaigns WHERE id = ?'),
    campaignByCode: db.prepare('SELECT * FROM campaigns WHERE code = ?'),
    campaigns: db.prepare('SELECT * FROM campaigns WHERE estate_id = ? ORDER BY opens_on'),
    insertResponse: db.prepare(
      'INSERT INTO survey_responses (id, campaign_id, household, channel, answers, comment, entered_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    hasResponse: db.prepare('SELECT 1 FROM survey_responses WHERE campaign_id = ? AND household = ?').pluck(),
    responses: db.prepare('SELECT * FROM survey_responses WHERE campaign_id = ? ORDER BY created_at'),
    insertKiosk: db.prepare(
      'INSERT INTO kiosk_ratings (id, estate_id, location_id, face, reason, category, issue_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    kiosk: db.prepare('SELECT * FROM kiosk_ratings WHERE estate_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at'),
    insertPlan: db.prepare('INSERT INTO plan_records (id, estate_id, kind, date, body, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    plans: db.prepare('SELECT body FROM plan_records WHERE estate_id = ? ORDER BY date DESC, created_at DESC').pluck(),
    plansOfKind: db.prepare('SELECT body FROM plan_records WHERE estate_id = ? AND kind = ? ORDER BY date DESC, created_at DESC').pluck(),
  };

  return {
    getReceipt: (id) => {
      const r = q.receipt.get(id) as Row | undefined;
      return r && { id: r.id as string, kind: r.kind as string, bodyHash: r.body_hash as string, receipt: JSON.parse(r.receipt as string) };
    },
    insertReceipt: (r, at) => void q.insertReceipt.run(r.id, r.kind, r.bodyHash, JSON.stringify(r.receipt), at),
    insertInspection: (r: InspectionRecord) =>
      void q.insertInspection.run(
        r.id, r.estateId, r.locationId, r.inspectorId, r.templateId, r.templateVersion, r.startedAt, r.finishedAt, r.confirmedBy,
        JSON.stringify(r.answers), r.failedCount, r.receivedAt, r.deviceStartedAt, r.deviceFinishedAt,
      ),
    getInspection: (id) => {
      const r = q.inspection.get(id) as Row | undefined;
      return (
        r && {
          id: r.id as string,
          estateId: r.estate_id as string,
          locationId: r.location_id as string,
          inspectorId: r.inspector_id as string,
          templateId: r.template_id as string,
          templateVersion: r.template_version as number,
          startedAt: r.started_at as number,
          finishedAt: r.finished_at as number,
          confirmedBy: r.confirmed_by as string,
          answers: JSON.parse(r.answers as string),
          failedCount: r.failed_count as number,
          receivedAt: r.received_at as number,
          deviceStartedAt: (r.device_started_at as number | null) ?? null,
          deviceFinishedAt: (r.device_finished_at as number | null) ?? null,
        }
      );
    },
    inspectionTimes: (estateId, from, to) => (q.times.all(estateId, from, to) as Row[]).map(toTime),
    inspectionsAt: (locationId, from, to) => (q.timesAt.all(locationId, from, to) as Row[]).map(toTime),
    getPhoto: (sha) => {
      const r = q.photo.get(sha) as Row | undefined;
      return (
        r && {
          sha256: r.sha256 as string,
          size: r.size as number,
          storedSize: r.stored_size as number,
          width: r.width as number,
          height: r.height as number,
          receivedAt: r.received_at as number,
        }
      );
    },
    insertPhoto: (p) => void q.insertPhoto.run(p.sha256, p.size, p.storedSize, p.width, p.height, p.receivedAt),
    linkPhotos: (recordId, shas, author) => {
      for (const s of shas) q.link.run(recordId, s, author);
    },
    addPhotoUploader: (sha, uploader, at) => void q.addUploader.run(sha, uploader, at),
    receivedPhotos: (recordId) => q.received.all(recordId) as string[],
    recordsWithPhoto: (sha) => q.withPhoto.all(sha) as string[],
    insertSheet: (estateId, s) => void q.insertSheet.run(estateId, s.id, s.version, JSON.stringify(s)),
    getSheet: (estateId, id, version) => {
      const b = q.sheet.get(estateId, id, version) as string | undefined;
      return b ? (JSON.parse(b) as ScoringSheet) : undefined;
    },
    latestSheet: (estateId) => {
      const b = q.latestSheet.get(estateId) as string | undefined;
      return b ? (JSON.parse(b) as ScoringSheet) : undefined;
    },
    insertMonthly: (r: MonthlyRecord) =>
      void q.insertMonthly.run(
        r.id, r.estateId, r.month, r.sheetId, r.sheetVersion, r.inspectedOn, r.inspectorId, JSON.stringify(r.deductions), JSON.stringify(r.sections), r.total, r.createdAt,
      ),
    listMonthly: (estateId) =>
      (q.monthly.all(estateId) as Row[]).map((r) => ({
        id: r.id as string,
        estateId: r.estate_id as string,
        month: r.month as string,
        sheetId: r.sheet_id as string,
        sheetVersion: r.sheet_version as number,
        inspectedOn: r.inspected_on as string,
        inspectorId: r.inspector_id as string,
        deductions: JSON.parse(r.deductions as string),
        sections: JSON.parse(r.sections as string),
        total: r.total as number,
        createdAt: r.created_at as number,
      })),
    insertSurvey: (estateId, s) => void q.insertSurvey.run(estateId, s.id, JSON.stringify(s)),
    getSurvey: (estateId, id) => {
      const b = q.survey.get(estateId, id) as string | undefined;
      return b ? (JSON.parse(b) as SurveyTemplate) : undefined;
    },
    insertCampaign: (c) =>
      void q.insertCampaign.run(c.id, c.estateId, c.surveyId, JSON.stringify(c.name), c.opensOn, c.closesOn, c.sampleTarget, c.code, c.createdAt),
    getCampaign: (id) => {
      const r = q.campaign.get(id) as Row | undefined;
      return r && toCampaign(r);
    },
    getCampaignByCode: (code) => {
      const r = q.campaignByCode.get(code) as Row | undefined;
      return r && toCampaign(r);
    },
    listCampaigns: (estateId) => (q.campaigns.all(estateId) as Row[]).map(toCampaign),
    insertResponse: (r: SurveyResponseRecord) =>
      void q.insertResponse.run(r.id, r.campaignId, r.household, r.channel, JSON.stringify(r.answers), r.comment, r.enteredBy, r.createdAt),
    hasResponse: (campaignId, household) => q.hasResponse.get(campaignId, household) === 1,
    responsesOf: (campaignId) =>
      (q.responses.all(campaignId) as Row[]).map((r) => ({
        id: r.id as string,
        campaignId: r.campaign_id as string,
        household: r.household as string,
        channel: r.channel as string,
        answers: JSON.parse(r.answers as string),
        comment: r.comment as string,
        enteredBy: (r.entered_by as string | null) ?? null,
        createdAt: r.created_at as number,
      })),
    insertPlanRecord: (estateId, r, at) => void q.insertPlan.run(r.id, estateId, r.kind, r.date, JSON.stringify(r), at),
    listPlanRecords: (estateId, kind) => ((kind ? q.plansOfKind.all(estateId, kind) : q.plans.all(estateId)) as string[]).map((b) => JSON.parse(b) as PlanRecord),
    insertKioskRating: (r: KioskRatingRecord) =>
      void q.insertKiosk.run(r.id, r.estateId, r.locationId, r.face, r.reason, r.category, r.issueId, r.createdAt),
    kioskRatings: (estateId, from, to) =>
      (q.kiosk.all(estateId, from, to) as Row[]).map((r) => ({
        id: r.id as string,
        estateId: r.estate_id as string,
        locationId: r.location_id as string,
        face: r.face as number,
        reason: r.reason as string,
        category: (r.category as string | null) ?? null,
        issueId: (r.issue_id as string | null) ?? null,
        createdAt: r.created_at as number,
      })),
  };
}
