import { useState } from 'preact/hooks';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  LOCATION_KINDS,
  LOCATION_KIND_LABELS,
  ROLE_LABELS,
  ROLES,
  SEVERITIES,
  SEVERITY_LABELS,
  slotsOfDay,
  scheduleOf,
  toLocal,
  type ChecklistItem,
  type ChecklistTemplate,
  type Category,
  type LocationKind,
  type Role,
  type Schedule,
} from '../../../../shared/index.ts';
import { api } from '../../common/api.ts';
import { clock, tx } from '../../common/i18n.ts';
import { loadSetup, type Setup } from '../data.ts';
import { DataTable } from '../table.tsx';
import { useAsync } from '../ui.tsx';
import { groupCode } from './LabelsPage.tsx';
import { w, type WordKey } from '../words.ts';

type Tab = 'locations' | 'buildings' | 'departments' | 'users' | 'templates' | 'schedules' | 'policy';
const TABS: Tab[] = ['locations', 'buildings', 'departments', 'users', 'templates', 'schedules', 'policy'];

/** 基础设置: estates' buildings and locations (with CSV import), departments, people, checklists, schedules, deadlines. */
export default function AdminPage({ estateId }: { estateId: string }) {
  const [tab, setTab] = useState<Tab>('locations');
  const { data: setup, reload, error } = useAsync(() => loadSetup(estateId, true), [estateId]);
  const [message, setMessage] = useState('');
  const call = async (path: string, json: unknown, method = 'POST') => {
    setMessage('');
    try {
      await api(`/api/estates/${estateId}${path}`, { method, json });
      setMessage(w('saved'));
      reload();
      return true;
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  if (error) return <p class="error">{error}</p>;
  if (!setup) return <p>{w('loading')}</p>;
  return (
    <section data-testid="admin-page">
      <h2>{w('admin')} · {tx(setup.estate.name)}</h2>
      <div class="tabs">
        {TABS.map((t) => <button key={t} type="button" class={tab === t ? 'on' : ''} onClick={() => setTab(t)}>{w(t as WordKey)}</button>)}
      </div>
      {message ? <p role="status" class={message === w('saved') ? 'ok' : 'error'}>{message}</p> : null}
      {tab === 'locations' ? <Locations setup={setup} call={call} /> : null}
      {tab === 'buildings' ? <Simple setup={setup} kind="buildings" call={call} /> : null}
      {tab === 'departments' ? <Simple setup={setup} kind="departments" call={call} /> : null}
      {tab === 'users' ? <Users setup={setup} call={call} /> : null}
      {tab === 'templates' ? <Templates setup={setup} call={call} /> : null}
      {tab === 'schedules' ? <Schedules setup={setup} /> : null}
      {tab === 'policy' ? <Policy setup={setup} call={call} /> : null}
    </section>
  );
}

type Call = (path: string, json: unknown, method?: string) => Promise<boolean>;

function Locations({ setup, call }: { setup: Setup; call: Call }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [kiosk, setKiosk] = useState<{ name: string; url: string } | null>(null);
  const [form, setForm] = useState({ kind: 'lobby' as LocationKind, zh: '', en: '', buildingId: '' });
  const [csv, setCsv] = useState('');
  const building = (id: string | null) => tx(setup.buildings.find((b) => b.id === id)?.name);
  return (
    <>
      <DataTable
        name="locations"
        header={[w('name'), w('kind'), w('buildings'), w('code')]}
        rows={setup.locations.map((l) => [tx(l.name), tx(LOCATION_KIND_LABELS[l.kind]), building(l.buildingId), groupCode(l.code)])}
      />
      <p class="buttons">
        {setup.locations.map((l) => (
          <span key={l.id} class="loc-actions">
            <button type="button" onClick={() => setEditing(l.id)}>{w('edit')}: {tx(l.name)}</button>
            <button type="button" title={w('revoke')} onClick={() => confirm(`${w('revoke')}: ${tx(l.name)}?`) && void call(`/locations/${l.id}/revoke-code`, undefined)}>↻</button>
            <button type="button" title={w('kioskLink')} onClick={() => void api<{ url: string }>(`/api/estates/${setup.estate.id}/locations/${l.id}/kiosk-link`).then((r) => setKiosk({ name: tx(l.name), url: r.url }), (e) => setKiosk({ name: tx(l.name), url: String(e instanceof Error ? e.message : e) }))}>▣</button>
          </span>
        ))}
      </p>
      {kiosk ? (
        <p class="card" data-testid="kiosk-link">
          {w('kioskLink')} · {kiosk.name}: <code class="text">{kiosk.url}</code> <button type="button" onClick={() => setKiosk(null)}>×</button>
        </p>
      ) : null}
      {editing ? <LocationEditor key={editing} setup={setup} locationId={editing} call={call} onDone={() => setEditing(null)} /> : null}
      <form class="form" onSubmit={(e) => (e.preventDefault(), void call('/locations', { kind: form.kind, name: { zh: form.zh, en: form.en }, buildingId: form.buildingId || null }))}>
        <h3>{w('add')}</h3>
        <label>{w('kind')} <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as LocationKind })}>{LOCATION_KINDS.map((k) => <option key={k} value={k}>{tx(LOCATION_KIND_LABELS[k])}</option>)}</select></label>
        <label>{w('name')} (中文) <input value={form.zh} required onInput={(e) => setForm({ ...form, zh: e.currentTarget.value })} /></label>
        <label>{w('name')} (English) <input value={form.en} required onInput={(e) => setForm({ ...form, en: e.currentTarget.value })} /></label>
        <label>{w('buildings')} <select value={form.buildingId} onChange={(e) => setForm({ ...form, buildingId: e.currentTarget.value })}><option value="">—</option>{setup.buildings.map((b) => <option key={b.id} value={b.id}>{tx(b.name)}</option>)}</select></label>
        <button type="submit" class="primary">{w('add')}</button>
      </form>
      <form class="form" onSubmit={(e) => (e.preventDefault(), void call('/locations/import', { csv }).then((ok) => ok && setCsv('')))}>
        <h3>{w('importCsv')}</h3>
        <p class="muted">{w('csvHint')}</p>
        <input type="file" accept=".csv,text/csv" onChange={async (e) => setCsv((await e.currentTarget.files?.[0]?.text()) ?? '')} />
        <textarea value={csv} rows={5} onInput={(e) => setCsv(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={!csv.trim()}>{w('importCsv')}</button>
      </form>
    </>
  );
}

/** A location's name, building and own schedule (or its kind's), with the slots it makes today. */
function LocationEditor({ setup, locationId, call, onDone }: { setup: Setup; locationId: string; call: Call; onDone: () => void }) {
  const loc = setup.locations.find((l) => l.id === locationId)!;
  const [zh, setZh] = useState(loc.name.zh);
  const [en, setEn] = useState(loc.name.en);
  const [buildingId, setBuildingId] = useState(loc.buildingId ?? '');
  const [schedule, setSchedule] = useState<Schedule | null>(loc.schedule);
  const fallback = scheduleOf({ kind: loc.kind, schedule: null }, setup.templates);
  const shown = schedule ?? fallback;
  const today = toLocal(Date.now(), setup.estate.timeZone);
  let preview = '—';
  try {
    if (shown) preview = slotsOfDay(shown, today, setup.estate.timeZone).map((x) => `${clock(x.start, setup.estate.timeZone)}–${clock(x.end, setup.estate.timeZone)}`).join('  ');
  } catch {
    preview = '?';
  }
  const kinds: Record<string, Schedule> = {
    interval: { kind: 'interval', everyHours: 2, from: '07:00', to: '21:00' },
    timesPerDay: { kind: 'timesPerDay', times: 2, minGapHours: 4, from: '08:00', to: '20:00' },
    dailyAt: { kind: 'dailyAt', times: ['09:00'] },
  };
  const field = (key: string, value: string | number) => setSchedule({ ...(schedule as Schedule), [key]: value } as Schedule);
  return (
    <form class="form" data-testid="location-editor" onSubmit={(e) => (e.preventDefault(), void call(`/locations/${loc.id}`, { kind: loc.kind, name: { zh, en }, buildingId: buildingId || null, schedule }, 'PUT').then((ok) => ok && onDone()))}>
      <h3>{tx(loc.name)}</h3>
      <label>{w('name')} (中文) <input value={zh} required onInput={(e) => setZh(e.currentTarget.value)} /></label>
      <label>{w('name')} (English) <input value={en} required onInput={(e) => setEn(e.currentTarget.value)} /></label>
      <label>{w('buildings')} <select value={buildingId} onChange={(e) => setBuildingId(e.currentTarget.value)}><option value="">—</option>{setup.buildings.map((b) => <option key={b.id} value={b.id}>{tx(b.name)}</option>)}</select></label>
      <label>
        {w('schedules')}{' '}
        <select value={schedule?.kind ?? ''} onChange={(e) => setSchedule(e.currentTarget.value ? kinds[e.currentTarget.value] : null)}>
          <option value="">{w('kind')}: {tx(LOCATION_KIND_LABELS[loc.kind])}</option>
          <option value="interval">每 N 小时 · every N hours</option>
          <option value="timesPerDay">每天 N 次 · N times a day</option>
          <option value="dailyAt">每天定时 · daily at</option>
        </select>
      </label>
      {schedule?.kind === 'interval' ? (
        <p class="inline">
          <input type="number" min={0.25} step={0.25} value={schedule.everyHours} onInput={(e) => field('everyHours', Number(e.currentTarget.value))} /> h,{' '}
          <input type="time" value={schedule.from} onInput={(e) => field('from', e.currentTarget.value)} /> – <input type="time" value={schedule.to} onInput={(e) => field('to', e.currentTarget.value)} />
        </p>
      ) : schedule?.kind === 'timesPerDay' ? (
        <p class="inline">
          × <input type="number" min={1} max={24} value={schedule.times} onInput={(e) => field('times', Number(e.currentTarget.value))} />, ≥{' '}
          <input type="number" min={0} step={0.5} value={schedule.minGapHours} onInput={(e) => field('minGapHours', Number(e.currentTarget.value))} /> h,{' '}
          <input type="time" value={schedule.from} onInput={(e) => field('from', e.currentTarget.value)} /> – <input type="time" value={schedule.to} onInput={(e) => field('to', e.currentTarget.value)} />
        </p>
      ) : schedule?.kind === 'dailyAt' ? (
        <p class="inline"><input value={schedule.times.join(' ')} onInput={(e) => setSchedule({ ...schedule, times: e.currentTarget.value.split(/[\s,]+/).filter(Boolean) })} /></p>
      ) : null}
      <p class="muted">{preview}</p>
      <p class="buttons"><button type="submit" class="primary">{w('save')}</button> <button type="button" onClick={onDone}>{w('cancel')}</button></p>
    </form>
  );
}

function Simple({ setup, kind, call }: { setup: Setup; kind: 'buildings' | 'departments'; call: Call }) {
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [categories, setCategories] = useState<Category[]>([]);
  const rows = kind === 'buildings' ? setup.buildings.map((b) => [tx(b.name)]) : setup.departments.map((d) => [tx(d.name), d.categories.map((c) => tx(CATEGORY_LABELS[c as Category])).join(', ')]);
  return (
    <>
      <DataTable name={kind} header={kind === 'buildings' ? [w('name')] : [w('name'), w('category')]} rows={rows} />
      <form class="form" onSubmit={(e) => (e.preventDefault(), void call(`/${kind}`, kind === 'buildings' ? { name: { zh, en } } : { name: { zh, en }, categories }))}>
        <label>{w('name')} (中文) <input value={zh} required onInput={(e) => setZh(e.currentTarget.value)} /></label>
        <label>{w('name')} (English) <input value={en} required onInput={(e) => setEn(e.currentTarget.value)} /></label>
        {kind === 'departments' ? (
          <fieldset>
            {CATEGORIES.map((c) => (
              <label class="check" key={c}><input type="checkbox" checked={categories.includes(c)} onChange={(e) => setCategories(e.currentTarget.checked ? [...categories, c] : categories.filter((x) => x !== c))} /> {tx(CATEGORY_LABELS[c])}</label>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" class="primary">{w('add')}</button>
      </form>
    </>
  );
}

function Users({ setup, call }: { setup: Setup; call: Call }) {
  const [f, setF] = useState({ username: '', displayName: '', password: '', role: 'inspector' as Role, departmentId: '' });
  return (
    <>
      <DataTable
        name="people"
        header={[w('username'), w('displayName'), w('role'), w('department'), w('accountState')]}
        rows={setup.members.map((m) => [
          m.username,
          m.displayName,
          tx(ROLE_LABELS[m.role as Role]),
          tx(setup.departments.find((d) => d.id === m.departmentId)?.name),
          m.disabled ? w('disabled') : w('active'),
        ])}
      />
      <Account setup={setup} call={call} />
      <form class="form" onSubmit={(e) => (e.preventDefault(), void call('/users', { ...f, departmentId: f.role === 'department' ? f.departmentId : null }))}>
        <label>{w('username')} <input value={f.username} required onInput={(e) => setF({ ...f, username: e.currentTarget.value })} /></label>
        <label>{w('displayName')} <input value={f.displayName} required onInput={(e) => setF({ ...f, displayName: e.currentTarget.value })} /></label>
        <label>{w('password')} <input type="password" value={f.password} minLength={8} required onInput={(e) => setF({ ...f, password: e.currentTarget.value })} /></label>
        <label>{w('role')} <select value={f.role} onChange={(e) => setF({ ...f, role: e.currentTarget.value as Role })}>{ROLES.map((r) => <option key={r} value={r}>{tx(ROLE_LABELS[r])}</option>)}</select></label>
        {f.role === 'department' ? (
          <label>{w('department')} <select value={f.departmentId} required onChange={(e) => setF({ ...f, departmentId: e.currentTarget.value })}><option value="">—</option>{setup.departments.map((d) => <option key={d.id} value={d.id}>{tx(d.name)}</option>)}</select></label>
        ) : null}
        <button type="submit" class="primary">{w('add')}</button>
      </form>
    </>
  );
}

/** One person's account: a new password, disable or enable, end every session (a lost phone). */
function Account({ setup, call }: { setup: Setup; call: Call }) {
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const member = setup.members.find((m) => m.userId === userId);
  return (
    <fieldset class="form" data-testid="account-form">
      <legend>{w('manageAccount')}</legend>
      <label>
        {w('person')}{' '}
        <select value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
          <option value="">—</option>
          {setup.members.map((m) => <option key={m.userId} value={m.userId}>{m.displayName} ({m.username})</option>)}
        </select>
      </label>
      {member ? (
        <>
          <form onSubmit={(e) => (e.preventDefault(), void call(`/users/${member.userId}/password`, { password }).then((ok) => ok && setPassword('')))}>
            <label>{w('newPassword')} <input type="password" value={password} minLength={8} required autoComplete="new-password" onInput={(e) => setPassword(e.currentTarget.value)} /></label>
            <button type="submit">{w('resetPassword')}</button>
          </form>
          <button type="button" onClick={() => void call(`/users/${member.userId}/${member.disabled ? 'enable' : 'disable'}`, {})}>{member.disabled ? w('enableAccount') : w('disableAccount')}</button>
          <button type="button" onClick={() => void call(`/users/${member.userId}/sessions`, undefined, 'DELETE')}>{w('endSessions')}</button>
        </>
      ) : null}
    </fieldset>
  );
}

function Templates({ setup, call }: { setup: Setup; call: Call }) {
  const [editing, setEditing] = useState<ChecklistTemplate | null>(null);
  if (editing) {
    const setItem = (n: number, patch: Partial<ChecklistItem>) => setEditing({ ...editing, items: editing.items.map((it, i) => (i === n ? ({ ...it, ...patch } as ChecklistItem) : it)) });
    return (
      <form class="form wide-form" onSubmit={(e) => (e.preventDefault(), void call('/templates', { id: editing.id, kind: editing.kind, name: editing.name, schedule: editing.schedule, items: editing.items }).then((ok) => ok && setEditing(null)))} data-testid="template-editor">
        <h3>{tx(editing.name)} · {w('version')} {editing.version} → {editing.version + 1}</h3>
        <table class="grid">
          <thead><tr><th>{w('item')} (中文)</th><th>English</th><th>{w('category')}</th><th>{w('answerKind')}</th><th>{w('severity')}</th><th>{w('photoOnFail')}</th><th /></tr></thead>
          <tbody>
            {editing.items.map((it, n) => (
              <tr key={n}>
                <td><input value={it.label.zh} onInput={(e) => setItem(n, { label: { ...it.label, zh: e.currentTarget.value } })} /></td>
                <td><input value={it.label.en} onInput={(e) => setItem(n, { label: { ...it.label, en: e.currentTarget.value } })} /></td>
                <td><select value={it.category} onChange={(e) => setItem(n, { category: e.currentTarget.value as Category })}>{CATEGORIES.map((c) => <option key={c} value={c}>{tx(CATEGORY_LABELS[c])}</option>)}</select></td>
                <td>{it.answer.kind}{it.answer.kind === 'number' ? ` ${it.answer.min}–${it.answer.max} ${it.answer.unit}` : ''}</td>
                <td><select value={it.severity} onChange={(e) => setItem(n, { severity: e.currentTarget.value as ChecklistItem['severity'] })}>{SEVERITIES.map((s) => <option key={s} value={s}>{tx(SEVERITY_LABELS[s])}</option>)}</select></td>
                <td><input type="checkbox" checked={it.photoOnFail} onChange={(e) => setItem(n, { photoOnFail: e.currentTarget.checked })} /></td>
                <td><button type="button" onClick={() => setEditing({ ...editing, items: editing.items.filter((_, i) => i !== n) })}>{w('removeItem')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="buttons">
          <button type="button" onClick={() => setEditing({ ...editing, items: [...editing.items, { id: `item-${Date.now().toString(36)}`, label: { zh: '新检查项', en: 'New item' }, category: editing.items[0]?.category ?? 'hygiene', answer: { kind: 'passFail' }, photoOnFail: true, severity: 'general' }] })}>{w('addItem')}</button>
          <button type="submit" class="primary">{w('saveVersion')}</button>
          <button type="button" onClick={() => setEditing(null)}>{w('cancel')}</button>
        </p>
      </form>
    );
  }
  return (
    <table class="grid">
      <thead><tr><th>{w('name')}</th><th>{w('kind')}</th><th>{w('version')}</th><th>{w('item')}</th><th /></tr></thead>
      <tbody>
        {setup.templates.map((t) => (
          <tr key={t.id}>
            <td>{tx(t.name)}</td><td>{tx(LOCATION_KIND_LABELS[t.kind])}</td><td>v{t.version}</td><td>{t.items.length}</td>
            <td><button type="button" onClick={() => setEditing(structuredClone(t))}>{w('edit')}</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each location's schedule as the slots it makes today, computed by the same shared rules as the server. */
function Schedules({ setup }: { setup: Setup }) {
  const today = toLocal(Date.now(), setup.estate.timeZone);
  return (
    <DataTable
      name="schedules"
      header={[w('location'), w('kind'), w('schedules')]}
      rows={setup.locations.map((l) => {
        const s = scheduleOf(l, setup.templates);
        return [tx(l.name), tx(LOCATION_KIND_LABELS[l.kind]), s ? slotsOfDay(s, today, setup.estate.timeZone).map((x) => `${clock(x.start, setup.estate.timeZone)}–${clock(x.end, setup.estate.timeZone)}`).join('  ') : '—'];
      })}
    />
  );
}

function Policy({ setup, call }: { setup: Setup; call: Call }) {
  const [p, setP] = useState(setup.policy);
  return (
    <form class="form" onSubmit={(e) => (e.preventDefault(), void call('/policy', p, 'PUT'))}>
      <table class="grid">
        <thead><tr><th>{w('severity')}</th><th>{w('finishWithin')}</th><th>{w('level2After')}</th></tr></thead>
        <tbody>
          {SEVERITIES.map((s) => (
            <tr key={s}>
              <td>{tx(SEVERITY_LABELS[s])}</td>
              <td><input type="number" min={0.25} step={0.25} value={p.hours[s]} onInput={(e) => setP({ ...p, hours: { ...p.hours, [s]: Number(e.currentTarget.value) } })} /></td>
              <td><input type="number" min={0.25} step={0.25} value={p.level2AfterHours[s]} onInput={(e) => setP({ ...p, level2AfterHours: { ...p.level2AfterHours, [s]: Number(e.currentTarget.value) } })} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        <input type="checkbox" checked={p.separateDuties !== false} onChange={(e) => setP({ ...p, separateDuties: e.currentTarget.checked })} /> {w('separateDuties')}
      </label>
      <button type="submit" class="primary">{w('save')}</button>
    </form>
  );
}
