/** The estate's people and roles, and an administrator's hand on one account (reset, disable, sessions). */
import { useState } from 'preact/hooks';
import { API, ROLE_LABELS, ROLES, type Role } from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import type { Setup } from '../../data.ts';
import { DataTable } from '../../table.tsx';
import { w } from '../../words.ts';
import type { Call } from './call.ts';

export function Users({ setup, change }: { setup: Setup; change: Call }) {
  const [f, setF] = useState({ username: '', displayName: '', password: '', role: 'inspector' as Role, departmentId: '', lead: false });
  return (
    <>
      <DataTable
        name="people"
        header={[w('username'), w('displayName'), w('role'), w('department'), w('accountState')]}
        rows={setup.members.map((m) => [
          m.username,
          m.displayName,
          m.lead ? `${tx(ROLE_LABELS[m.role as Role])} · ${w('departmentLead')}` : tx(ROLE_LABELS[m.role as Role]),
          tx(setup.departments.find((d) => d.id === m.departmentId)?.name),
          m.disabled ? w('disabled') : w('active'),
        ])}
      />
      <Account setup={setup} change={change} />
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void change(API.addUser, {
            params: { estateId: setup.estate.id },
            json: { ...f, departmentId: f.role === 'department' ? f.departmentId : null, lead: f.role === 'department' && f.lead },
          });
        }}
      >
        <label>
          {w('username')} <input value={f.username} required onInput={(e) => setF({ ...f, username: e.currentTarget.value })} />
        </label>
        <label>
          {w('displayName')} <input value={f.displayName} required onInput={(e) => setF({ ...f, displayName: e.currentTarget.value })} />
        </label>
        <label>
          {w('password')}{' '}
          <input
            type="password"
            value={f.password}
            minLength={8}
            required
            onInput={(e) => setF({ ...f, password: e.currentTarget.value })}
          />
        </label>
        <RoleFields setup={setup} value={f} onChange={(r) => setF({ ...f, ...r })} />
        <button type="submit" class="primary">
          {w('add')}
        </button>
      </form>
    </>
  );
}

/** One person's account: a new password, disable or enable, end every session (a lost phone). */

export function Account({ setup, change }: { setup: Setup; change: Call }) {
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Place>({ role: 'inspector', departmentId: '', lead: false });
  const member = setup.members.find((m) => m.userId === userId);
  return (
    <fieldset class="form" data-testid="account-form">
      <legend>{w('manageAccount')}</legend>
      <label>
        {w('person')}{' '}
        <select
          value={userId}
          onChange={(e) => {
            const m = setup.members.find((x) => x.userId === e.currentTarget.value);
            setUserId(e.currentTarget.value);
            if (m) setRole({ role: m.role, departmentId: m.departmentId ?? '', lead: m.lead });
          }}
        >
          <option value="">—</option>
          {setup.members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.displayName} ({m.username})
            </option>
          ))}
        </select>
      </label>
      {member ? (
        <>
          <form
            data-testid="membership-form"
            onSubmit={(e) => {
              e.preventDefault();
              void change(API.setMembership, {
                params: { estateId: setup.estate.id, userId: member.userId },
                json: {
                  role: role.role,
                  departmentId: role.role === 'department' ? role.departmentId : null,
                  lead: role.role === 'department' && role.lead,
                },
              });
            }}
          >
            <RoleFields setup={setup} value={role} onChange={(r) => setRole({ ...role, ...r })} />
            <button type="submit">{w('changeRole')}</button>
          </form>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void change(API.resetPassword, { params: { estateId: setup.estate.id, userId: member.userId }, json: { password } }).then(
                (ok) => ok && setPassword(''),
              );
            }}
          >
            <label>
              {w('newPassword')}{' '}
              <input
                type="password"
                value={password}
                minLength={8}
                required
                autoComplete="new-password"
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </label>
            <button type="submit">{w('resetPassword')}</button>
          </form>
          <button
            type="button"
            onClick={() =>
              void change(member.disabled ? API.enableUser : API.disableUser, {
                params: { estateId: setup.estate.id, userId: member.userId },
              })
            }
          >
            {member.disabled ? w('enableAccount') : w('disableAccount')}
          </button>
          <button
            type="button"
            onClick={() => void change(API.endUserSessions, { params: { estateId: setup.estate.id, userId: member.userId } })}
          >
            {w('endSessions')}
          </button>
        </>
      ) : null}
    </fieldset>
  );
}

/** Where someone works in the estate: a role, and for department staff their department and whether they lead it. */
interface Place {
  role: Role;
  departmentId: string;
  lead: boolean;
}

function RoleFields({ setup, value, onChange }: { setup: Setup; value: Place; onChange: (patch: Partial<Place>) => void }) {
  return (
    <>
      <label>
        {w('role')}{' '}
        <select value={value.role} onChange={(e) => onChange({ role: e.currentTarget.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tx(ROLE_LABELS[r])}
            </option>
          ))}
        </select>
      </label>
      {value.role === 'department' ? (
        <>
          <label>
            {w('department')}{' '}
            <select value={value.departmentId} required onChange={(e) => onChange({ departmentId: e.currentTarget.value })}>
              <option value="">—</option>
              {setup.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {tx(d.name)}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={value.lead} onChange={(e) => onChange({ lead: e.currentTarget.checked })} />{' '}
            {w('departmentLead')}
          </label>
        </>
      ) : null}
    </>
  );
}
