import { useState } from 'preact/hooks';
import { API, TRAINING_KINDS, TRAINING_LABELS, dateIn, type BodyOf, type PlanRecord } from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import { tx, errorText } from '../../common/i18n.ts';
import { estateZone, useSetup } from '../data.ts';
import { DataTable } from '../table.tsx';
import { useAsync } from '../ui.tsx';
import { t } from '../words.ts';

/** 人员培训 · 应急演练 · 社区活动: the plan's other records, each feeding the KPI or an issue. */
/** A record as the form makes it; its id is added when it is sent. */
type PlanRecordBody = BodyOf<typeof API.addPlanRecord>;
type NewRecord = PlanRecordBody extends infer R ? (R extends { id: string } ? Omit<R, 'id'> : never) : never;

export default function RecordsPage({ estateId }: { estateId: string }) {
  const setup = useSetup(estateId);
  const today = () => dateIn(Date.now(), estateZone(estateId));
  const { data, reload, error } = useAsync(() => call(API.planRecords, { params: { estateId } }), [estateId]);
  const [message, setMessage] = useState('');
  const records = data?.records ?? [];
  const save = async (record: NewRecord) => {
    setMessage('');
    try {
      await call(API.addPlanRecord, { params: { estateId }, json: { id: crypto.randomUUID(), ...record } });
      reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const toIssue = async (problem: string) => {
    await call(API.raiseIssue, {
      params: { estateId },
      json: { id: crypto.randomUUID(), source: 'drill', category: 'emergency', severity: 'important', description: problem },
    });
    setMessage(`${t('toIssue')} ✓`);
  };
  const trainings = records.filter((r): r is Extract<PlanRecord, { kind: 'training' }> => r.kind === 'training');
  const drills = records.filter((r): r is Extract<PlanRecord, { kind: 'drill' }> => r.kind === 'drill');
  const activities = records.filter((r): r is Extract<PlanRecord, { kind: 'activity' }> => r.kind === 'activity');
  const [training, setTraining] = useState({
    date: today(),
    topic: 'quality' as (typeof TRAINING_KINDS)[number],
    title: '',
    hours: 2,
    attendees: new Set<string>(),
  });
  const [d, setD] = useState({ date: today(), scenario: '', participants: 10, responseMinutes: 5, problems: '' });
  const [a, setA] = useState({ date: today(), title: '', turnout: 50, feedback: 4.5 });

  return (
    <section data-testid="records-page">
      <h2>{t('records')}</h2>
      {error ? <p class="error">{error}</p> : null}
      {message ? <p role="status">{message}</p> : null}
      <h3>{t('training')}</h3>
      <DataTable
        name="training"
        header={[t('date'), t('topic'), t('name'), t('hours'), t('attended')]}
        rows={trainings.map((r) => [
          r.date,
          tx(TRAINING_LABELS[r.topic]),
          r.title,
          r.hours,
          `${r.attendees.filter((x) => x.attended).length}/${r.attendees.length}`,
        ])}
      />
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save({
            kind: 'training',
            date: training.date,
            topic: training.topic,
            title: training.title,
            hours: training.hours,
            attendees: (setup?.members ?? []).map((m) => ({ userId: m.userId, attended: training.attendees.has(m.userId) })),
          });
        }}
      >
        <label>
          {t('date')} <input type="date" value={training.date} onInput={(e) => setTraining({ ...training, date: e.currentTarget.value })} />
        </label>
        <label>
          {t('topic')}{' '}
          <select
            value={training.topic}
            onChange={(e) => setTraining({ ...training, topic: e.currentTarget.value as typeof training.topic })}
          >
            {TRAINING_KINDS.map((k) => (
              <option key={k} value={k}>
                {tx(TRAINING_LABELS[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('name')} <input value={training.title} required onInput={(e) => setTraining({ ...training, title: e.currentTarget.value })} />
        </label>
        <label>
          {t('hours')}{' '}
          <input
            type="number"
            min={0.25}
            step={0.25}
            value={training.hours}
            onInput={(e) => setTraining({ ...training, hours: Number(e.currentTarget.value) })}
          />
        </label>
        <fieldset>
          <legend>{t('attendees')}</legend>
          {setup?.members
            .filter((m) => m.role !== 'admin')
            .map((m) => (
              <label class="check" key={m.userId}>
                <input
                  type="checkbox"
                  checked={training.attendees.has(m.userId)}
                  onChange={(e) => {
                    const next = new Set(training.attendees);
                    if (e.currentTarget.checked) next.add(m.userId);
                    else next.delete(m.userId);
                    setTraining({ ...training, attendees: next });
                  }}
                />{' '}
                {m.displayName}
              </label>
            ))}
        </fieldset>
        <button type="submit" class="primary">
          {t('add')}
        </button>
      </form>
      <h3>{t('drills')}</h3>
      <DataTable
        name="drills"
        header={[t('date'), t('scenario'), t('participants'), t('responseTime'), t('problems')]}
        rows={drills.map((r) => [r.date, r.scenario, r.participants, r.responseMinutes, r.problems.join('; ')])}
      >
        {drills
          .flatMap((r) => r.problems)
          .map((p) => (
            <button type="button" key={p} onClick={() => void toIssue(p)}>
              {t('toIssue')}: {p.slice(0, 24)}
            </button>
          ))}
      </DataTable>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save({
            kind: 'drill',
            date: d.date,
            scenario: d.scenario,
            participants: d.participants,
            responseMinutes: d.responseMinutes,
            problems: d.problems
              .split('\n')
              .map((x) => x.trim())
              .filter(Boolean),
          });
        }}
      >
        <label>
          {t('date')} <input type="date" value={d.date} onInput={(e) => setD({ ...d, date: e.currentTarget.value })} />
        </label>
        <label>
          {t('scenario')} <input value={d.scenario} required onInput={(e) => setD({ ...d, scenario: e.currentTarget.value })} />
        </label>
        <label>
          {t('participants')}{' '}
          <input
            type="number"
            min={0}
            value={d.participants}
            onInput={(e) => setD({ ...d, participants: Number(e.currentTarget.value) })}
          />
        </label>
        <label>
          {t('responseTime')}{' '}
          <input
            type="number"
            min={0}
            step={0.5}
            value={d.responseMinutes}
            onInput={(e) => setD({ ...d, responseMinutes: Number(e.currentTarget.value) })}
          />
        </label>
        <label>
          {t('problems')} <textarea value={d.problems} onInput={(e) => setD({ ...d, problems: e.currentTarget.value })} />
        </label>
        <button type="submit" class="primary">
          {t('add')}
        </button>
      </form>
      <h3>{t('activities')}</h3>
      <DataTable
        name="activities"
        header={[t('date'), t('name'), t('turnout'), t('feedback')]}
        rows={activities.map((r) => [r.date, r.title, r.turnout, r.feedback])}
      />
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ kind: 'activity', date: a.date, title: a.title, turnout: a.turnout, feedback: a.feedback, notes: '' });
        }}
      >
        <label>
          {t('date')} <input type="date" value={a.date} onInput={(e) => setA({ ...a, date: e.currentTarget.value })} />
        </label>
        <label>
          {t('name')} <input value={a.title} required onInput={(e) => setA({ ...a, title: e.currentTarget.value })} />
        </label>
        <label>
          {t('turnout')}{' '}
          <input type="number" min={0} value={a.turnout} onInput={(e) => setA({ ...a, turnout: Number(e.currentTarget.value) })} />
        </label>
        <label>
          {t('feedback')}{' '}
          <input
            type="number"
            min={1}
            max={5}
            step={0.1}
            value={a.feedback}
            onInput={(e) => setA({ ...a, feedback: Number(e.currentTarget.value) })}
          />
        </label>
        <button type="submit" class="primary">
          {t('add')}
        </button>
      </form>
    </section>
  );
}
