/**
 * The estate's people and roles, and an administrator's hand on one account (an invitation link, reset, disable,
 * sessions). A new person gets a one-time invitation link (and its QR code) to set their own password.
 */
import { useState } from 'preact/hooks';
import {
  API,
  ROLE_LABELS,
  ROLES,
  formatEstateTime,
  type InvitationLink,
  type PeopleImported,
  type Role,
} from '../../../../../shared/index.ts';
import { call } from '../../../common/api.ts';
import { useCsvPreview } from './csv-file.ts';
import { tx } from '../../../common/i18n.ts';
import { QrImage } from '../../qr.tsx';
import type { Setup } from '../../data.ts';
import { DataTable } from '../../table.tsx';
import { t } from '../../words.ts';
import type { Call } from './call.ts';

/** The link and QR code a person opens on their phone; shown once, to be handed over or printed. */
function Invitation({ who, link, zone }: { who: string; link: InvitationLink; zone: string }) {
  return (
    <section class="invitation" data-testid="invitation">
      <h3>
        {t('invitationFor')} {who}
      </h3>
      <QrImage text={link.url} size={180} label={t('invitationFor')} />
      <p>
        <input readOnly value={link.url} aria-label={t('invitationLink')} data-testid="invitation-url" size={60} />{' '}
        <button type="button" onClick={() => void navigator.clipboard.writeText(link.url)}>
          {t('copy')}
        </button>{' '}
        <button type="button" onClick={() => print()}>
          {t('print')}
        </button>
      </p>
      <p class="hint">
        {t('invitationHint')} {formatEstateTime(link.expiresAt, zone)}
      </p>
    </section>
  );
}

export function Users({ setup, change }: { setup: Setup; change: Call }) {
  const [f, setF] = useState({ username: '', displayName: '', password: '', role: 'inspector' as Role, departmentId: '', lead: false });
  const [invited, setInvited] = useState<{ who: string; link: InvitationLink } | null>(null);
  return (
    <>
      <DataTable
        name="people"
        header={[t('username'), t('displayName'), t('role'), t('department'), t('accountState')]}
        rows={setup.members.map((m) => [
          m.username,
          m.displayName,
          m.lead ? `${tx(ROLE_LABELS[m.role as Role])} · ${t('departmentLead')}` : tx(ROLE_LABELS[m.role as Role]),
          tx(setup.departments.find((d) => d.id === m.departmentId)?.name),
          m.disabled ? t('disabled') : t('active'),
        ])}
      />
      {invited ? <Invitation who={invited.who} link={invited.link} zone={setup.estate.timeZone} /> : null}
      <PeopleImport setup={setup} change={change} />
      <Account setup={setup} change={change} onInvited={setInvited} />
      <form
        class="form"
        data-testid="add-person"
        onSubmit={(e) => {
          e.preventDefault();
          const { password, ...rest } = f;
          void change(API.addUser, {
            params: { estateId: setup.estate.id },
            json: {
              ...rest,
              ...(password ? { password } : {}),
              departmentId: f.role === 'department' ? f.departmentId : null,
              lead: f.role === 'department' && f.lead,
            },
          }).then((made) => {
            if (!made) return;
            setInvited(made.invitation ? { who: made.displayName, link: made.invitation } : null);
            setF({ ...f, username: '', displayName: '', password: '' });
          });
        }}
      >
        <label>
          {t('username')} <input value={f.username} required onInput={(e) => setF({ ...f, username: e.currentTarget.value })} />
        </label>
        <label>
          {t('displayName')} <input value={f.displayName} required onInput={(e) => setF({ ...f, displayName: e.currentTarget.value })} />
        </label>
        <label>
          {t('passwordOptional')}{' '}
          <input
            type="password"
            value={f.password}
            minLength={8}
            autoComplete="new-password"
            onInput={(e) => setF({ ...f, password: e.currentTarget.value })}
          />
        </label>
        <RoleFields setup={setup} value={f} onChange={(r) => setF({ ...f, ...r })} />
        <button type="submit" class="primary">
          {t('add')}
        </button>
      </form>
    </>
  );
}

/** One person's account: a new password, disable or enable, end every session (a lost phone). */

export function Account({
  setup,
  change,
  onInvited,
}: {
  setup: Setup;
  change: Call;
  onInvited: (i: { who: string; link: InvitationLink }) => void;
}) {
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Place>({ role: 'inspector', departmentId: '', lead: false });
  const member = setup.members.find((m) => m.userId === userId);
  return (
    <fieldset class="form" data-testid="account-form">
      <legend>{t('manageAccount')}</legend>
      <label>
        {t('person')}{' '}
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
            <button type="submit">{t('changeRole')}</button>
          </form>
          <button
            type="button"
            data-testid="send-invitation"
            onClick={() =>
              void change(API.invite, { params: { estateId: setup.estate.id, userId: member.userId } }).then(
                (link) => link && onInvited({ who: member.displayName, link }),
              )
            }
          >
            {t('newInvitation')}
          </button>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void change(API.resetPassword, { params: { estateId: setup.estate.id, userId: member.userId }, json: { password } }).then(
                (ok) => ok && setPassword(''),
              );
            }}
          >
            <label>
              {t('newPassword')}{' '}
              <input
                type="password"
                value={password}
                minLength={8}
                required
                autoComplete="new-password"
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </label>
            <button type="submit">{t('resetPassword')}</button>
          </form>
          <button
            type="button"
            onClick={() =>
              void change(member.disabled ? API.enableUser : API.disableUser, {
                params: { estateId: setup.estate.id, userId: member.userId },
              })
            }
          >
            {member.disabled ? t('enableAccount') : t('disableAccount')}
          </button>
          <button
            type="button"
            onClick={() => void change(API.endUserSessions, { params: { estateId: setup.estate.id, userId: member.userId } })}
          >
            {t('endSessions')}
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
        {t('role')}{' '}
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
            {t('department')}{' '}
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
            {t('departmentLead')}
          </label>
        </>
      ) : null}
    </>
  );
}

/** Staff from a CSV (UTF-8 or GBK): previewed, imported at once, then one invitation card per person to print and hand out. */
function PeopleImport({ setup, change }: { setup: Setup; change: Call }) {
  const [done, setDone] = useState<PeopleImported | null>(null);
  const params = { estateId: setup.estate.id };
  const { csv, preview, error, load, clear } = useCsvPreview((text) =>
    call(API.importPeople, { params, json: { csv: text, preview: true } }),
  );
  return (
    <form
      class="form"
      data-testid="people-import"
      onSubmit={(e) => {
        e.preventDefault();
        void change(API.importPeople, { params, json: { csv } }).then((made) => {
          if (!made) return;
          setDone(made);
          clear();
        });
      }}
    >
      <h3>{t('importPeople')}</h3>
      <p class="muted">{t('importPeopleHint')}</p>
      <input
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t('csvFile')}
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (file) await load(file);
        }}
      />
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {preview ? (
        <p data-testid="people-preview">
          {t('peopleToImport')} {preview.created}: {preview.people.map((p) => p.displayName).join('、')}
        </p>
      ) : null}
      <button type="submit" class="primary" disabled={!preview}>
        {t('importPeople')}
      </button>
      {done ? (
        <div class="invitation-cards" data-testid="invitation-cards">
          {done.people.map((p) =>
            p.invitation ? (
              <Invitation key={p.username} who={`${p.displayName} (${p.username})`} link={p.invitation} zone={setup.estate.timeZone} />
            ) : null,
          )}
        </div>
      ) : null}
    </form>
  );
}
