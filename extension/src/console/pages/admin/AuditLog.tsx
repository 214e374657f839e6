/** 操作日志: every administrative change of the estate, newest first, searchable, and exported like every other table. */
import { useState } from 'preact/hooks';
import { API, AUDIT_ACTION_LABELS, formatEstateTime } from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import { call } from '../../../common/api.ts';
import type { Setup } from '../../data.ts';
import { DataTable } from '../../table.tsx';
import { useAsync } from '../../ui.tsx';
import { t } from '../../words.ts';

const shown = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v).slice(0, 300));

export function AuditLog({ setup }: { setup: Setup }) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const params = { estateId: setup.estate.id };
  const { data, error } = useAsync(() => call(API.auditLog, { params, query: { q, limit: 500 } }), [setup.estate.id, q]);
  const zone = setup.estate.timeZone;
  return (
    <section data-testid="audit-log">
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed.trim());
        }}
      >
        <label>
          {t('search')} <input type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">{t('search')}</button>
      </form>
      {error ? <p class="error">{error}</p> : null}
      {data ? (
        <>
          <p class="hint">
            {data.total} {t('changes')}
          </p>
          <DataTable
            name="audit-log"
            header={[t('time'), t('who'), t('action'), t('target'), t('before'), t('after')]}
            rows={data.entries.map((e) => [
              formatEstateTime(e.at, zone),
              e.actor,
              tx(AUDIT_ACTION_LABELS[e.action]) || e.action,
              e.target,
              shown(e.before),
              shown(e.after),
            ])}
          />
        </>
      ) : null}
    </section>
  );
}
