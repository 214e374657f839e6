import { useState } from 'preact/hooks';
import { tx, errorText } from '../../common/i18n.ts';
import type { CallArgs, Endpoint } from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import { loadSetup } from '../data.ts';
import { useEstateRole } from '../session.ts';
import { useAsync, Outcome } from '../ui.tsx';
import { t, type WordKey } from '../words.ts';
import { Locations } from './admin/Locations.tsx';
import { Simple } from './admin/NamedList.tsx';
import { Users } from './admin/People.tsx';
import { Policy } from './admin/Policy.tsx';
import { Routing } from './admin/Routing.tsx';
import { Routes } from './admin/Routes.tsx';
import { Channels } from './admin/Channels.tsx';
import { Schedules } from './admin/Schedules.tsx';
import { Templates } from './admin/Templates.tsx';
import { Estates } from './admin/Estates.tsx';
import { AuditLog } from './admin/AuditLog.tsx';
import { Readiness } from './admin/Readiness.tsx';

type Tab =
  | 'locations'
  | 'buildings'
  | 'departments'
  | 'users'
  | 'templates'
  | 'schedules'
  | 'routing'
  | 'routes'
  | 'channels'
  | 'policy'
  | 'estates'
  | 'auditLog';
const TABS: Tab[] = [
  'locations',
  'buildings',
  'departments',
  'users',
  'templates',
  'schedules',
  'routing',
  'routes',
  'channels',
  'policy',
  'estates',
  'auditLog',
];

/** 基础设置: estates' buildings and locations (with CSV import), departments, people, checklists, schedules, deadlines. */
export default function AdminPage({ estateId }: { estateId: string }) {
  const [tab, setTab] = useState<Tab>('locations');
  const { data: setup, reload, error } = useAsync(() => loadSetup(estateId, true), [estateId]);
  const [message, setMessage] = useState('');
  const role = useEstateRole(estateId);
  const canAdmin = role === 'admin';
  const change = async <E extends Endpoint>(e: E, args: CallArgs<E>) => {
    setMessage('');
    try {
      const answer = await call(e, args);
      setMessage(t('saved'));
      reload();
      return answer;
    } catch (e) {
      setMessage(errorText(e));
      return null;
    }
  };
  if (error) return <p class="error">{error}</p>;
  if (!setup) return <p>{t('loading')}</p>;
  return (
    <section data-testid="admin-page">
      <h2>
        {t('admin')} · {tx(setup.estate.name)}
      </h2>
      {role && !canAdmin ? (
        <p class="hint" data-testid="admin-only">
          {t('adminOnly')}
        </p>
      ) : null}
      <div class="tabs">
        {TABS.map((key) => (
          <button key={key} type="button" class={tab === key ? 'on' : ''} onClick={() => setTab(key)}>
            {t(key as WordKey)}
          </button>
        ))}
      </div>
      <Outcome message={message} ok={message === t('saved')} />
      <Readiness estateId={estateId} revision={setup} />
      {tab === 'locations' ? <Locations setup={setup} change={change} canAdmin={canAdmin} /> : null}
      {tab === 'buildings' ? <Simple setup={setup} kind="buildings" change={change} /> : null}
      {tab === 'departments' ? <Simple setup={setup} kind="departments" change={change} /> : null}
      {tab === 'users' ? <Users setup={setup} change={change} /> : null}
      {tab === 'templates' ? <Templates setup={setup} change={change} /> : null}
      {tab === 'schedules' ? <Schedules setup={setup} /> : null}
      {tab === 'routing' ? <Routing setup={setup} change={change} /> : null}
      {tab === 'routes' ? <Routes setup={setup} change={change} /> : null}
      {tab === 'channels' ? <Channels setup={setup} change={change} /> : null}
      {tab === 'policy' ? <Policy setup={setup} change={change} /> : null}
      {tab === 'estates' ? <Estates setup={setup} change={change} /> : null}
      {tab === 'auditLog' ? <AuditLog setup={setup} /> : null}
    </section>
  );
}
