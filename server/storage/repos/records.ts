import type {
  Category,
  DeskChannel,
  DeskTopic,
  Measure,
  PatrolRoute,
  PlanRecord,
  RouteFlag,
  ScoringSheet,
  SurveyTemplate,
} from '../../../shared/index.ts';
import { orNull, type Row, type Sql } from '../sql.ts';
import { MASKED } from './issues.ts';
import type { Campaign, InspectionTimeRow, Writes } from '../store.ts';

type RecordRepo = Pick<
  Writes,
  | 'getReceipt'
  | 'claimReceipt'
  | 'setReceipt'
  | 'insertInspection'
  | 'getInspection'
  | 'inspectionTimes'
  | 'inspectionTimesOfLocations'
  | 'inspectionsAt'
  | 'getPhoto'
  | 'insertPhoto'
  | 'linkPhotos'
  | 'addPhotoUploader'
  | 'receivedPhotos'
  | 'recordsWithPhoto'
  | 'sentBy'
  | 'stagedVideo'
  | 'stagedVideoParts'
  | 'stagedVideoCount'
  | 'oldestStagedVideo'
  | 'stageVideoPart'
  | 'dropStagedVideo'
  | 'dropStaleVideoParts'
  | 'insertSheet'
  | 'getSheet'
  | 'latestSheet'
  | 'insertMonthly'
  | 'listMonthly'
  | 'insertSurvey'
  | 'getSurvey'
  | 'insertCampaign'
  | 'getCampaign'
  | 'getCampaignByCode'
  | 'listCampaigns'
  | 'insertResponse'
  | 'hasResponse'
  | 'responsesOf'
  | 'insertKioskRating'
  | 'kioskRatings'
  | 'insertDeskEntry'
  | 'redactDeskEntries'
  | 'deskEntries'
  | 'insertMeasure'
  | 'setMeasureStatus'
  | 'measuresOf'
  | 'getMeasure'
  | 'listRoutes'
  | 'getRoute'
  | 'putRoute'
  | 'insertRound'
  | 'roundsBetween'
  | 'insertPlanRecord'
  | 'listPlanRecords'
>;

export const toTime = (r: Row): InspectionTimeRow => ({
  id: r.id as string,
  locationId: r.location_id as string,
  inspectorId: r.inspector_id as string,
  finishedAt: Number(r.finished_at),
});

const toCampaign = (r: Row): Campaign => ({
  id: r.id as string,
  estateId: r.estate_id as string,
  surveyId: r.survey_id as string,
  name: JSON.parse(r.name as string),
  opensOn: r.opens_on as string,
  closesOn: r.closes_on as string,
  sampleTarget: Number(r.sample_target),
  code: r.code as string,
  createdAt: Number(r.created_at),
});

const toMeasure = (r: Row): Measure => ({
  ...(JSON.parse(r.body as string) as Measure),
  status: r.status as Measure['status'],
  doneAt: orNull(r.done_at),
});

const body = <T>(r: Row | undefined): T | undefined => (r ? (JSON.parse(r.body as string) as T) : undefined);

// A photo citation counts once its author has sent the bytes (or it predates authors: NULL).
const CITED = 'rp.author IS NULL OR EXISTS (SELECT 1 FROM photo_uploads u WHERE u.sha256 = rp.sha256 AND u.uploader = rp.author)';

export function recordRepo(sql: Sql): RecordRepo {
  return {
    getReceipt: async (id) => {
      const r = await sql.get('SELECT * FROM receipts WHERE id = ?', [id]);
      return r && { id: r.id as string, kind: r.kind as string, bodyHash: r.body_hash as string, receipt: JSON.parse(r.receipt as string) };
    },
    claimReceipt: async (r, at) =>
      (await sql.run(
        `INSERT INTO receipts (estate_id, id, kind, body_hash, receipt, created_at) VALUES (?, ?, ?, ?, '{}', ?) ON CONFLICT (id) DO NOTHING`,
        [r.estateId, r.id, r.kind, r.bodyHash, at],
      )) === 1,
    setReceipt: async (id, receipt) => void (await sql.run('UPDATE receipts SET receipt = ? WHERE id = ?', [JSON.stringify(receipt), id])),
    insertInspection: async (r) =>
      void (await sql.run(
        `INSERT INTO inspections (id, estate_id, location_id, inspector_id, template_id, template_version, started_at, finished_at, confirmed_by, answers, failed_count,
           received_at, device_started_at, device_finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          r.id,
          r.estateId,
          r.locationId,
          r.inspectorId,
          r.templateId,
          r.templateVersion,
          r.startedAt,
          r.finishedAt,
          r.confirmedBy,
          JSON.stringify(r.answers),
          r.failedCount,
          r.receivedAt,
          r.deviceStartedAt,
          r.deviceFinishedAt,
        ],
      )),
    getInspection: async (id) => {
      const r = await sql.get('SELECT * FROM inspections WHERE id = ?', [id]);
      return (
        r && {
          id: r.id as string,
          estateId: r.estate_id as string,
          locationId: r.location_id as string,
          inspectorId: r.inspector_id as string,
          templateId: r.template_id as string,
          templateVersion: Number(r.template_version),
          startedAt: Number(r.started_at),
          finishedAt: Number(r.finished_at),
          confirmedBy: r.confirmed_by as string,
          answers: JSON.parse(r.answers as string),
          failedCount: Number(r.failed_count),
          receivedAt: Number(r.received_at),
          deviceStartedAt: orNull(r.device_started_at),
          deviceFinishedAt: orNull(r.device_finished_at),
        }
      );
    },
    inspectionTimes: async (estateId, from, to) =>
      (
        await sql.all(
          'SELECT id, location_id, inspector_id, finished_at FROM inspections WHERE estate_id = ? AND finished_at >= ? AND finished_at < ? ORDER BY finished_at',
          [estateId, from, to],
        )
      ).map(toTime),
    // By each place's own index entries (location, time): one look-up per place, not a pass over the estate's month. The
    // estate is checked on the rows, not in the WHERE: given it there, SQLite walks the estate's whole month instead.
    inspectionTimesOfLocations: async (estateId, locationIds, from, to) => {
      if (locationIds.length === 0) return [];
      // The list is padded (with its last id again) to a power of two: PostgreSQL prepares each statement text once per
      // connection, and a text per list length would be thousands of them.
      const size = 2 ** Math.ceil(Math.log2(locationIds.length));
      const ids = [...locationIds, ...Array.from({ length: size - locationIds.length }, () => locationIds[locationIds.length - 1])];
      const rows = await sql.all(
        `SELECT id, location_id, inspector_id, finished_at, estate_id FROM inspections
         WHERE location_id IN (${ids.map(() => '?').join(', ')}) AND finished_at >= ? AND finished_at < ?
         ORDER BY location_id, finished_at`,
        [...ids, from, to],
      );
      return rows.filter((r) => r.estate_id === estateId).map(toTime);
    },
    inspectionsAt: async (locationId, from, to) =>
      (
        await sql.all(
          'SELECT id, location_id, inspector_id, finished_at FROM inspections WHERE location_id = ? AND finished_at >= ? AND finished_at < ? ORDER BY finished_at',
          [locationId, from, to],
        )
      ).map(toTime),
    getPhoto: async (sha) => {
      const r = await sql.get('SELECT * FROM photos WHERE sha256 = ?', [sha]);
      return (
        r && {
          sha256: r.sha256 as string,
          size: Number(r.size),
          storedSize: Number(r.stored_size),
          width: Number(r.width),
          height: Number(r.height),
          receivedAt: Number(r.received_at),
          mediaType: r.media_type as string,
        }
      );
    },
    insertPhoto: async (p) =>
      void (await sql.run(
        'INSERT INTO photos (sha256, size, stored_size, width, height, received_at, media_type) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
        [p.sha256, p.size, p.storedSize, p.width, p.height, p.receivedAt, p.mediaType],
      )),
    linkPhotos: async (recordId, shas, author) => {
      // The record (an inspection or an issue) is written first; its estate comes from it.
      for (const s of shas) {
        await sql.run(
          `INSERT INTO record_photos (estate_id, record_id, sha256, author)
           VALUES (coalesce((SELECT estate_id FROM inspections WHERE id = ?), (SELECT estate_id FROM issues WHERE id = ?)), ?, ?, ?)
           ON CONFLICT (record_id, sha256) DO NOTHING`,
          [recordId, recordId, recordId, s, author],
        );
      }
    },
    addPhotoUploader: async (sha, uploader, at) =>
      void (await sql.run('INSERT INTO photo_uploads (sha256, uploader, at) VALUES (?, ?, ?) ON CONFLICT (sha256, uploader) DO NOTHING', [
        sha,
        uploader,
        at,
      ])),
    receivedPhotos: async (recordId) =>
      (
        await sql.all(
          `SELECT DISTINCT rp.sha256 FROM record_photos rp JOIN photos p ON p.sha256 = rp.sha256 WHERE rp.record_id = ? AND (${CITED}) ORDER BY rp.sha256`,
          [recordId],
        )
      ).map((r) => r.sha256 as string),
    sentBy: async (sha, uploader) =>
      (await sql.get('SELECT 1 AS yes FROM photo_uploads WHERE sha256 = ? AND uploader = ?', [sha, uploader])) !== undefined,
    stagedVideo: async (uploader, sha) => {
      const r = await sql.get(
        'SELECT max(total) AS total, sum(length(bytes)) AS received, count(*) AS parts FROM upload_parts WHERE uploader = ? AND sha256 = ?',
        [uploader, sha],
      );
      return r && Number(r.parts) > 0 ? { total: Number(r.total), received: Number(r.received) } : undefined;
    },
    stagedVideoParts: async (uploader, sha) =>
      (await sql.all('SELECT bytes FROM upload_parts WHERE uploader = ? AND sha256 = ? ORDER BY first_byte', [uploader, sha])).map(
        (r) => r.bytes as Buffer,
      ),
    stagedVideoCount: async (uploader) =>
      Number((await sql.get('SELECT count(DISTINCT sha256) AS n FROM upload_parts WHERE uploader = ?', [uploader]))?.n ?? 0),
    oldestStagedVideo: async (uploader) =>
      (await sql.get('SELECT sha256 FROM upload_parts WHERE uploader = ? GROUP BY sha256 ORDER BY max(at), sha256 LIMIT 1', [uploader]))
        ?.sha256 as string | undefined,
    stageVideoPart: async (uploader, sha, from, total, bytes, at) =>
      void (await sql.run(
        'INSERT INTO upload_parts (uploader, sha256, first_byte, total, bytes, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uploader, sha256, first_byte) DO NOTHING',
        [uploader, sha, from, total, bytes, at],
      )),
    dropStagedVideo: async (uploader, sha) =>
      void (await sql.run('DELETE FROM upload_parts WHERE uploader = ? AND sha256 = ?', [uploader, sha])),
    dropStaleVideoParts: async (before) =>
      sql.run(
        'DELETE FROM upload_parts WHERE (uploader, sha256) IN (SELECT uploader, sha256 FROM upload_parts GROUP BY uploader, sha256 HAVING max(at) < ?)',
        [before],
      ),
    recordsWithPhoto: async (sha) =>
      (await sql.all(`SELECT DISTINCT record_id FROM record_photos rp WHERE rp.sha256 = ? AND (${CITED}) ORDER BY record_id`, [sha])).map(
        (r) => r.record_id as string,
      ),
    insertSheet: async (estateId, s) =>
      void (await sql.run('INSERT INTO scoring_sheets (estate_id, id, version, body) VALUES (?, ?, ?, ?)', [
        estateId,
        s.id,
        s.version,
        JSON.stringify(s),
      ])),
    getSheet: async (estateId, id, version) =>
      body<ScoringSheet>(
        await sql.get('SELECT body FROM scoring_sheets WHERE estate_id = ? AND id = ? AND version = ?', [estateId, id, version]),
      ),
    latestSheet: async (estateId) =>
      body<ScoringSheet>(await sql.get('SELECT body FROM scoring_sheets WHERE estate_id = ? ORDER BY version DESC LIMIT 1', [estateId])),
    insertMonthly: async (r) =>
      void (await sql.run(
        `INSERT INTO monthly_inspections (id, estate_id, month, sheet_id, sheet_version, inspected_on, inspector_id, deductions, sections, total, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          r.id,
          r.estateId,
          r.month,
          r.sheetId,
          r.sheetVersion,
          r.inspectedOn,
          r.inspectorId,
          JSON.stringify(r.deductions),
          JSON.stringify(r.sections),
          r.total,
          r.createdAt,
        ],
      )),
    listMonthly: async (estateId) =>
      (await sql.all('SELECT * FROM monthly_inspections WHERE estate_id = ? ORDER BY month, created_at', [estateId])).map((r) => ({
        id: r.id as string,
        estateId: r.estate_id as string,
        month: r.month as string,
        sheetId: r.sheet_id as string,
        sheetVersion: Number(r.sheet_version),
        inspectedOn: r.inspected_on as string,
        inspectorId: r.inspector_id as string,
        deductions: JSON.parse(r.deductions as string),
        sections: JSON.parse(r.sections as string),
        total: Number(r.total),
        createdAt: Number(r.created_at),
      })),
    insertSurvey: async (estateId, s) =>
      void (await sql.run('INSERT INTO surveys (estate_id, id, body) VALUES (?, ?, ?)', [estateId, s.id, JSON.stringify(s)])),
    getSurvey: async (estateId, id) =>
      body<SurveyTemplate>(await sql.get('SELECT body FROM surveys WHERE estate_id = ? AND id = ?', [estateId, id])),
    insertCampaign: async (c) =>
      void (await sql.run(
        'INSERT INTO campaigns (id, estate_id, survey_id, name, opens_on, closes_on, sample_target, code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [c.id, c.estateId, c.surveyId, JSON.stringify(c.name), c.opensOn, c.closesOn, c.sampleTarget, c.code, c.createdAt],
      )),
    getCampaign: async (id) => {
      const r = await sql.get('SELECT * FROM campaigns WHERE id = ?', [id]);
      return r && toCampaign(r);
    },
    getCampaignByCode: async (code) => {
      const r = await sql.get('SELECT * FROM campaigns WHERE code = ?', [code]);
      return r && toCampaign(r);
    },
    listCampaigns: async (estateId) =>
      (await sql.all('SELECT * FROM campaigns WHERE estate_id = ? ORDER BY opens_on', [estateId])).map(toCampaign),
    insertResponse: async (r) =>
      void (await sql.run(
        'INSERT INTO survey_responses (estate_id, id, campaign_id, household, channel, answers, comment, entered_by, created_at) VALUES ((SELECT estate_id FROM campaigns WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?)',
        [r.campaignId, r.id, r.campaignId, r.household, r.channel, JSON.stringify(r.answers), r.comment, r.enteredBy, r.createdAt],
      )),
    // One answer per household whatever the case it is typed in (both engines index lower(household)).
    hasResponse: async (campaignId, household) =>
      (await sql.get('SELECT 1 AS found FROM survey_responses WHERE campaign_id = ? AND lower(household) = lower(?)', [
        campaignId,
        household,
      ])) !== undefined,
    responsesOf: async (campaignId) =>
      (await sql.all('SELECT * FROM survey_responses WHERE campaign_id = ? ORDER BY created_at', [campaignId])).map((r) => ({
        id: r.id as string,
        campaignId: r.campaign_id as string,
        household: r.household as string,
        channel: r.channel as string,
        answers: JSON.parse(r.answers as string),
        comment: r.comment as string,
        enteredBy: (r.entered_by as string | null) ?? null,
        createdAt: Number(r.created_at),
      })),
    insertPlanRecord: async (estateId, r, at) =>
      void (await sql.run('INSERT INTO plan_records (id, estate_id, kind, date, body, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        r.id,
        estateId,
        r.kind,
        r.date,
        JSON.stringify(r),
        at,
      ])),
    listPlanRecords: async (estateId, kind) =>
      (
        await (kind
          ? sql.all('SELECT body FROM plan_records WHERE estate_id = ? AND kind = ? ORDER BY date DESC, created_at DESC', [estateId, kind])
          : sql.all('SELECT body FROM plan_records WHERE estate_id = ? ORDER BY date DESC, created_at DESC', [estateId]))
      ).map((r) => JSON.parse(r.body as string) as PlanRecord),
    insertDeskEntry: async (e) =>
      void (await sql.run(
        `INSERT INTO desk_entries (estate_id, id, location_id, staff_id, topic, channel, received_at, answered_at, resolved, summary,
           household, category, issue_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.estateId,
          e.id,
          e.locationId,
          e.staffId,
          e.topic,
          e.channel,
          e.receivedAt,
          e.answeredAt,
          e.resolved ? 1 : 0,
          e.summary,
          e.household,
          e.category,
          e.issueId,
          e.createdAt,
        ],
      )),
    redactDeskEntries: async (estateId, before) =>
      sql.run(
        `UPDATE desk_entries SET summary = ?, household = ''
          WHERE estate_id = ? AND answered_at < ? AND summary <> ?
            AND (issue_id IS NULL OR EXISTS (SELECT 1 FROM issues i WHERE i.id = desk_entries.issue_id AND i.redacted_at IS NOT NULL))`,
        [MASKED, estateId, before, MASKED],
      ),
    deskEntries: async (estateId, from, to) =>
      (
        await sql.all('SELECT * FROM desk_entries WHERE estate_id = ? AND received_at >= ? AND received_at < ? ORDER BY received_at, id', [
          estateId,
          from,
          to,
        ])
      ).map((r) => ({
        estateId: r.estate_id as string,
        id: r.id as string,
        locationId: r.location_id as string,
        staffId: r.staff_id as string,
        topic: r.topic as DeskTopic,
        channel: r.channel as DeskChannel,
        receivedAt: Number(r.received_at),
        answeredAt: Number(r.answered_at),
        resolved: Number(r.resolved) === 1,
        summary: r.summary as string,
        household: r.household as string,
        category: r.category as Category,
        issueId: (r.issue_id as string | null) ?? null,
        createdAt: Number(r.created_at),
      })),
    // A measure is read and written whole (its body); its status is a column so it can change alone.
    insertMeasure: async (m) =>
      void (await sql.run(
        'INSERT INTO review_measures (estate_id, id, quarter, body, status, created_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [m.estateId, m.id, m.quarter, JSON.stringify(m), m.status, m.createdAt, m.doneAt],
      )),
    setMeasureStatus: async (estateId, id, status, doneAt) =>
      void (await sql.run('UPDATE review_measures SET status = ?, done_at = ? WHERE estate_id = ? AND id = ?', [
        status,
        doneAt,
        estateId,
        id,
      ])),
    measuresOf: async (estateId, quarters) =>
      quarters.length
        ? (
            await sql.all(
              `SELECT body, status, done_at FROM review_measures WHERE estate_id = ? AND quarter IN (${quarters.map(() => '?').join(', ')})
               ORDER BY created_at, id`,
              [estateId, ...quarters],
            )
          ).map(toMeasure)
        : [],
    getMeasure: async (estateId, id) => {
      const r = await sql.get('SELECT body, status, done_at FROM review_measures WHERE estate_id = ? AND id = ?', [estateId, id]);
      return r ? toMeasure(r) : undefined;
    },
    listRoutes: async (estateId) =>
      (await sql.all('SELECT body FROM patrol_routes WHERE estate_id = ? ORDER BY id', [estateId])).map(
        (r) => JSON.parse(r.body as string) as PatrolRoute,
      ),
    getRoute: async (estateId, id) =>
      body<PatrolRoute>(await sql.get('SELECT body FROM patrol_routes WHERE estate_id = ? AND id = ?', [estateId, id])),
    putRoute: async (route, at) => {
      // A route's rounds keep the checkpoints they were judged on; the route itself is replaced whole.
      const changed = await sql.run('UPDATE patrol_routes SET body = ?, updated_at = ? WHERE estate_id = ? AND id = ?', [
        JSON.stringify(route),
        at,
        route.estateId,
        route.id,
      ]);
      if (!changed)
        await sql.run('INSERT INTO patrol_routes (estate_id, id, body, updated_at) VALUES (?, ?, ?, ?)', [
          route.estateId,
          route.id,
          JSON.stringify(route),
          at,
        ]);
    },
    insertRound: async (estateId, r, at) =>
      void (await sql.run(
        `INSERT INTO route_rounds (estate_id, id, route_id, guard_id, started_at, finished_at, complete, skipped, flags, scans, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          estateId,
          r.id,
          r.routeId,
          r.guardId,
          r.startedAt,
          r.finishedAt,
          r.complete ? 1 : 0,
          JSON.stringify(r.skipped),
          JSON.stringify(r.flags),
          JSON.stringify(r.scans),
          at,
        ],
      )),
    roundsBetween: async (estateId, from, to) =>
      (
        await sql.all('SELECT * FROM route_rounds WHERE estate_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at, id', [
          estateId,
          from,
          to,
        ])
      ).map((r) => ({
        id: r.id as string,
        routeId: r.route_id as string,
        guardId: r.guard_id as string,
        startedAt: Number(r.started_at),
        finishedAt: Number(r.finished_at),
        complete: Number(r.complete) === 1,
        skipped: JSON.parse(r.skipped as string) as string[],
        flags: JSON.parse(r.flags as string) as RouteFlag[],
      })),
    insertKioskRating: async (r) =>
      void (await sql.run(
        'INSERT INTO kiosk_ratings (id, estate_id, location_id, face, reason, category, issue_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [r.id, r.estateId, r.locationId, r.face, r.reason, r.category, r.issueId, r.createdAt],
      )),
    kioskRatings: async (estateId, from, to) =>
      (
        await sql.all('SELECT * FROM kiosk_ratings WHERE estate_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at', [
          estateId,
          from,
          to,
        ])
      ).map((r) => ({
        id: r.id as string,
        estateId: r.estate_id as string,
        locationId: r.location_id as string,
        face: Number(r.face),
        reason: r.reason as string,
        category: (r.category as string | null) ?? null,
        issueId: (r.issue_id as string | null) ?? null,
        createdAt: Number(r.created_at),
      })),
  };
}
