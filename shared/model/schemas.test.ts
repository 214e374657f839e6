import { describe, expect, it } from 'vitest';
import { parse } from '../validate.ts';
import { formatShortCode, normaliseTypedCode } from './estate.ts';
import { DEFAULT_TEMPLATES } from '../content/templates.ts';
import { DEFAULT_SCORING_SHEET } from '../content/scoring-sheet.ts';
import { DEFAULT_SURVEY } from '../content/survey.ts';
import { LOCATION_KINDS, Estate } from './estate.ts';
import { ChecklistTemplate, InspectionSubmission } from './checklist.ts';
import { IssueAction, OwnerReport } from './issue.ts';
import { ScoringSheet } from './scoring.ts';
import { CampaignInput, SurveyTemplate, SurveyResponseSubmission } from './survey.ts';
import { PlanRecord } from './records.ts';
import { Schedule } from './schedule.ts';

const uuid = '6f1c2a4e-8a6b-4c1d-9e2f-3a4b5c6d7e8f';
const validInspection = {
  id: uuid,
  locationId: 'loc-1',
  templateId: 'tpl-lift',
  templateVersion: 1,
  startedAt: Date.parse('2026-03-02T01:00:00Z'),
  finishedAt: Date.parse('2026-03-02T01:05:00Z'),
  confirmedBy: 'printed_code',
  answers: [{ itemId: 'running', value: 'pass' }],
};

describe('default content', () => {
  it('has a valid checklist template for every location kind', () => {
    for (const kind of LOCATION_KINDS) {
      const t = DEFAULT_TEMPLATES.find((tpl) => tpl.kind === kind);
      expect(t, kind).toBeDefined();
      expect(parse(ChecklistTemplate, t)).toMatchObject({ ok: true });
    }
  });

  it('the scoring sheet and the survey are valid', () => {
    expect(parse(ScoringSheet, DEFAULT_SCORING_SHEET).ok).toBe(true);
    expect(parse(SurveyTemplate, DEFAULT_SURVEY).ok).toBe(true);
  });
});

describe('payload schemas name the bad field', () => {
  it('accepts a valid inspection and fills defaults', () => {
    const r = parse(InspectionSubmission, validInspection);
    expect(r.ok && r.value.answers[0]).toEqual({ itemId: 'running', value: 'pass', note: '', photos: [] });
  });

  it.each([
    ['id', { id: 'not-a-uuid' }, 'id: must be a UUID'],
    ['a time in seconds', { startedAt: 1_772_413_200 }, 'startedAt: must be after 2000-01-01 (epoch milliseconds)'],
    ['finish before start', { finishedAt: Date.parse('2026-03-02T00:00:00Z') }, 'finishedAt: must not be before startedAt'],
    [
      'an answer value',
      { answers: [{ itemId: 'running', value: { html: 1 } }] },
      'answers[0].value: must be pass, fail, na, a number, text or null',
    ],
    ['empty answers', { answers: [] }, 'answers: answers must not be empty'],
    ['how presence was confirmed', { confirmedBy: 'guess' }, 'confirmedBy: must be kiosk_code, printed_code or link'],
  ])('rejects %s', (_what, patch, message) => {
    const r = parse(InspectionSubmission, { ...validInspection, ...patch });
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)).toContain(message);
  });

  it('rejects an owner report without a description, naming it', () => {
    const r = parse(OwnerReport, { id: uuid, locationCode: 'a'.repeat(26), category: 'hygiene', description: '   ' });
    expect(r).toMatchObject({ ok: false, errors: [{ path: 'description', message: 'description is required', rule: 'min_length' }] });
  });

  it('rejects an unknown workflow action and a bad severity', () => {
    expect(parse(IssueAction, { type: 'delete' }).ok).toBe(false);
    const r = parse(IssueAction, { type: 'assign', departmentId: 'eng', requirement: 'fix', severity: 'critical' });
    expect(r.ok ? null : r.errors[0]).toEqual({ path: 'severity', message: 'must be general, important or urgent', rule: 'picklist' });
  });

  it('rejects an unknown time zone and a malformed schedule', () => {
    expect(parse(Estate, { id: 'e', name: { zh: '甲', en: 'A' }, timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      errors: [{ path: 'timeZone', message: 'must be an IANA time zone such as Asia/Shanghai' }],
    });
    expect(parse(Schedule, { kind: 'interval', everyHours: 2, from: '7:00', to: '21:00' })).toMatchObject({
      ok: false,
      errors: [{ path: 'from', message: 'must be a HH:MM time' }],
    });
  });

  it('rejects a survey score outside 1–5, naming the area', () => {
    const r = parse(SurveyResponseSubmission, { id: uuid, household: '1-1-101', answers: { hygiene: 6 } });
    expect(r.ok ? null : r.errors[0]).toMatchObject({ path: 'answers.hygiene', message: 'must be 1–5' });
  });
});

describe('dates are real calendar days and numbers are finite', () => {
  const campaign = (opensOn: string, closesOn: string) => ({
    name: { zh: '调查', en: 'Survey' },
    surveyId: 'survey-quarterly',
    opensOn,
    closesOn,
  });

  it('a campaign dated 0000-00-00 … 9999-99-99 (open forever) is refused, naming the field', () => {
    const r = parse(CampaignInput, campaign('0000-00-00', '9999-99-99'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toContain('opensOn');
  });

  it.each(['2026-02-31', '2026-99-99', '2026-02-29'])('%s is not a day', (day) => {
    expect(parse(CampaignInput, campaign('2026-02-01', day)).ok).toBe(false);
  });

  it('a leap day is a day', () => {
    expect(parse(CampaignInput, campaign('2028-02-01', '2028-02-29')).ok).toBe(true);
  });

  it('1e309 in JSON (Infinity once parsed) is refused, never stored as null', () => {
    const body = JSON.parse(
      '{"kind":"training","id":"6f1c2a4e-8a6b-4c1d-9e2f-3a4b5c6d7e8f","date":"2026-11-30","topic":"fire","title":"消防培训","hours":1e309,"attendees":[]}',
    );
    expect(body.hours).toBe(Infinity);
    const r = parse(PlanRecord, body);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['hours']);
    expect(parse(PlanRecord, { ...body, hours: 2 }).ok).toBe(true);
  });

  it('an inspection finished at 1e309 is refused', () => {
    expect(parse(InspectionSubmission, { ...validInspection, finishedAt: Infinity }).ok).toBe(false);
  });
});

describe('a code typed from a label', () => {
  it('drops dashes and spaces, takes any case, and reads 0 as O and 1 as I', () => {
    expect(normaliseTypedCode(' r755x-rxyj0 ')).toBe('r755xrxyjo');
    expect(normaliseTypedCode('1ABCD-EFGH2')).toBe('iabcdefgh2');
    expect(formatShortCode('r755xrxyjoabcdefghijklmnop')).toBe('R755X-RXYJO');
  });
});
