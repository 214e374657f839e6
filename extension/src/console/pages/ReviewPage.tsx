import { useState } from 'preact/hooks';
import {
  API,
  CATEGORY_LABELS,
  DEFAULT_SURVEY,
  dateIn,
  improved,
  monthIn,
  quarterOfMonth,
  shiftQuarter,
  type Category,
  type Measure,
  type MeasureInput,
  type MeasureTarget,
  type QuarterReview,
} from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import { tx, errorText } from '../../common/i18n.ts';
import { pct } from '../charts.tsx';
import { estateZone, useSetup } from '../data.ts';
import { DataTable } from '../table.tsx';
import { Outcome, useAsync } from '../ui.tsx';
import { t } from '../words.ts';

const areaName = (id: string) => tx(DEFAULT_SURVEY.areas.find((a) => a.id === id)?.label) || id;

/** A measure to be taken from one row of the facts: what it should move, and its suggested words. */
interface Proposal {
  target: MeasureTarget;
  title: string;
  maintenance?: MeasureInput['maintenance'];
}

/**
 * 持续改进: the quarterly review. The quarter's facts come filled in; a measure is taken from a row, with an owner,
 * a due date and the figure it should move; the next quarter's review shows that figure before and after.
 */
export default function ReviewPage({ estateId }: { estateId: string }) {
  const zone = estateZone(estateId);
  const setup = useSetup(estateId);
  const current = quarterOfMonth(monthIn(Date.now(), zone));
  const [quarter, setQuarter] = useState(current);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [message, setMessage] = useState('');
  const { data, error, reload } = useAsync(() => call(API.quarterReview, { params: { estateId, quarter } }), [estateId, quarter]);
  // This quarter and the seven before it.
  const quarters = [current];
  while (quarters.length < 8) quarters.push(shiftQuarter(quarters[quarters.length - 1], -1));
  const place = (id: string) => tx(setup?.locations.find((l) => l.id === id)?.name) || id;
  const dept = (id: string | null) => (id ? tx(setup?.departments.find((d) => d.id === id)?.name) || id : '');
  const person = (id: string | null) => (id ? (setup?.members.find((m) => m.userId === id)?.displayName ?? id) : '');
  const figure = (target: MeasureTarget, v: number | null) =>
    v === null ? '—' : target.kind === 'areaSatisfaction' || target.kind === 'overdueRate' ? pct(v) : String(v);
  const targetName = (m: MeasureTarget) =>
    m.kind === 'areaSatisfaction'
      ? `${t('areaSatisfactionOf')} ${areaName(m.areaId)}`
      : m.kind === 'complaints'
        ? `${t('complaintsOf')} ${tx(CATEGORY_LABELS[m.category])}`
        : m.kind === 'overdueRate'
          ? `${t('overdueRateOf')} ${dept(m.departmentId)}`
          : m.kind === 'liftFaults'
            ? `${t('liftFaultsAt')} ${place(m.locationId)}`
            : `${t('missedAt')} ${place(m.locationId)}`;

  const setStatus = async (m: Measure, status: Measure['status']) => {
    setMessage('');
    try {
      await call(API.setMeasureStatus, { params: { estateId, id: m.id }, json: { status } });
      reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const take = (p: Proposal) => () => {
    setMessage('');
    setProposal(p);
  };

  return (
    <section data-testid="review-page">
      <h2>
        {t('review')} · {quarter}
      </h2>
      <p class="no-print">
        <label>
          {t('quarter')}{' '}
          <select value={quarter} onChange={(e) => setQuarter(e.currentTarget.value)} name="quarter">
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => print()}>
          {t('print')}
        </button>
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <Outcome message={message} ok={message === t('saved')} />
      {data ? (
        <>
          <p class="muted">
            {dateIn(data.facts.from, zone)} – {dateIn(data.facts.to - 1, zone)}
            {data.ended ? '' : ` · ${t('quarterUnderWay')}`}
          </p>
          <h3>{t('lastQuarterMeasures')}</h3>
          <DataTable
            name="review-previous"
            header={[t('measure'), t('owner'), t('dueOn'), t('status'), t('targetFigure'), t('before'), t('after'), t('improved')]}
            rows={data.previous.map((m) => [
              m.title,
              [dept(m.departmentId), person(m.assigneeId)].filter(Boolean).join(' · '),
              m.dueOn,
              m.status === 'done' ? t('measureDone') : t('measureOpen'),
              targetName(m.target),
              figure(m.target, m.before),
              figure(m.target, m.after),
              improved(m.target, m.before, m.after) === null ? '—' : improved(m.target, m.before, m.after) ? '✓' : '✗',
            ])}
          />
          <Facts review={data} take={take} place={place} dept={dept} />
          {proposal ? (
            <MeasureForm
              key={JSON.stringify(proposal.target)}
              proposal={proposal}
              targetName={targetName(proposal.target)}
              departments={setup?.departments.map((d) => ({ id: d.id, name: tx(d.name) })) ?? []}
              members={setup?.members.map((m) => ({ id: m.userId, name: m.displayName })) ?? []}
              onCancel={() => setProposal(null)}
              onSave={async (input) => {
                try {
                  await call(API.addMeasure, { params: { estateId, quarter }, json: input });
                  setProposal(null);
                  setMessage(t('saved'));
                  reload();
                } catch (e) {
                  setMessage(errorText(e));
                }
              }}
            />
          ) : null}
          <h3>{t('thisQuarterMeasures')}</h3>
          <table class="grid" data-testid="table-review-measures">
            <thead>
              <tr>
                {[t('measure'), t('owner'), t('dueOn'), t('targetFigure'), t('now'), t('status'), ''].map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.measures.map((m) => (
                <tr key={m.id} data-measure={m.id}>
                  <td>
                    {m.title}
                    {m.maintenance ? (
                      <small class="block muted">
                        {t('maintenanceDecision')}: {m.maintenance.decision === 'accepted' ? t('accepted') : t('declined')}
                        {m.maintenance.note ? ` · ${m.maintenance.note}` : ''}
                      </small>
                    ) : null}
                  </td>
                  <td>{[dept(m.departmentId), person(m.assigneeId)].filter(Boolean).join(' · ')}</td>
                  <td>{m.dueOn}</td>
                  <td>{targetName(m.target)}</td>
                  <td class="num">{figure(m.target, m.before)}</td>
                  <td>{m.status === 'done' ? t('measureDone') : t('measureOpen')}</td>
                  <td class="no-print">
                    <button type="button" onClick={() => void setStatus(m, m.status === 'done' ? 'open' : 'done')}>
                      {m.status === 'done' ? t('reopenMeasure') : t('markDone')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

/** The quarter's facts, each row with a way to take a measure from it. */
function Facts({
  review,
  take,
  place,
  dept,
}: {
  review: QuarterReview;
  take: (p: Proposal) => () => void;
  place: (id: string) => string;
  dept: (id: string | null) => string;
}) {
  const { facts } = review;
  const areas = facts.survey?.areas ?? [];
  const missed = facts.missed.slice(0, 20);
  const decided = new Map(
    review.measures
      .filter((m) => m.maintenance)
      .map((m) => [`${m.target.kind === 'liftFaults' ? m.target.locationId : ''}:${m.maintenance?.cause}`, m]),
  );
  const action = (p: Proposal, label = t('takeMeasure')) => (
    <button type="button" class="no-print" onClick={take(p)}>
      {label}
    </button>
  );
  return (
    <>
      <h3>{t('worstAreas')}</h3>
      {facts.survey ? <p class="muted">{tx(facts.survey.campaign)}</p> : <p class="muted">{t('noSurveyThisQuarter')}</p>}
      <DataTable
        name="review-areas"
        header={[t('area'), t('satisfied')]}
        rows={areas.map((a) => [areaName(a.areaId), pct(a.rate)])}
        actions={{
          header: t('measure'),
          of: (i) =>
            action({
              target: { kind: 'areaSatisfaction', areaId: areas[i].areaId },
              title: `${t('improveArea')}:${areaName(areas[i].areaId)}`,
            }),
        }}
      />
      <h3>{t('liftRepeats')}</h3>
      <DataTable
        name="review-lifts"
        header={[t('location'), t('cause'), t('count')]}
        rows={facts.liftRepeats.map((r) => [place(r.locationId), tx(r.causeName), r.count])}
        actions={{
          header: t('maintenanceDecision'),
          of: (i) => {
            const r = facts.liftRepeats[i];
            const done = decided.get(`${r.locationId}:${r.cause}`);
            if (done) return done.maintenance?.decision === 'accepted' ? t('accepted') : t('declined');
            const title = `${t('checkMoreOften')}:${place(r.locationId)} · ${tx(r.causeName)}`;
            const target: MeasureTarget = { kind: 'liftFaults', locationId: r.locationId };
            return (
              <span class="no-print">
                {action({ target, title, maintenance: { cause: r.cause, decision: 'accepted', note: '' } }, t('accept'))}{' '}
                {action({ target, title, maintenance: { cause: r.cause, decision: 'declined', note: '' } }, t('decline'))}
              </span>
            );
          },
        }}
      />
      <h3>{t('complaintTypes')}</h3>
      <DataTable
        name="review-complaints"
        header={[t('category'), t('count')]}
        rows={facts.complaints.map((c) => [tx(CATEGORY_LABELS[c.key as Category]), c.count])}
        actions={{
          header: t('measure'),
          of: (i) => {
            const category = facts.complaints[i].key as Category;
            return action({ target: { kind: 'complaints', category }, title: `${t('fewerComplaints')}:${tx(CATEGORY_LABELS[category])}` });
          },
        }}
      />
      <h3>{t('overdueDepartments')}</h3>
      <DataTable
        name="review-overdue"
        header={[t('department'), t('overdueOfJudged')]}
        rows={facts.overdueDepartments.map((d) => [
          tx(d.name) || d.departmentId,
          `${pct(d.overdue.rate)} (${d.overdue.count}/${d.overdue.of})`,
        ])}
        actions={{
          header: t('measure'),
          of: (i) => {
            const d = facts.overdueDepartments[i];
            return action({
              target: { kind: 'overdueRate', departmentId: d.departmentId },
              title: `${t('fixOnTime')}:${dept(d.departmentId)}`,
            });
          },
        }}
      />
      <h3>{t('missedByPlace')}</h3>
      <DataTable
        name="review-missed"
        header={[t('location'), t('missedSlots'), t('worstHours')]}
        rows={missed.map((m) => [
          tx(m.name) || m.locationId,
          m.total,
          m.hours
            .map((n, h) => [h, n] as const)
            .filter(([, n]) => n > 0)
            .sort((a, b) => b[1] - a[1] || a[0] - b[0])
            .slice(0, 3)
            .map(([h, n]) => `${h}:00 (${n})`)
            .join(' · '),
        ])}
        actions={{
          header: t('measure'),
          of: (i) =>
            action({
              target: { kind: 'missedSlots', locationId: missed[i].locationId },
              title: `${t('noMoreMissed')}:${tx(missed[i].name) || missed[i].locationId}`,
            }),
        }}
      />
    </>
  );
}

function MeasureForm({
  proposal,
  targetName,
  departments,
  members,
  onSave,
  onCancel,
}: {
  proposal: Proposal;
  targetName: string;
  departments: { id: string; name: string }[];
  members: { id: string; name: string }[];
  onSave: (m: MeasureInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(proposal.title);
  const [departmentId, setDepartment] = useState(departments[0]?.id ?? '');
  const [assigneeId, setAssignee] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [note, setNote] = useState('');
  const [id] = useState(() => crypto.randomUUID());
  return (
    <form
      class="card measure-form"
      data-testid="measure-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({
          id,
          title: title.trim(),
          departmentId: departmentId || null,
          assigneeId: assigneeId || null,
          dueOn,
          target: proposal.target,
          maintenance: proposal.maintenance ? { ...proposal.maintenance, note: note.trim() } : null,
        });
      }}
    >
      <p>
        {t('targetFigure')}: <strong>{targetName}</strong>
        {proposal.maintenance
          ? ` · ${t('maintenanceDecision')}: ${proposal.maintenance.decision === 'accepted' ? t('accepted') : t('declined')}`
          : ''}
      </p>
      <label>
        {t('measure')} <input name="title" value={title} required maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        {t('department')}{' '}
        <select name="department" value={departmentId} onChange={(e) => setDepartment(e.currentTarget.value)}>
          <option value="">—</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('person')}{' '}
        <select name="assignee" value={assigneeId} onChange={(e) => setAssignee(e.currentTarget.value)}>
          <option value="">—</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dueOn')} <input type="date" name="dueOn" value={dueOn} required onInput={(e) => setDueOn(e.currentTarget.value)} />
      </label>
      {proposal.maintenance ? (
        <label>
          {t('note')} <input name="note" value={note} maxLength={300} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
      ) : null}
      <p>
        <button type="submit" class="primary">
          {t('save')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}
