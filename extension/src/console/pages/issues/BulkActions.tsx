/** Acting on many issues at once: assign them to a department, or verify the fixed ones. Each is its own action. */
import { useState } from 'preact/hooks';
import { API, type Issue, type IssueActionInput } from '../../../../../shared/index.ts';
import { call } from '../../../common/api.ts';
import { tx, errorText } from '../../../common/i18n.ts';
import type { Setup } from '../../data.ts';
import { t } from '../../words.ts';

interface Props {
  chosen: Issue[];
  setup: Setup | null;
  /** After the batch: the selection is cleared and the list reloaded. */
  onDone: () => void;
}

export function BulkActions({ chosen, setup, onDone }: Props) {
  const [assign, setAssign] = useState<{ department: string; requirement: string } | null>(null);
  const [message, setMessage] = useState('');

  const run = async (make: (i: Issue) => IssueActionInput | null) => {
    let done = 0;
    const failures: string[] = [];
    for (const i of chosen) {
      const action = make(i);
      if (!action) continue;
      try {
        await call(API.actOnIssue, { params: { id: i.id }, json: { id: crypto.randomUUID(), action } });
        done++;
      } catch (e) {
        const place = setup?.locations.find((l) => l.id === i.locationId);
        failures.push(`${tx(place?.name)}: ${errorText(e)}`);
      }
    }
    setMessage(`${done} ✓${failures.length ? ` · ${failures.length} ✗ ${failures.join('; ')}` : ''}`);
    setAssign(null);
    onDone();
  };

  return (
    <>
      <div class="bulk">
        <span>
          {chosen.length} {t('selected')}
        </span>
        <button
          type="button"
          disabled={!chosen.length}
          onClick={() => setAssign({ department: setup?.departments[0]?.id ?? '', requirement: '' })}
        >
          {t('bulkAssign')}
        </button>
        <button
          type="button"
          disabled={!chosen.length}
          onClick={() => void run((i) => (i.status === 'rectified' ? { type: 'verify', note: '' } : null))}
        >
          {t('bulkVerify')}
        </button>
        {message ? (
          <span class="msg" role="status">
            {message}
          </span>
        ) : null}
      </div>
      {assign ? (
        <form
          class="form inline"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => ({ type: 'assign', departmentId: assign.department, requirement: assign.requirement.trim(), deadline: null }));
          }}
        >
          <select value={assign.department} onChange={(e) => setAssign({ ...assign, department: e.currentTarget.value })}>
            {setup?.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {tx(d.name)}
              </option>
            ))}
          </select>
          <input
            placeholder={t('requirement')}
            value={assign.requirement}
            required
            onInput={(e) => setAssign({ ...assign, requirement: e.currentTarget.value })}
          />
          <button type="submit" class="primary">
            {t('assign')}
          </button>
          <button type="button" onClick={() => setAssign(null)}>
            {t('cancel')}
          </button>
        </form>
      ) : null}
    </>
  );
}
