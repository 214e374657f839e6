/**
 * 集团角色: the group administrator gives each person a group role (or none) and a regional manager their estates.
 * Estate roles are given in each estate's 人员与角色 and are only listed here.
 */
import { useState } from 'preact/hooks';
import {
  API,
  GROUP_ROLES,
  GROUP_ROLE_LABELS,
  ROLE_LABELS,
  type GroupAccess,
  type GroupPeople,
  type Role,
} from '../../../../../shared/index.ts';
import { call } from '../../../common/api.ts';
import { tx, errorText } from '../../../common/i18n.ts';
import { useAsync, Outcome } from '../../ui.tsx';
import { t } from '../../words.ts';

type Person = GroupPeople['people'][number];

function PersonRow({ person, estates, onSaved }: { person: Person; estates: GroupPeople['estates']; onSaved: (m: string) => void }) {
  const [access, setAccess] = useState<GroupAccess>(person.access);
  const [busy, setBusy] = useState(false);
  const name = (id: string) => tx(estates.find((e) => e.id === id)?.name) || id;
  const changed = JSON.stringify(access) !== JSON.stringify(person.access);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await call(API.setGroupAccess, { params: { userId: person.id }, json: access });
      setAccess(saved);
      onSaved(t('saved'));
    } catch (e) {
      onSaved(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-person={person.username}>
      <th scope="row">
        {person.displayName} <span class="muted">({person.username})</span>
        {person.disabled ? <span class="muted"> · {t('disabled')}</span> : null}
      </th>
      <td>{person.estates.map((m) => `${name(m.estateId)} · ${tx(ROLE_LABELS[m.role as Role])}`).join(';')}</td>
      <td>
        <select
          aria-label={`${t('groupRole')} · ${person.displayName}`}
          value={access.role ?? ''}
          onChange={(e) => setAccess({ ...access, role: (e.currentTarget.value || null) as GroupAccess['role'] })}
        >
          <option value="">{t('noGroupRole')}</option>
          {GROUP_ROLES.map((r) => (
            <option key={r} value={r}>
              {tx(GROUP_ROLE_LABELS[r])}
            </option>
          ))}
        </select>
      </td>
      <td>
        {access.role === 'regional' ? (
          <fieldset class="inline-checks">
            <legend class="sr-only">
              {t('region')} · {person.displayName}
            </legend>
            {estates.map((e) => (
              <label key={e.id}>
                <input
                  type="checkbox"
                  checked={access.estateIds.includes(e.id)}
                  onChange={(ev) =>
                    setAccess({
                      ...access,
                      estateIds: ev.currentTarget.checked ? [...access.estateIds, e.id] : access.estateIds.filter((x) => x !== e.id),
                    })
                  }
                />{' '}
                {tx(e.name)}
              </label>
            ))}
          </fieldset>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
      <td>
        <button type="button" disabled={!changed || busy} onClick={() => void save()}>
          {t('save')}
        </button>
      </td>
    </tr>
  );
}

export function GroupRoles() {
  const { data, error } = useAsync(() => call(API.groupPeople, {}), []);
  const [message, setMessage] = useState('');
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!data) return <p>{t('loading')}</p>;
  return (
    <section data-testid="group-roles">
      <p class="hint">{t('groupRolesHint')}</p>
      <Outcome message={message} ok={message === t('saved')} />
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('person')}</th>
            <th scope="col">{t('estateRoles')}</th>
            <th scope="col">{t('groupRole')}</th>
            <th scope="col">{t('region')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {data.people.map((p) => (
            <PersonRow key={p.id} person={p} estates={data.estates} onSaved={setMessage} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
